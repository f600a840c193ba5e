/**
 * Encryption at rest for the few secrets the vault keeps in its records (issuer passwords and
 * API keys): AES-256-GCM under one key per vault.
 *
 * The vault key is generated with `extractable: false` and stored as a CryptoKey in the meta
 * store: IndexedDB structured-clones a CryptoKey without ever exposing its bytes to page script,
 * so the page can hand nothing out. The browser itself still writes the key's bytes into the
 * profile's files: against a copy of the profile, only a protected vault's master key helps
 * (access/credentials.ts seals credentials under it instead).
 */
import type { VaultContext } from './context';
import type { Bytes } from './types';
import { VaultError } from './vault-error';
import type { StoreTx } from './vault-store';

/** The meta row that holds the vault key. */
export const VAULT_KEY_META = 'vaultKey';

/** A sealed value as stored in a record; `form: 'mk'` = under a protected vault's master key (access/credentials.ts). */
export interface SealedValue {
  iv: Bytes;
  data: Bytes;
  form?: 'mk';
}

/**
 * The vault key, made on first use. Generation is WebCrypto work, so it happens before the
 * write transaction (ARCHITECTURE §7); if another caller stored a key meanwhile, theirs wins and
 * ours is dropped, so every secret is sealed under the one stored key.
 */
export async function getVaultKey(ctx: VaultContext): Promise<CryptoKey> {
  const existing = await ctx.store.read((tx) => readVaultKey(tx));
  if (existing) return existing;
  const fresh = await newVaultKey();
  return ctx.store.write(async (tx) => {
    const raced = await readVaultKey(tx);
    if (raced) return raced;
    await tx.put('meta', { key: VAULT_KEY_META, value: fresh });
    return fresh;
  });
}

/** A new vault key (non-extractable AES-256-GCM). */
export function newVaultKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

/** The stored vault key, if any (inside a transaction). */
export async function readVaultKey(tx: StoreTx): Promise<CryptoKey | undefined> {
  const row = await tx.get('meta', VAULT_KEY_META);
  return row?.value as CryptoKey | undefined;
}

/**
 * Encrypts `plaintext` (UTF-8). `label` binds the ciphertext to its place (e.g. "issuer:acme")
 * as GCM additional data, so a sealed value copied into another record does not open there.
 */
export async function sealText(key: CryptoKey, plaintext: string, label: string): Promise<SealedValue> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(label) },
    key,
    new TextEncoder().encode(plaintext),
  );
  return { iv, data: new Uint8Array(data) };
}

/** Decrypts a sealed value; Malformed (with an actionable message) when it does not open. */
export async function openText(key: CryptoKey, sealed: SealedValue, label: string): Promise<string> {
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: new Uint8Array(sealed.iv), additionalData: new TextEncoder().encode(label) },
      key,
      new Uint8Array(sealed.data),
    );
    return new TextDecoder().decode(plain);
  } catch (e) {
    throw new VaultError(
      'Malformed',
      `A stored credential (${label}) could not be decrypted: the vault's data was altered or copied from another vault. Set the credential again.`,
      { cause: e },
    );
  }
}
