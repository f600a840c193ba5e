/**
 * Reading certificates and their versions, and updating attributes and policy. Listing reads
 * only the certificates store (the latest version is denormalised there) in pages, so the
 * first page of a 10 000-certificate vault costs one small transaction.
 */
import { validateAttributes } from './attributes';
import type { VaultContext } from './context';
import { requireCertificate, requireVersion } from './lookups';
import { certificateKey } from './names';
import type {
  CertificatePolicy,
  CertificateProperties,
  KeyVaultCertificate,
  KeyVaultCertificateWithPolicy,
  ListPropertiesOfCertificatesOptions,
  UpdateCertificatePropertiesOptions,
} from './types';
import { summaryOf } from './version-records';
import { checkRevision, nextRevision } from './sync/revision';
import type { CertificateRecord } from './vault-store';
import { copyPolicy, toCertificate, toCertificateWithPolicy, toProperties } from './views';

/** Page size of listings: small enough for a fast first page, large enough for few transactions. */
export const LIST_PAGE_SIZE = 100;

export async function getCertificate(ctx: VaultContext, name: string): Promise<KeyVaultCertificateWithPolicy> {
  const key = certificateKey(name);
  return ctx.store.read(async (tx) => {
    const cert = await requireCertificate(tx, key, name);
    return toCertificateWithPolicy(ctx, cert, await requireVersion(tx, cert, undefined));
  });
}

export async function getCertificateVersion(
  ctx: VaultContext,
  name: string,
  version: string,
): Promise<KeyVaultCertificate> {
  const key = certificateKey(name);
  return ctx.store.read(async (tx) => {
    const cert = await requireCertificate(tx, key, name);
    return toCertificate(ctx, cert, await requireVersion(tx, cert, version));
  });
}

export async function* listPropertiesOfCertificates(
  ctx: VaultContext,
  options: ListPropertiesOfCertificatesOptions = {},
): AsyncIterable<CertificateProperties> {
  let after: string | undefined;
  for (;;) {
    const page: CertificateRecord[] = await ctx.store.read((tx) =>
      tx.getAll('certificates', { after, count: LIST_PAGE_SIZE }),
    );
    for (const cert of page) {
      if (cert.latest || options.includePending) yield toProperties(ctx, cert, cert.latest);
    }
    if (page.length < LIST_PAGE_SIZE) return;
    after = page[page.length - 1].key;
  }
}

/** Newest first. */
export async function* listPropertiesOfCertificateVersions(
  ctx: VaultContext,
  name: string,
): AsyncIterable<CertificateProperties> {
  const key = certificateKey(name);
  const { cert, versions } = await ctx.store.read(async (tx) => {
    const cert = await requireCertificate(tx, key, name);
    return { cert, versions: await tx.versionsOf(key) };
  });
  versions.sort((a, b) => b.ordinal - a.ordinal);
  for (const v of versions) yield toProperties(ctx, cert, v);
}

export async function getCertificatePolicy(ctx: VaultContext, name: string): Promise<CertificatePolicy> {
  const key = certificateKey(name);
  return ctx.store.read(async (tx) => copyPolicy((await requireCertificate(tx, key, name)).policy));
}

export async function updateCertificateProperties(
  ctx: VaultContext,
  name: string,
  version: string | undefined,
  options: UpdateCertificatePropertiesOptions,
): Promise<KeyVaultCertificate> {
  const key = certificateKey(name);
  validateAttributes(options);
  return ctx.store.write(async (tx) => {
    const found = await requireCertificate(tx, key, name);
    checkRevision(found, options.ifMatch, `The certificate "${found.name}"`);
    const v = await requireVersion(tx, found, version);
    const updated = {
      ...v,
      enabled: options.enabled ?? v.enabled,
      tags: options.tags !== undefined ? { ...options.tags } : v.tags,
      updatedOn: ctx.now(),
    };
    await tx.put('versions', updated);
    // The certificate row is written even for an older version: its revision covers every version.
    const cert: CertificateRecord = {
      ...found,
      ...(found.latest?.version === v.version ? { latest: summaryOf(updated) } : {}),
      revision: nextRevision(found),
    };
    await tx.put('certificates', cert);
    return toCertificate(ctx, cert, updated);
  });
}
