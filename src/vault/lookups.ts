/**
 * Reads and checks shared by every operation, all inside a transaction so a check and the
 * write it protects see the same state.
 */
import type { CertificateRecord, KeyRecord, OperationRecord, StoreTx, VersionRecord } from './vault-store';
import { VaultError } from './vault-error';

/** A name in the deleted list cannot be reused until purged (Key Vault's soft-delete rule). */
export async function assertNotDeleted(tx: StoreTx, key: string, name: string): Promise<void> {
  if (await tx.get('deleted', key)) {
    throw new VaultError(
      'Conflict',
      `A deleted certificate named "${name}" still exists: recover it or purge it before using the name again.`,
      { field: 'name' },
    );
  }
}

/** Create/import/restore wait until a pending request is merged, cancelled or deleted. */
export async function assertNoPendingOperation(tx: StoreTx, key: string, name: string): Promise<void> {
  const op = await tx.get('operations', key);
  if (op?.status === 'inProgress') {
    throw new VaultError(
      'Conflict',
      `Certificate "${name}" has a pending certificate operation: merge the signed certificate, or cancel or delete the operation first.`,
      { field: 'name' },
    );
  }
}

export async function requireCertificate(tx: StoreTx, key: string, name: string): Promise<CertificateRecord> {
  const cert = await tx.get('certificates', key);
  if (!cert) {
    const hint = (await tx.get('deleted', key)) ? ' It is in the deleted certificates: recover it first.' : '';
    throw new VaultError('NotFound', `Certificate "${name}" was not found in this vault.${hint}`);
  }
  return cert;
}

/** `version` '' or undefined = the latest, as the SDK. */
export async function requireVersion(
  tx: StoreTx,
  cert: CertificateRecord,
  version: string | undefined,
): Promise<VersionRecord> {
  const wanted = version || cert.latest?.version;
  if (!wanted) {
    throw new VaultError(
      'NotFound',
      `Certificate "${cert.name}" has no version yet: its request is pending, merge the signed certificate to complete it.`,
    );
  }
  const v = await tx.get('versions', [cert.key, wanted.toLowerCase()]);
  if (!v) throw new VaultError('NotFound', `Version "${wanted}" of certificate "${cert.name}" was not found.`);
  return v;
}

export async function requireOperation(tx: StoreTx, key: string, name: string): Promise<OperationRecord> {
  const op = await tx.get('operations', key);
  if (!op) throw new VaultError('NotFound', `Certificate "${name}" has no certificate operation.`);
  return op;
}

/** The key pair of a version, or Forbidden when it is not in this browser. */
export async function requireKey(tx: StoreTx, v: VersionRecord, name: string): Promise<KeyRecord> {
  const key = v.keyId === undefined ? undefined : await tx.get('keys', v.keyId);
  if (!key) {
    throw new VaultError(
      'Forbidden',
      `The private key of certificate "${name}" (version ${v.version}) is not in this vault: it was restored from a backup of a key that could not be exported.`,
    );
  }
  return key;
}

/** Attributes that make a version's key and secret inoperable (ARCHITECTURE §5). */
export function assertUsable(v: VersionRecord, name: string, now: Date): void {
  if (!v.enabled)
    throw new VaultError(
      'Forbidden',
      `Certificate "${name}" version ${v.version} is disabled: enable it to use its key or secret.`,
    );
  if (now < v.notBefore)
    throw new VaultError(
      'Forbidden',
      `Certificate "${name}" version ${v.version} is not valid before ${v.notBefore.toISOString()}: its key and secret cannot be used yet.`,
    );
  if (now > v.expiresOn)
    throw new VaultError(
      'Forbidden',
      `Certificate "${name}" version ${v.version} expired on ${v.expiresOn.toISOString()}: its key and secret can no longer be used.`,
    );
}

export async function knownIssuerNames(tx: StoreTx): Promise<string[]> {
  return (await tx.getAll('issuers')).map((i) => i.name);
}

/**
 * A finished (completed, cancelled, failed) operation is replaced by a new create or import;
 * its key goes too when no version ever used it, so no orphan key stays behind.
 */
export async function discardOldOperation(tx: StoreTx, key: string, keepKeyId?: string): Promise<void> {
  const old = await tx.get('operations', key);
  if (!old) return;
  const k = await tx.get('keys', old.keyId);
  if (k && !k.merged && k.id !== keepKeyId) await tx.delete('keys', k.id);
  await tx.delete('operations', key);
}
