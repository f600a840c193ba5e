/**
 * Protected test vaults: an owner with a passphrase (PBKDF2 lowered to 1 000 iterations: the
 * test is about the gates, not the KDF) and passkey-style principals whose 32-byte PRF outputs
 * are random bytes, as a WebAuthn authenticator would return them.
 */
import type { PasskeyInfo, Permissions } from '../../../../src/vault/types';
import { makeVault, type TestVault } from '../vault-fixture';

export const OWNER = 'Alice';
export const OWNER_PASSPHRASE = 'correct horse battery staple';
export const TEST_ITERATIONS = 1000;

export const randomBytes = (n: number): Uint8Array<ArrayBuffer> => crypto.getRandomValues(new Uint8Array(n));

/** A passkey as the lock screen would know it, and the PRF output its authenticator returns. */
export function fakePasskey(): { prf: Uint8Array<ArrayBuffer>; passkey: PasskeyInfo } {
  return { prf: randomBytes(32), passkey: { credentialId: randomBytes(16), prfSalt: randomBytes(32) } };
}

export const NO_PERMISSIONS: Permissions = { certificates: [], keys: [], secrets: [] };

/** A vault, protected by OWNER (unlocked as OWNER). */
export async function protectedVault(options: { now?: Date } = {}): Promise<TestVault> {
  const t = await makeVault({ iterations: TEST_ITERATIONS, ...options });
  await t.vault.protect({ principal: OWNER, passphrase: OWNER_PASSPHRASE });
  return t;
}

/** Every row of every store of the vault's database, as stored. */
export async function rawRows(t: TestVault): Promise<Record<string, unknown[]>> {
  const { STORE_NAMES } = await import('../../../../src/vault/vault-store');
  return t.store.read(async (tx) => {
    const out: Record<string, unknown[]> = {};
    for (const s of STORE_NAMES) out[s] = await tx.getAll(s);
    return out;
  });
}
