/**
 * Key-encryption keys: what opens a principal's master-key slot (ARCHITECTURE §8 "Access").
 * A passphrase goes through PBKDF2-SHA256 (OWASP's 2023 figure for SHA-256: 600 000
 * iterations, 16-byte salt, both stored per slot so the count can be raised later); a passkey's
 * WebAuthn PRF output (32 bytes, already uniformly random) through HKDF-SHA256. Either gives an
 * AES-256-GCM key that can only wrap and unwrap, and is never stored.
 */
import type { VaultContext } from '../context';
import type { Bytes } from '../types';

/** PBKDF2 iterations for a new passphrase slot. */
export const PASSPHRASE_ITERATIONS = 600_000;
/** The iterations of a new passphrase slot: PASSPHRASE_ITERATIONS, unless a test context lowers it. */
export function passphraseIterations(ctx: VaultContext): number {
  return ctx.internals?.passphraseIterations ?? PASSPHRASE_ITERATIONS;
}

/** HKDF info of a passkey slot's KEK. */
const PRF_SLOT_INFO = 'certkeep master-key slot v1';

const KEK_ALGORITHM = { name: 'AES-GCM', length: 256 } as const;

/**
 * The KEK of a passphrase. NFC first: the same passphrase typed on another keyboard or OS may
 * arrive in another Unicode normal form, and must open the same slot.
 */
export async function passphraseKek(passphrase: string, salt: Bytes, iterations: number): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(passphrase.normalize('NFC')),
    'PBKDF2',
    false,
    ['deriveKey'],
  );
  return crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, base, KEK_ALGORITHM, false, [
    'wrapKey',
    'unwrapKey',
  ]);
}

/** The KEK of a passkey's PRF output (32 bytes). */
export async function prfKek(prf: Bytes, hkdfSalt: Bytes): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey('raw', prf, 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: hkdfSalt, info: new TextEncoder().encode(PRF_SLOT_INFO) },
    base,
    KEK_ALGORITHM,
    false,
    ['wrapKey', 'unwrapKey'],
  );
}
