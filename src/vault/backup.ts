/**
 * backupCertificate / restoreCertificateBackup: every version (DER, chain, attributes, tags),
 * the policy and the exportable keys (PKCS#8), as JSON inside the encrypted container of
 * backup-format.ts.
 *
 * A non-exportable key is a non-extractable CryptoKey: nothing can take it out of this browser,
 * so its backup carries the certificates and `pkcs8: null`. The restored versions then have no
 * key here (VersionRecord.keyId undefined → KeyVaultCertificate.keyIncluded false); signing,
 * decrypting and unwrapping with them is Forbidden, verifying and encrypting still work from the
 * certificate's public key.
 *
 * A CA's issued-certificates log and CRL number travel with it (ARCHITECTURE §8), so a restored
 * CA keeps its serials unique and its CRL numbers growing.
 * In a protected vault the keys go into the file only when the principal also holds
 * secrets/get (ARCHITECTURE §8 "Access"); without it the backup carries the certificates, and
 * their restored versions say `keyIncluded: false`, as for a non-exportable key.
 *
 * Not in a backup: a pending request (its key is single-use and its CSR is already with the
 * CA; cancel it and request again after a restore), the vault's issuers, contacts and trust anchors
 * (vault-wide, not per certificate). Version ids are kept, so a restored certificate's ids match the original's
 * apart from the vault URL.
 */
import { currentUnlock } from './access/gate';
import {
  defaultKeyAlgorithm,
  exportablePkcs8,
  keyProtectionOf,
  storeNewKey,
  type KeyImportAlgorithm,
} from './access/key-access';
import type { VaultContext } from './context';
import { openBackup, sealBackup } from './backup-format';
import { newVersionId } from './ids';
import { assertNoPendingOperation, assertNotDeleted, requireCertificate } from './lookups';
import { certificateKey } from './names';
import type { BackupCertificateOptions, KeyVaultCertificateWithPolicy, RestoreCertificateBackupOptions } from './types';
import { summaryOf } from './version-records';
import { toCertificateWithPolicy } from './views';
import { VaultError } from './vault-error';
import { watchWork } from './long-work';
import type { CaStateRecord, CertificateRecord, IssuedRecord, KeyRecord, StoreTx, VersionRecord } from './vault-store';
import { nextRevision } from './sync/revision';

const PAYLOAD_KIND = 'certkeep-certificate-backup';
const PAYLOAD_VERSION = 1;

interface BackupKey {
  /** the key row's id in the source vault; versions point at it */
  ref: string;
  spec: KeyRecord['spec'];
  exportable: boolean;
  merged: boolean;
  spki: Uint8Array;
  /** null: the key was not extractable and stayed in the source browser */
  pkcs8: Uint8Array | null;
  /**
   * How the vault binds the key (RSASSA-PKCS1-v1_5/SHA-256 or ECDSA, sign): written for readers
   * of the file; a restore binds the key the vault's way whatever it says.
   */
  algorithm: KeyImportAlgorithm;
  usages: KeyUsage[];
}

interface BackupPayload {
  kind: typeof PAYLOAD_KIND;
  payloadVersion: number;
  certificate: Omit<CertificateRecord, 'latest' | 'nextDueMs' | 'lifetimeSeen'>;
  versions: (Omit<VersionRecord, 'keyId'> & { keyRef?: string })[];
  keys: BackupKey[];
  /** a CA's log and CRL state (absent for other certificates, and in backups made before local CAs) */
  issued?: Omit<IssuedRecord, 'caKey'>[];
  caState?: Omit<CaStateRecord, 'caKey'>;
}

/** Test hook: a lower PBKDF2 count. The vault never passes it (public default ≥ 600 000). */
export interface BackupInternals {
  iterations?: number;
}

export async function backupCertificate(
  ctx: VaultContext,
  name: string,
  options: BackupCertificateOptions,
  internals: BackupInternals = {},
): Promise<Uint8Array<ArrayBuffer>> {
  const key = certificateKey(name);
  const password = passwordOf(options);
  // A backup writes nothing to the vault: cancelling only drops the file being made.
  const watched = watchWork(options, 'Backing up the certificate');
  watched.check();
  if (typeof password !== 'string' || password === '') {
    throw new VaultError('BadParameter', 'A backup needs a password: it protects the keys inside the file.', {
      field: 'password',
    });
  }
  const { cert, versions, keys, issued, caState } = await ctx.store.read(async (tx) => {
    const c = await requireCertificate(tx, key, name);
    return {
      cert: c,
      versions: await tx.versionsOf(key),
      keys: await tx.keysOf(key),
      issued: await tx.issuedBy(key),
      caState: await tx.get('caStates', key),
    };
  });
  if (versions.length === 0) {
    throw new VaultError(
      'BadParameter',
      `Certificate "${cert.name}" has no version yet (its request is pending): merge the signed certificate, then back it up.`,
    );
  }
  const used = new Set(versions.map((v) => v.keyId).filter((id): id is string => id !== undefined));
  // A backup file is a way for a key to leave: in a protected vault it carries exportable keys
  // only for a principal who may also take them out with getSecret (secrets/get).
  const unlock = await currentUnlock(ctx);
  const keysMayLeave = !unlock || unlock.owner || unlock.permissions.secrets.includes('get');
  const backupKeys: BackupKey[] = [];
  for (const k of keys) {
    if (!used.has(k.id)) continue;
    backupKeys.push({
      ref: k.id,
      spec: k.spec,
      exportable: k.exportable,
      merged: k.merged,
      spki: k.spki,
      pkcs8: keysMayLeave ? ((await exportablePkcs8(ctx, k)) ?? null) : null,
      algorithm: defaultKeyAlgorithm(k.spec),
      usages: ['sign'],
    });
  }
  const payload: BackupPayload = {
    kind: PAYLOAD_KIND,
    payloadVersion: PAYLOAD_VERSION,
    certificate: withoutSchedule(cert),
    versions: versions
      .sort((a, b) => a.ordinal - b.ordinal)
      .map(({ keyId, ...v }) => ({
        ...v,
        keyRef: keyId !== undefined && backupKeys.some((k) => k.ref === keyId) ? keyId : undefined,
      })),
    keys: backupKeys,
  };
  if (issued.length > 0)
    payload.issued = issued.map((r) => {
      const copy: Partial<IssuedRecord> = { ...r };
      delete copy.caKey;
      return copy as Omit<IssuedRecord, 'caKey'>;
    });
  if (caState) payload.caState = { crlNumber: caState.crlNumber, lastCrlOn: caState.lastCrlOn };
  watched.step('deriving-key');
  const file = await sealBackup(encodePayload(payload), password, { iterations: internals.iterations });
  watched.step('writing', 1, 1);
  return file;
}

export async function restoreCertificateBackup(
  ctx: VaultContext,
  bytes: Uint8Array,
  options: RestoreCertificateBackupOptions,
): Promise<KeyVaultCertificateWithPolicy> {
  // Checked at run time: the arguments come from the caller, whatever their static types said.
  const given: unknown = bytes;
  if (!(given instanceof Uint8Array))
    throw new VaultError('BadParameter', 'The backup must be the bytes of a Certkeep backup file.', { field: 'file' });
  const password = passwordOf(options);
  // Cancel is seen before and after the PBKDF2 and right before the one write transaction.
  const watched = watchWork(options, 'Restoring the backup');
  watched.step('deriving-key');
  const payload = decodePayload(await openBackup(given, typeof password === 'string' ? password : ''));
  watched.check();
  const name = payload.certificate.name;
  const key = certificateKey(name);
  await ctx.store.read((tx) => assertFree(tx, key, name));

  // WebCrypto before the write transaction (ARCHITECTURE §7).
  const keyIds = new Map<string, KeyRecord>();
  for (const k of payload.keys) {
    if (!k.pkcs8) continue;
    keyIds.set(k.ref, await importKeyRecord(ctx, k, k.pkcs8, newVersionId(), key));
  }
  const keyRecords = [...keyIds.values()];
  const versions: VersionRecord[] = payload.versions.map(({ keyRef, ...v }) => {
    const k = keyRef === undefined ? undefined : keyIds.get(keyRef);
    // The key's protection is this vault's, whatever the source vault's was.
    return { ...v, certificateKey: key, keyId: k?.id, keyProtection: k ? keyProtectionOf(k) : 'none' };
  });
  const latest = versions.reduce((a, b) => (b.ordinal > a.ordinal ? b : a));
  const now = ctx.now();
  const cert: CertificateRecord = {
    ...payload.certificate,
    key,
    updatedOn: now,
    latest: summaryOf(latest),
    versionCount: Math.max(payload.certificate.versionCount, latest.ordinal + 1),
    revision: nextRevision(payload.certificate),
  };
  watched.step('writing', 1, 1);
  await ctx.store.write(async (tx) => {
    await assertFree(tx, key, name);
    for (const k of keyRecords) await tx.put('keys', k);
    for (const v of versions) await tx.put('versions', v);
    for (const r of payload.issued ?? []) await tx.put('issued', { ...r, caKey: key });
    if (payload.caState) await tx.put('caStates', { ...payload.caState, caKey: key });
    await tx.put('certificates', cert);
  });
  return toCertificateWithPolicy(ctx, cert, latest);
}

/** Key Vault refuses to restore over a certificate that exists (live, deleted or pending). */
async function assertFree(tx: StoreTx, key: string, name: string): Promise<void> {
  const existing = await tx.get('certificates', key);
  if (existing) {
    throw new VaultError(
      'Conflict',
      `A certificate named "${existing.name}" already exists in this vault: delete and purge it, or restore into another vault.`,
    );
  }
  await assertNotDeleted(tx, key, name);
  await assertNoPendingOperation(tx, key, name);
}

async function importKeyRecord(
  ctx: VaultContext,
  k: BackupKey,
  pkcs8: Uint8Array,
  id: string,
  certKey: string,
): Promise<KeyRecord> {
  try {
    return await storeNewKey(ctx, certKey, { pkcs8: new Uint8Array(pkcs8) }, k.spec, k.exportable, {
      id,
      merged: k.merged,
    });
  } catch (e) {
    throw new VaultError(
      'Malformed',
      'The backup holds a private key this browser cannot import: it is damaged or of an unsupported type.',
      { cause: e, field: 'file' },
    );
  }
}

// JSON with tagged bytes and dates: readable with any JSON tool after decryption, and the
// structure is checked on the way in instead of trusting whatever the file says.
function encodePayload(p: BackupPayload): Uint8Array<ArrayBuffer> {
  const json = JSON.stringify(p, function (this: Record<string, unknown>, k, v: unknown) {
    const original = this[k];
    if (original instanceof Date) return { $date: original.toISOString() };
    if (v instanceof Uint8Array) return { $b64: toBase64(v) };
    return v;
  });
  return new TextEncoder().encode(json);
}

function decodePayload(bytes: Uint8Array): BackupPayload {
  let p: unknown;
  try {
    p = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes), (_k, v: unknown) => {
      if (v && typeof v === 'object' && '$date' in v) return new Date((v as { $date: string }).$date);
      if (v && typeof v === 'object' && '$b64' in v) return fromBase64((v as { $b64: string }).$b64);
      return v;
    });
  } catch (e) {
    throw new VaultError(
      'Malformed',
      'The backup decrypted but its contents are not readable: the file was not made by Certkeep.',
      { cause: e, field: 'file' },
    );
  }
  if (!isRecord(p) || p.kind !== PAYLOAD_KIND)
    throw new VaultError('Malformed', 'The backup decrypted but does not hold a certificate.', { field: 'file' });
  if (p.payloadVersion !== PAYLOAD_VERSION) {
    throw new VaultError(
      'Unsupported',
      `The backup holds data of version ${String(p.payloadVersion)}, which this version of Certkeep cannot read. Update Certkeep and try again.`,
      { field: 'file' },
    );
  }
  if (
    !isRecord(p.certificate) ||
    typeof p.certificate.name !== 'string' ||
    !Array.isArray(p.versions) ||
    p.versions.length === 0 ||
    !Array.isArray(p.keys)
  ) {
    throw new VaultError('Malformed', 'The backup decrypted but its certificate data is incomplete.', {
      field: 'file',
    });
  }
  // The payload was sealed by Certkeep under this password (AES-GCM authenticates it), so past
  // these checks its shape is the one encodePayload wrote.
  return p as unknown as BackupPayload;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/** The password option as it arrived (the options object itself may be missing at run time). */
function passwordOf(options: unknown): unknown {
  return isRecord(options) ? options.password : undefined;
}

/** The certificate row without its lifetime schedule, which belongs to this vault (its contacts were notified, not the target's). */
function withoutSchedule(cert: CertificateRecord): BackupPayload['certificate'] {
  const copy: Partial<CertificateRecord> = { ...cert };
  delete copy.latest;
  delete copy.nextDueMs;
  delete copy.lifetimeSeen;
  return copy as BackupPayload['certificate'];
}

function toBase64(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i += 0x8000) s += String.fromCharCode(...b.subarray(i, i + 0x8000));
  return btoa(s);
}

function fromBase64(s: string): Uint8Array<ArrayBuffer> {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
