/**
 * Integrity of the access rows and the protection header (ARCHITECTURE §8 "Access"). Slots are
 * authenticated by GCM already; who is an owner and which permissions a principal holds are
 * plain fields, so each access row carries an HMAC-SHA-256 under a key derived from the master
 * key. An edit of those fields outside Certkeep (devtools, a disk editor) is refused as
 * tampering at unlock and at every call. Without the master key no one can make a valid row.
 */
import type { Permissions } from '../access-types';
import type { Bytes } from '../types';
import { VaultError } from '../vault-error';
import type { AccessRecord, ProtectionHeader } from './access-store';

const MAC_INFO = 'certkeep access mac v1';

/** The HMAC key of a master key (HKDF-SHA256, its own info string: the MK itself only encrypts). */
export async function macKeyOf(masterKey: CryptoKey): Promise<CryptoKey> {
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', masterKey));
  try {
    const base = await crypto.subtle.importKey('raw', raw, 'HKDF', false, ['deriveKey']);
    return await crypto.subtle.deriveKey(
      { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: new TextEncoder().encode(MAC_INFO) },
      base,
      { name: 'HMAC', hash: 'SHA-256', length: 256 },
      false,
      ['sign', 'verify'],
    );
  } finally {
    raw.fill(0);
  }
}

/** The fields of an access row the MAC covers. */
export type MacFields = Pick<AccessRecord, 'key' | 'principal' | 'owner' | 'permissions'>;

function rowMessage(vaultName: string, headerId: string, row: MacFields): Bytes {
  const sorted = (p: Permissions) => [[...p.certificates].sort(), [...p.keys].sort(), [...p.secrets].sort()];
  return new TextEncoder().encode(
    JSON.stringify(['access', vaultName, headerId, row.key, row.principal, row.owner, sorted(row.permissions)]),
  );
}

function headerMessage(vaultName: string, header: Pick<ProtectionHeader, 'id' | 'sealingPublicKey'>): Bytes {
  const spki = Array.from(header.sealingPublicKey, (b) => b.toString(16).padStart(2, '0')).join('');
  return new TextEncoder().encode(JSON.stringify(['header', vaultName, header.id, spki]));
}

/** The MAC of an access row's covered fields. */
export async function macAccessRow(macKey: CryptoKey, vaultName: string, headerId: string, row: MacFields) {
  return new Uint8Array(await crypto.subtle.sign('HMAC', macKey, rowMessage(vaultName, headerId, row)));
}

/** The MAC of the protection header (its id and sealing public key). */
export async function macHeader(
  macKey: CryptoKey,
  vaultName: string,
  header: Pick<ProtectionHeader, 'id' | 'sealingPublicKey'>,
) {
  return new Uint8Array(await crypto.subtle.sign('HMAC', macKey, headerMessage(vaultName, header)));
}

const tampered = (what: string) =>
  new VaultError(
    'Malformed',
    `${what} was changed outside Certkeep (its integrity check fails): the vault refuses to trust it. Restore the browser profile from a backup, or ask an owner to set the access policy again.`,
  );

/**
 * Malformed when the row's MAC does not match. `seen` remembers the last row (message and MAC)
 * found intact, so the gate of every call does not redo the HMAC for an unchanged row.
 */
export async function checkAccessRow(
  macKey: CryptoKey,
  vaultName: string,
  headerId: string,
  row: AccessRecord,
  seen?: { verified?: string },
) {
  const message = rowMessage(vaultName, headerId, row);
  const fingerprint = seen ? `${new TextDecoder().decode(message)}|${row.mac.join(',')}` : undefined;
  if (fingerprint !== undefined && seen?.verified === fingerprint) return;
  const ok = await crypto.subtle.verify('HMAC', macKey, row.mac, message);
  if (!ok) throw tampered(`The access policy of "${row.principal}"`);
  if (seen) seen.verified = fingerprint;
}

/** Malformed when the header's MAC does not match. */
export async function checkHeader(macKey: CryptoKey, vaultName: string, header: ProtectionHeader) {
  const ok = await crypto.subtle.verify('HMAC', macKey, header.mac, headerMessage(vaultName, header));
  if (!ok) throw tampered("The vault's protection header");
}
