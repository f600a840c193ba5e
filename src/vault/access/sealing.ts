/**
 * Sealing private keys at rest (ARCHITECTURE §8 "Access"). A key's PKCS#8 is stored in one of
 * two forms, both AES-256-GCM with AAD "key:<key id>" so a sealed key moved to another row does
 * not open:
 *
 * - `mk`: under the master key. Needs the vault unlocked, to seal and to open.
 * - `sealing-key`: ECIES to the vault's sealing public key (ephemeral ECDH P-256 → HKDF-SHA256
 *   → AES-256-GCM). Sealing needs only the public key, stored in clear, so the service worker
 *   can renew a certificate while the vault is locked; opening needs the sealing private key,
 *   which is itself sealed under the master key.
 */
import type { Bytes } from '../types';
import { VaultError } from '../vault-error';
import type { SealedKey } from './access-store';

const ECDH = { name: 'ECDH', namedCurve: 'P-256' } as const;
const ECIES_INFO = new TextEncoder().encode('certkeep sealed key v1');

/** The AAD of a key row's sealed PKCS#8. */
export const keyLabel = (keyId: string): string => `key:${keyId}`;
/** The AAD of the sealing private key. */
export const SEALING_KEY_LABEL = 'sealing-private-key';

const aad = (label: string) => new TextEncoder().encode(label);

/** AES-256-GCM under `key` (the master key, or an ECIES key). */
export async function sealBytes(key: CryptoKey, plaintext: Bytes, label: string): Promise<{ iv: Bytes; data: Bytes }> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: aad(label) }, key, plaintext);
  return { iv, data: new Uint8Array(data) };
}

/** Opens sealBytes' output; Malformed when it does not open (altered, or bound to another place). */
export async function openBytes(key: CryptoKey, sealed: { iv: Bytes; data: Bytes }, label: string): Promise<Bytes> {
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: sealed.iv, additionalData: aad(label) },
      key,
      sealed.data,
    );
    return new Uint8Array(plain);
  } catch (e) {
    throw new VaultError(
      'Malformed',
      `A sealed value of this vault (${label}) does not open: it was altered or copied from another place. Restore the certificate from a backup.`,
      { cause: e },
    );
  }
}

/** A new sealing key pair: SPKI (stored in clear) and PKCS#8 (to be sealed under the master key). */
export async function newSealingPair(): Promise<{ spki: Bytes; pkcs8: Bytes }> {
  const pair = await crypto.subtle.generateKey(ECDH, true, ['deriveBits']);
  return {
    spki: new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey)),
    pkcs8: new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey)),
  };
}

/** The sealing private key from its PKCS#8, non-extractable. */
export function importSealingKey(pkcs8: Bytes): Promise<CryptoKey> {
  return crypto.subtle.importKey('pkcs8', pkcs8, ECDH, false, ['deriveBits']);
}

async function eciesKey(privateKey: CryptoKey, publicKey: CryptoKey, ephemeralRaw: Bytes, use: KeyUsage) {
  const shared = await crypto.subtle.deriveBits({ name: 'ECDH', public: publicKey }, privateKey, 256);
  const base = await crypto.subtle.importKey('raw', shared, 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: ephemeralRaw, info: ECIES_INFO },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    [use],
  );
}

/** Seals `pkcs8` to the vault's sealing public key (no secret needed). */
export async function sealToPublicKey(sealingSpki: Bytes, pkcs8: Bytes, label: string): Promise<SealedKey> {
  const recipient = await crypto.subtle.importKey('spki', sealingSpki, ECDH, false, []);
  const ephemeral = await crypto.subtle.generateKey(ECDH, false, ['deriveBits']);
  const ephemeralPublicKey = new Uint8Array(await crypto.subtle.exportKey('raw', ephemeral.publicKey));
  const key = await eciesKey(ephemeral.privateKey, recipient, ephemeralPublicKey, 'encrypt');
  return { form: 'sealing-key', ephemeralPublicKey, ...(await sealBytes(key, pkcs8, label)) };
}

/** Opens a key sealed in either form. */
export async function openSealedKey(
  sealed: SealedKey,
  keys: { masterKey: CryptoKey; sealingKey: CryptoKey },
  label: string,
): Promise<Bytes> {
  if (sealed.form === 'mk') return openBytes(keys.masterKey, sealed, label);
  const ephemeral = await crypto.subtle.importKey('raw', sealed.ephemeralPublicKey, ECDH, false, []);
  const key = await eciesKey(keys.sealingKey, ephemeral, sealed.ephemeralPublicKey, 'decrypt');
  return openBytes(key, sealed, label);
}

/** Seals `pkcs8` under the master key. */
export async function sealUnderMasterKey(masterKey: CryptoKey, pkcs8: Bytes, label: string): Promise<SealedKey> {
  return { form: 'mk', ...(await sealBytes(masterKey, pkcs8, label)) };
}
