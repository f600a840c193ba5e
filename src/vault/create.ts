/**
 * createCertificate (ARCHITECTURE §5): issuer Self makes key + self-signed certificate at once (a new
 * version, operation "completed"); Unknown or a named issuer makes key + CSR, and the version
 * appears only when mergeCertificate brings the signed certificate.
 *
 * `createVersion` is the internal entry AutoRenew uses: a new self-signed version of an
 * existing certificate under its current policy.
 */
import { createCsr } from '../pki/csr';
import { createSelfSignedCertificate } from '../pki/x509';
import { validateAttributes } from './attributes';
import type { VaultContext } from './context';
import { newVersionId } from './ids';
import { keyProtectionOf, signingPairOf } from './access/key-access';
import { newKeyRecord, sameSpec } from './key-material';
import {
  assertNoPendingOperation,
  assertNotDeleted,
  discardOldOperation,
  knownIssuerNames,
  requireCertificate,
} from './lookups';
import { certificateKey } from './names';
import { defaultPolicy, isExportable, isHsmPolicy, keySpecOfPolicy, keyUsageOf, validatePolicy } from './policy';
import type {
  CertificateOperation,
  CertificatePolicy,
  CreateCertificateOptions,
  KeyVaultCertificateWithPolicy,
} from './types';
import { buildVersion, commitVersion, stampPolicy } from './version-records';
import { VaultError } from './vault-error';
import type { CertificateRecord, KeyRecord, OperationRecord, StoreTx, VersionRecord } from './vault-store';
import { toCertificateWithPolicy, toOperation } from './views';

export const PENDING_DETAILS = 'Pending certificate created. Please Perform Merge to complete the request.';

const isSelf = (p: CertificatePolicy): boolean => (p.issuerName ?? 'Self').toLowerCase() === 'self';

export async function createCertificate(
  ctx: VaultContext,
  name: string,
  input: CertificatePolicy | undefined,
  options: CreateCertificateOptions = {},
): Promise<CertificateOperation> {
  const key = certificateKey(name);
  validateAttributes(options);
  const policy = defaultPolicy(input ?? {});
  const before = await ctx.store.read(async (tx) => {
    await assertNotDeleted(tx, key, name);
    await assertNoPendingOperation(tx, key, name);
    return { issuers: await knownIssuerNames(tx), reusable: await reusableKey(tx, key, policy) };
  });
  validatePolicy(policy, { knownIssuers: before.issuers });
  policy.issuerName = canonicalIssuer(policy.issuerName ?? 'Self', before.issuers);

  if (isSelf(policy)) {
    const made = await issueSelfSigned(ctx, key, policy, options, before.reusable);
    return ctx.store.write(async (tx) => {
      await assertNotDeleted(tx, key, name);
      await assertNoPendingOperation(tx, key, name);
      await discardOldOperation(tx, key, made.keyId);
      const { cert } = await commitVersion(tx, ctx, { name, version: made.version, key: made.newKey, policy });
      const op = operationRecord(ctx, cert, policy, made.keyId, options, 'completed');
      await tx.put('operations', op);
      return toOperation(ctx, op);
    });
  }

  // Unknown / named issuer: a CSR to carry to the CA; the key waits for the merge.
  const made = before.reusable
    ? { record: before.reusable, pair: await signingPairOf(ctx, before.reusable) }
    : await newKeyRecord(ctx, key, keySpecOfPolicy(policy), isExportable(policy), isHsmPolicy(policy));
  const keyRecord = made.record;
  const csr = await createCsr({
    subject: policy.subject ?? '',
    subjectAlternativeNames: policy.subjectAlternativeNames,
    keyUsage: keyUsageOf(policy),
    enhancedKeyUsage: policy.enhancedKeyUsage,
    keys: made.pair,
  });
  return ctx.store.write(async (tx) => {
    await assertNotDeleted(tx, key, name);
    await assertNoPendingOperation(tx, key, name);
    await discardOldOperation(tx, key, keyRecord.id);
    const now = ctx.now();
    const existing = await tx.get('certificates', key);
    const cert: CertificateRecord = existing
      ? { ...existing, policy: stampPolicy(policy, existing.policy, now), updatedOn: now }
      : { key, name, policy: stampPolicy(policy, undefined, now), createdOn: now, updatedOn: now, versionCount: 0 };
    if (!before.reusable) await tx.put('keys', keyRecord);
    await tx.put('certificates', cert);
    const op = { ...operationRecord(ctx, cert, policy, keyRecord.id, options, 'inProgress'), csr };
    await tx.put('operations', op);
    return toOperation(ctx, op);
  });
}

/**
 * A new self-signed version of certificate `name` under its current policy (AutoRenew). The
 * policy must have issuer Self; the certificate must exist and have no pending request.
 */
export async function createVersion(
  ctx: VaultContext,
  name: string,
  options: CreateCertificateOptions = {},
): Promise<KeyVaultCertificateWithPolicy> {
  const key = certificateKey(name);
  const before = await ctx.store.read(async (tx) => {
    const cert = await requireCertificate(tx, key, name);
    await assertNoPendingOperation(tx, key, name);
    return { cert, reusable: await reusableKey(tx, key, cert.policy) };
  });
  const policy = before.cert.policy;
  if (!isSelf(policy)) {
    throw new VaultError(
      'BadParameter',
      `Certificate "${name}" has issuer "${policy.issuerName}": only Self-issued certificates can be renewed inside the vault.`,
      { field: 'issuerName' },
    );
  }
  const made = await issueSelfSigned(ctx, key, policy, options, before.reusable);
  return ctx.store.write(async (tx) => {
    await requireCertificate(tx, key, name);
    await assertNoPendingOperation(tx, key, name);
    const { cert, version } = await commitVersion(tx, ctx, { name, version: made.version, key: made.newKey });
    return toCertificateWithPolicy(ctx, cert, version);
  });
}

/** Key + self-signed certificate + version record, all before any transaction. */
async function issueSelfSigned(
  ctx: VaultContext,
  key: string,
  policy: CertificatePolicy,
  options: CreateCertificateOptions,
  reusable: KeyRecord | undefined,
): Promise<{ version: VersionRecord; newKey?: KeyRecord; keyId: string }> {
  let newKey: KeyRecord | undefined;
  let keys: KeyRecord;
  let pair: CryptoKeyPair;
  if (reusable) {
    keys = reusable;
    pair = await signingPairOf(ctx, reusable);
  } else {
    const made = await newKeyRecord(ctx, key, keySpecOfPolicy(policy), isExportable(policy), isHsmPolicy(policy));
    newKey = { ...made.record, merged: true };
    keys = newKey;
    pair = made.pair;
  }
  const cer = await createSelfSignedCertificate({
    subject: policy.subject ?? '',
    subjectAlternativeNames: policy.subjectAlternativeNames,
    keyUsage: keyUsageOf(policy),
    enhancedKeyUsage: policy.enhancedKeyUsage,
    keys: pair,
    notBefore: ctx.now(),
    validityInMonths: policy.validityInMonths ?? 12,
  });
  const version = await buildVersion(ctx, {
    certificateKey: key,
    cer,
    chain: [cer],
    keyId: keys.id,
    keyExportable: keys.exportable,
    keyProtection: keyProtectionOf(keys),
    enabled: options.enabled ?? policy.enabled ?? true,
    tags: options.tags,
  });
  return { version, newKey, keyId: keys.id };
}

/** With reuseKey, the latest version's key when it fits the policy (same type, size, exportability). */
async function reusableKey(tx: StoreTx, key: string, policy: CertificatePolicy): Promise<KeyRecord | undefined> {
  if (!policy.reuseKey) return undefined;
  const cert = await tx.get('certificates', key);
  const latest = cert?.latest && (await tx.get('versions', [key, cert.latest.version]));
  const keyRecord = latest && latest.keyId !== undefined ? await tx.get('keys', latest.keyId) : undefined;
  if (!keyRecord || !sameSpec(keyRecord.spec, keySpecOfPolicy(policy)) || keyRecord.exportable !== isExportable(policy))
    return undefined;
  return keyRecord;
}

/** "self" → "Self", an issuer's name as the issuer spells it. */
function canonicalIssuer(issuer: string, known: string[]): string {
  const lower = issuer.toLowerCase();
  if (lower === 'self') return 'Self';
  if (lower === 'unknown') return 'Unknown';
  return known.find((n) => n.toLowerCase() === lower) ?? issuer;
}

function operationRecord(
  ctx: VaultContext,
  cert: CertificateRecord,
  policy: CertificatePolicy,
  keyId: string,
  options: CreateCertificateOptions,
  status: 'completed' | 'inProgress',
): OperationRecord {
  const now = ctx.now();
  return {
    key: cert.key,
    name: cert.name,
    issuerName: policy.issuerName ?? 'Self',
    keyId,
    cancellationRequested: false,
    status,
    statusDetails: status === 'inProgress' ? PENDING_DETAILS : '',
    requestId: newVersionId(),
    policy: structuredClone(policy),
    enabled: options.enabled ?? policy.enabled ?? true,
    tags: { ...(options.tags ?? {}) },
    createdOn: now,
    updatedOn: now,
  };
}
