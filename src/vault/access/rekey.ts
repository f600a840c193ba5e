/**
 * protect() and unprotect() turn every key of the vault from one at-rest form into the other
 * (ARCHITECTURE §8 "Access"): the keys store, the keys kept in deleted certificates, the issuer
 * credentials, and the versions' copy of their key's protection. All the crypto happens here,
 * before the one write transaction that stores the result; `fingerprint` lets that transaction
 * refuse if anything changed meanwhile (another tab created a key), so an interrupted or raced
 * change leaves the vault as it was.
 */
import type { DeletedRecord, IssuerRecord, KeyRecord, StoreTx, VersionRecord } from '../vault-store';
import { VaultError } from '../vault-error';
import { importPair, keyProtectionOf } from './key-access';
import { keyLabel, openSealedKey, sealUnderMasterKey } from './sealing';

/** Everything that holds key material or points at it. */
export interface VaultKeys {
  keys: KeyRecord[];
  deleted: DeletedRecord[];
  issuers: IssuerRecord[];
  versions: VersionRecord[];
}

/** Inside a transaction: every row protect/unprotect converts. */
export async function readVaultKeys(tx: StoreTx): Promise<VaultKeys> {
  return {
    keys: await tx.getAll('keys'),
    deleted: await tx.getAll('deleted'),
    issuers: await tx.getAll('issuers'),
    versions: await tx.getAll('versions'),
  };
}

/** Ids and change dates of every row that matters: equal fingerprints = nothing changed. */
function fingerprint(v: VaultKeys): string {
  return JSON.stringify([
    v.keys.map((k) => [k.id, keyProtectionOf(k)]),
    v.deleted.map((d) => [d.key, d.keys.map((k) => k.id)]),
    v.issuers.map((i) => [i.key, +new Date(i.updatedOn)]),
    v.versions.map((x) => [x.certificateKey, x.version, x.keyId ?? null]),
  ]);
}

/** Refuses, inside the write, when the vault changed since `before` was read. */
export async function assertUnchanged(tx: StoreTx, before: VaultKeys): Promise<void> {
  if (fingerprint(await readVaultKeys(tx)) !== fingerprint(before)) {
    throw new VaultError(
      'Conflict',
      'The vault changed while its keys were being converted (another window created or changed something): nothing was changed; try again.',
    );
  }
}

/** Applies `keyFn` to every key row and `issuerFn` to every issuer, and updates the versions' copy. */
export async function convertVaultKeys(
  v: VaultKeys,
  keyFn: (k: KeyRecord) => Promise<KeyRecord>,
  issuerFn: (r: IssuerRecord) => Promise<IssuerRecord>,
): Promise<VaultKeys> {
  const keys: KeyRecord[] = [];
  for (const k of v.keys) keys.push(await keyFn(k));
  const deleted: DeletedRecord[] = [];
  for (const d of v.deleted) {
    const dk: KeyRecord[] = [];
    for (const k of d.keys) dk.push(await keyFn(k));
    deleted.push({ ...d, keys: dk, versions: withProtection(d.versions, dk) });
  }
  const issuers: IssuerRecord[] = [];
  for (const r of v.issuers) issuers.push(await issuerFn(r));
  return { keys, deleted, issuers, versions: withProtection(v.versions, keys) };
}

/** Inside the write: stores every converted row. */
export async function putVaultKeys(tx: StoreTx, v: VaultKeys): Promise<void> {
  for (const k of v.keys) await tx.put('keys', k);
  for (const d of v.deleted) await tx.put('deleted', d);
  for (const r of v.issuers) await tx.put('issuers', r);
  for (const x of v.versions) await tx.put('versions', x);
}

function withProtection(versions: VersionRecord[], keys: KeyRecord[]): VersionRecord[] {
  const byId = new Map(keys.map((k) => [k.id, k]));
  return versions.map((x) => {
    const k = x.keyId === undefined ? undefined : byId.get(x.keyId);
    return { ...x, keyProtection: k ? keyProtectionOf(k) : 'none' };
  });
}

/**
 * protect(): an extractable key is sealed under the master key and loses its CryptoKeys; a
 * non-extractable one (HSM kinds, non-exportable keys made before protection) cannot be
 * exported by anyone, so it stays as it is and is marked device-bound.
 */
export async function protectedRow(k: KeyRecord, masterKey: CryptoKey): Promise<KeyRecord> {
  if (k.sealed || k.deviceBound) return k;
  if (!k.privateKey?.extractable) return { ...k, deviceBound: true };
  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', k.privateKey));
  try {
    const row: KeyRecord = { ...k, sealed: await sealUnderMasterKey(masterKey, pkcs8, keyLabel(k.id)) };
    delete row.privateKey;
    delete row.publicKey;
    return row;
  } finally {
    pkcs8.fill(0);
  }
}

/**
 * unprotect(): a sealed key becomes CryptoKeys bound the vault's default way, extractable only
 * when exportable (as an unprotected vault keeps keys); a device-bound key just loses the mark.
 */
export async function unprotectedRow(
  k: KeyRecord,
  keys: { masterKey: CryptoKey; sealingKey: CryptoKey },
): Promise<KeyRecord> {
  if (k.deviceBound) {
    const row = { ...k };
    delete row.deviceBound;
    return row;
  }
  if (!k.sealed) return k;
  const pkcs8 = await openSealedKey(k.sealed, keys, keyLabel(k.id));
  try {
    const pair = await importPair({ pkcs8 }, k.spec, k.exportable);
    const row: KeyRecord = { ...k, privateKey: pair.privateKey, publicKey: pair.publicKey };
    delete row.sealed;
    return row;
  } finally {
    pkcs8.fill(0);
  }
}
