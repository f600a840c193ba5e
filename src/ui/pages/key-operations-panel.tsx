import { useAction } from '../state/use-action';
import type { CertificatePolicy } from '../state/vault-api';
import { ErrorBanner } from '../components/error-banner';
import { getVault } from '../state/vault-client';
import { keyOperationsOf } from './policy-panel';

const EC_ALG = { 'P-256': 'ES256', 'P-384': 'ES384', 'P-521': 'ES512' } as const;

/**
 * What the key may do (its key usage, ARCHITECTURE §5), with a round trip to prove it works: the
 * key stays in the vault, only the test message and its signature / ciphertext come back.
 */
export function KeyOperationsPanel({
  name,
  version,
  policy,
}: {
  name: string;
  version?: string;
  policy: CertificatePolicy;
}) {
  const { busy, error, setError, done: result, run: act } = useAction();
  const ops = keyOperationsOf(policy);
  const ec = policy.keyType?.startsWith('EC');
  const message = new TextEncoder().encode(`Certkeep test message for ${name}`);
  const run = (action: () => Promise<string>) => act(action, (words) => words);
  const signVerify = () =>
    run(async () => {
      const client = await (await getVault()).getCryptographyClient(name, { version });
      const alg = ec ? EC_ALG[policy.keyCurveName ?? 'P-256'] : 'RS256';
      const signed = await client.signData(alg, message);
      const verified = await client.verifyData(alg, message, signed.result);
      return `${alg}: signed (${signed.result.length} bytes), signature ${verified.result ? 'verified' : 'NOT verified'}.`;
    });
  const encryptDecrypt = () =>
    run(async () => {
      const client = await (await getVault()).getCryptographyClient(name, { version });
      const encrypted = await client.encrypt({ algorithm: 'RSA-OAEP-256', plaintext: message });
      const decrypted = await client.decrypt({ algorithm: 'RSA-OAEP-256', ciphertext: encrypted.result });
      const same = new TextDecoder().decode(decrypted.result) === new TextDecoder().decode(message);
      return `RSA-OAEP-256: encrypted (${encrypted.result.length} bytes), decrypted ${same ? 'to the same message' : 'to something else'}.`;
    });
  return (
    <section class="panel" aria-labelledby="keyops-title" aria-busy={busy ? 'true' : undefined}>
      <h2 id="keyops-title">Key operations</h2>
      <p>
        This key may: <strong data-testid="allowed-operations">{ops.join(', ') || 'nothing'}</strong>.
      </p>
      <p class="actions">
        {ops.includes('sign') && (
          <button type="button" disabled={busy} onClick={() => void signVerify()}>
            Sign and verify a test message
          </button>
        )}
        {!ec && ops.includes('encrypt') && ops.includes('decrypt') && (
          <button type="button" disabled={busy} onClick={() => void encryptDecrypt()}>
            Encrypt and decrypt a test message
          </button>
        )}
      </p>
      <p role="status" data-testid="keyops-result">
        {result}
      </p>
      <ErrorBanner error={error} onDismiss={() => setError(undefined)} />
    </section>
  );
}
