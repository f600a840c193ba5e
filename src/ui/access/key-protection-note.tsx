/**
 * What protects each kind of key at rest, in plain words (ARCHITECTURE §8 "Access", threat
 * model); the same words stand in README.md.
 */
export function KeyProtectionNote({ isProtected }: { isProtected: boolean }) {
  return (
    <section class="panel" aria-labelledby="at-rest-title">
      <h2 id="at-rest-title">What protects the keys at rest</h2>
      <dl class="facts at-rest">
        <dt>RSA and EC keys in a protected vault</dt>
        <dd>
          <strong>Sealed under the vault's master key</strong> (AES-256). The master key exists only in this page's
          memory while the vault is unlocked; on disk there is only ciphertext, opened by a principal's passphrase
          (PBKDF2, 600 000 rounds) or passkey. A copy of the browser profile gives no key without one of them.
        </dd>
        <dt>RSA-HSM and EC-HSM keys, and keys made non-exportable before protection</dt>
        <dd>
          <strong>Device-bound</strong>: non-extractable browser keys, like keys in an HSM no script can export. At rest
          they are only as safe as your operating-system account, since the browser keeps them in the profile's files.
          The lock and the permissions still gate every use in Certkeep. A version's page says which protection its key
          has.
        </dd>
        <dt>Any key in an unprotected vault</dt>
        <dd>
          Stored as the browser stores keys: whoever opens this browser profile can use every key, and export the
          exportable ones.
          {isProtected ? '' : ' Protect the vault to seal them.'}
        </dd>
      </dl>
    </section>
  );
}
