import type { KeyProtection } from '../state/vault-api';

const WORDS: Record<Exclude<KeyProtection, 'none'>, string> = {
  sealed: "Key at rest: sealed under the vault's master key; only an unlock opens it.",
  'device-bound':
    'Key at rest: device-bound (a non-extractable browser key), as safe as your operating-system account; the lock still gates its use.',
};

/** A version's page says what protects its private key at rest (nothing to say in an unprotected vault). */
export function KeyProtectionLine({ protection }: { protection: KeyProtection }) {
  if (protection === 'none') return null;
  return (
    <p class="hint" data-testid="key-protection">
      {WORDS[protection]}
    </p>
  );
}
