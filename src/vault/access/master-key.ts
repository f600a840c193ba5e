/**
 * The vault master key (MK) and its slots (ARCHITECTURE §8 "Access"): one random AES-256-GCM
 * key per protected vault, wrapped once per principal and method, the way disk encryption
 * keeps key slots. The MK exists unwrapped only in memory while a vault is unlocked; it is
 * extractable there because a new slot wraps it.
 *
 * A slot's AAD names the vault and the principal, so a slot copied to another principal or
 * another vault does not open. A wrong credential fails GCM's tag: that is the only check, there
 * is no verifier hash to attack.
 */
import type { Bytes } from '../types';
import type { PasskeyInfo } from '../access-types';
import { passphraseKek, prfKek, PASSPHRASE_ITERATIONS } from './kek';
import type { Slot } from './access-store';

/** A credential as the vault has checked it: a passphrase, or PRF bytes (+ the passkey's public half for a new slot). */
export type Credential = { passphrase: string } | { prf: Bytes; passkey?: PasskeyInfo };

const random = (n: number): Bytes => crypto.getRandomValues(new Uint8Array(n));

/** A new master key: AES-256-GCM, extractable (slots wrap it), in memory only. */
export function newMasterKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
}

function slotAad(vaultName: string, principalKey: string): Bytes {
  return new TextEncoder().encode(`certkeep mk ${vaultName} ${principalKey}`);
}

/**
 * A new slot for `credential`. `iterations` is for tests only: the vault always uses
 * PASSPHRASE_ITERATIONS (see VaultContext.internals).
 */
export async function makeSlot(
  masterKey: CryptoKey,
  vaultName: string,
  principalKey: string,
  credential: Credential,
  iterations = PASSPHRASE_ITERATIONS,
): Promise<Slot> {
  const iv = random(12);
  const wrap = async (kek: CryptoKey) =>
    new Uint8Array(
      await crypto.subtle.wrapKey('raw', masterKey, kek, {
        name: 'AES-GCM',
        iv,
        additionalData: slotAad(vaultName, principalKey),
      }),
    );
  if ('passphrase' in credential) {
    const salt = random(16);
    const wrappedMk = await wrap(await passphraseKek(credential.passphrase, salt, iterations));
    return { method: 'passphrase', salt, iterations, iv, wrappedMk };
  }
  if (!credential.passkey) throw new Error('makeSlot: a passkey slot needs the passkey');
  const hkdfSalt = random(32);
  const wrappedMk = await wrap(await prfKek(credential.prf, hkdfSalt));
  return {
    method: 'passkey',
    credentialId: new Uint8Array(credential.passkey.credentialId),
    prfSalt: new Uint8Array(credential.passkey.prfSalt),
    hkdfSalt,
    iv,
    wrappedMk,
  };
}

/** The master key from `slot`, or undefined when the credential does not open it. */
export async function openSlot(
  slot: Slot,
  vaultName: string,
  principalKey: string,
  credential: Credential,
): Promise<CryptoKey | undefined> {
  const kek =
    slot.method === 'passphrase' && 'passphrase' in credential
      ? await passphraseKek(credential.passphrase, slot.salt, slot.iterations)
      : slot.method === 'passkey' && 'prf' in credential
        ? await prfKek(credential.prf, slot.hkdfSalt)
        : undefined;
  if (!kek) return undefined;
  try {
    return await crypto.subtle.unwrapKey(
      'raw',
      slot.wrappedMk,
      kek,
      { name: 'AES-GCM', iv: slot.iv, additionalData: slotAad(vaultName, principalKey) },
      { name: 'AES-GCM', length: 256 },
      true,
      ['encrypt', 'decrypt'],
    );
  } catch {
    return undefined;
  }
}

/** The method a credential is for. */
export function methodOf(credential: Credential): Slot['method'] {
  return 'passphrase' in credential ? 'passphrase' : 'passkey';
}
