/**
 * Soft delete (ARCHITECTURE §5): a deleted certificate keeps every version, key and its operation in
 * one record until purged, and a CA its issued-certificates log and CRL state (§8); recover puts
 * them back unchanged; the name stays taken meanwhile.
 */
import type { VaultContext } from './context';
import { requireCertificate } from './lookups';
import { certificateKey } from './names';
import type { DeletedCertificate, KeyVaultCertificateWithPolicy } from './types';
import { VaultError } from './vault-error';
import type { DeletedRecord, StoreTx } from './vault-store';
import { latestOf, RECOVERABLE_DAYS, toCertificateWithPolicy, toDeleted } from './views';

const DAY_MS = 24 * 3600 * 1000;

export async function deleteCertificate(ctx: VaultContext, name: string): Promise<DeletedCertificate> {
  const key = certificateKey(name);
  return ctx.store.write(async (tx) => {
    const cert = await requireCertificate(tx, key, name);
    if (!cert.latest) {
      throw new VaultError(
        'BadParameter',
        `Certificate "${name}" has no version yet, only a pending request: delete the certificate operation instead.`,
      );
    }
    const versions = await tx.versionsOf(key);
    const keys = await tx.keysOf(key);
    const operation = await tx.get('operations', key);
    const issued = await tx.issuedBy(key);
    const caState = await tx.get('caStates', key);
    const deletedOn = ctx.now();
    const record: DeletedRecord = {
      key,
      name: cert.name,
      deletedOn,
      scheduledPurgeDate: new Date(deletedOn.getTime() + RECOVERABLE_DAYS * DAY_MS),
      certificate: cert,
      versions,
      keys,
      operation,
      ...(issued.length > 0 ? { issued } : {}),
      ...(caState ? { caState } : {}),
    };
    await tx.put('deleted', record);
    for (const r of issued) await tx.delete('issued', [key, r.serialNumber]);
    if (caState) await tx.delete('caStates', key);
    for (const v of versions) await tx.delete('versions', [key, v.version]);
    for (const k of keys) await tx.delete('keys', k.id);
    if (operation) await tx.delete('operations', key);
    await tx.delete('certificates', key);
    return toDeleted(ctx, record);
  });
}

async function requireDeleted(tx: StoreTx, key: string, name: string): Promise<DeletedRecord> {
  const d = await tx.get('deleted', key);
  if (!d) throw new VaultError('NotFound', `There is no deleted certificate named "${name}".`);
  return d;
}

export async function getDeletedCertificate(ctx: VaultContext, name: string): Promise<DeletedCertificate> {
  const key = certificateKey(name);
  return ctx.store.read(async (tx) => toDeleted(ctx, await requireDeleted(tx, key, name)));
}

export async function* listDeletedCertificates(ctx: VaultContext): AsyncIterable<DeletedCertificate> {
  const all = await ctx.store.read((tx) => tx.getAll('deleted'));
  for (const d of all) yield toDeleted(ctx, d);
}

export async function recoverDeletedCertificate(
  ctx: VaultContext,
  name: string,
): Promise<KeyVaultCertificateWithPolicy> {
  const key = certificateKey(name);
  return ctx.store.write(async (tx) => {
    const d = await requireDeleted(tx, key, name);
    if (await tx.get('certificates', key)) {
      throw new VaultError('Conflict', `A certificate named "${name}" exists already: it cannot be recovered over it.`);
    }
    for (const k of d.keys) await tx.put('keys', k);
    for (const v of d.versions) await tx.put('versions', v);
    if (d.operation) await tx.put('operations', d.operation);
    for (const r of d.issued ?? []) await tx.put('issued', r);
    if (d.caState) await tx.put('caStates', d.caState);
    // As it was, revision too: a save from a screen that showed it before the delete finds it unchanged.
    await tx.put('certificates', d.certificate);
    await tx.delete('deleted', key);
    const latest = latestOf(d.versions);
    if (!latest) throw new VaultError('Malformed', `The deleted certificate "${name}" has no version to recover.`);
    return toCertificateWithPolicy(ctx, d.certificate, latest);
  });
}

export async function purgeDeletedCertificate(ctx: VaultContext, name: string): Promise<void> {
  const key = certificateKey(name);
  await ctx.store.write(async (tx) => {
    await requireDeleted(tx, key, name);
    await tx.delete('deleted', key);
  });
}

/**
 * Key Vault purges a deleted certificate when its scheduledPurgeDate passes. There is no
 * server here, so openVault does it: one transaction that drops every record past its date.
 * Returns the names purged.
 */
export async function purgeExpiredDeleted(ctx: VaultContext): Promise<string[]> {
  const now = ctx.now().getTime();
  return ctx.store.write(async (tx) => {
    const purged: string[] = [];
    for (const d of await tx.getAll('deleted')) {
      if (d.scheduledPurgeDate.getTime() <= now) {
        await tx.delete('deleted', d.key);
        purged.push(d.name);
      }
    }
    return purged;
  });
}
