/**
 * createCertificate (ARCHITECTURE §5): issuer Self makes key + self-signed certificate at once (a new
 * version, operation "completed"), and so does a Local issuer, whose CA signs it (§8 "Local CA");
 * Unknown or an external issuer makes key + CSR, and the version appears only when
 * mergeCertificate brings the signed certificate.
 *
 * `createVersion` is the internal entry AutoRenew uses: a new version of an existing Self or
 * Local certificate under its current policy. A CA keeps its key when it renews.
 */
import { createCsr } from '../pki/csr';
import { createSelfSignedCertificate } from '../pki/x509';
import { validateAttributes } from './attributes';
import type { VaultContext } from './context';
import { newVersionId } from './ids';
import { authorize } from './access/gate';
import { keyProtectionOf, signingPairOf } from './access/key-access';
import { newKeyRecord, sameSpec } from './key-material';
import { issueFromLocalCa } from './ca/issue-local';
import { logIssued } from './ca/issued-log';
import {
  assertNoPendingOperation,
  assertNotDeleted,
  discardOldOperation,
  knownIssuers,
  requireCertificate,
} from './lookups';
import { certificateKey } from './names';
import { defaultPolicy, isExportable, isHsmPolicy, keySpecOfPolicy, keyUsageOf, validatePolicy } from './policy';
import { isCaPolicy } from './policy-ca';
import type {
  CertificateOperation,
  CertificatePolicy,
  CreateCertificateOptions,
  KeyVaultCertificateWithPolicy,
} from './types';
import { buildVersion, commitVersion, stampPolicy } from './version-records';
import { VaultError } from './vault-error';
import { watchWork } from './long-work';
import type {
  CertificateRecord,
  IssuedRecord,
  KeyRecord,
  OperationRecord,
  StoreTx,
  VersionRecord,
} from './vault-store';
import { toCertificateWithPolicy, toOperation } from './views';
import { nextRevision } from './sync/revision';

export const PENDING_DETAILS = 'Pending certificate created. Please Perform Merge to complete the request.';

const isSelf = (p: CertificatePolicy): boolean => (p.issuerName ?? 'Self').toLowerCase() === 'self';
const isLocal = (p: CertificatePolicy, localIssuers: string[]): boolean =>
  localIssuers.some((n) => n.toLowerCase() === (p.issuerName ?? '').toLowerCase());

export async function createCertificate(
  ctx: VaultContext,
  name: string,
  input: CertificatePolicy | undefined,
  options: CreateCertificateOptions = {},
): Promise<CertificateOperation> {
  const key = certificateKey(name);
  validateAttributes(options);
  // Cancel is seen before the key is made, after it (generateKey itself cannot be stopped: its
  // key is dropped) and right before the one write; once that runs the certificate exists.
  const watched = watchWork(options, 'Creating the certificate');
  watched.check();
  const before = await ctx.store.read(async (tx) => {
    await assertNotDeleted(tx, key, name);
    await assertNoPendingOperation(tx, key, name);
    return { issuers: await knownIssuers(tx), reusable: await reusableKey(tx, key, defaultPolicy(input ?? {})) };
  });
  const policy = defaultPolicy(input ?? {}, before.issuers);
  validatePolicy(policy, before.issuers);
  policy.issuerName = canonicalIssuer(policy.issuerName ?? 'Self', before.issuers.knownIssuers);

  const local = isLocal(policy, before.issuers.localIssuers);
  // The Local issuer's CA signs with its key: keys/sign besides the certificates/create the
  // dispatcher checked (ARCHITECTURE §8 "Access"); checked before any key is made.
  if (local) await authorize(ctx, { keys: 'sign' }, 'Creating the certificate');
  watched.step('generating-key');
  if (isSelf(policy) || local) {
    const made = await issueVersion(ctx, key, name, policy, options, before.reusable);
    watched.step('writing', 1, 1);
    return ctx.store.write(async (tx) => {
      await assertNotDeleted(tx, key, name);
      await assertNoPendingOperation(tx, key, name);
      await discardOldOperation(tx, key, made.keyId);
      const { cert } = await commitVersion(tx, ctx, { name, version: made.version, key: made.newKey, policy });
      if (made.issued) await logIssued(tx, made.issued);
      const op = operationRecord(ctx, cert, policy, made.keyId, options, 'completed');
      op.statusDetails = made.statusDetails;
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
  watched.step('writing', 1, 1);
  return ctx.store.write(async (tx) => {
    await assertNotDeleted(tx, key, name);
    await assertNoPendingOperation(tx, key, name);
    await discardOldOperation(tx, key, keyRecord.id);
    const now = ctx.now();
    const existing = await tx.get('certificates', key);
    const cert: CertificateRecord = existing
      ? {
          ...existing,
          policy: stampPolicy(policy, existing.policy, now),
          updatedOn: now,
          revision: nextRevision(existing),
        }
      : {
          key,
          name,
          policy: stampPolicy(policy, undefined, now),
          createdOn: now,
          updatedOn: now,
          versionCount: 0,
          revision: 1,
        };
    if (!before.reusable) await tx.put('keys', keyRecord);
    await tx.put('certificates', cert);
    const op = { ...operationRecord(ctx, cert, policy, keyRecord.id, options, 'inProgress'), csr };
    await tx.put('operations', op);
    return toOperation(ctx, op);
  });
}

/**
 * A new version of certificate `name` under its current policy (AutoRenew). The policy must
 * have issuer Self or a Local issuer; the certificate must exist and have no pending request.
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
    return { cert, reusable: await reusableKey(tx, key, cert.policy), issuers: await knownIssuers(tx) };
  });
  const policy = before.cert.policy;
  if (!isSelf(policy) && !isLocal(policy, before.issuers.localIssuers)) {
    throw new VaultError(
      'BadParameter',
      `Certificate "${name}" has issuer "${policy.issuerName}": only certificates issued by Self or a Local issuer can be renewed inside the vault.`,
      { field: 'issuerName' },
    );
  }
  // A CA renewed with a new key would orphan everything it issued: it keeps its key (ARCHITECTURE §8).
  if (isCaPolicy(policy) && !before.reusable) {
    throw new VaultError(
      'BadParameter',
      `CA certificate "${name}" cannot be renewed: a CA keeps its key, and the key of its latest version is not in this browser or no longer fits its policy's key type, size or exportability. Put the policy's key fields back, or create a new CA.`,
      { field: 'keyType' },
    );
  }
  const made = await issueVersion(ctx, key, name, policy, options, before.reusable);
  return ctx.store.write(async (tx) => {
    await requireCertificate(tx, key, name);
    await assertNoPendingOperation(tx, key, name);
    const { cert, version } = await commitVersion(tx, ctx, { name, version: made.version, key: made.newKey });
    if (made.issued) await logIssued(tx, made.issued);
    return toCertificateWithPolicy(ctx, cert, version);
  });
}

interface Made {
  version: VersionRecord;
  newKey?: KeyRecord;
  keyId: string;
  /** a Local issuer's log row */
  issued?: IssuedRecord;
  statusDetails: string;
}

/** Key + certificate (self-signed, or by the Local issuer's CA) + version record, all before any transaction. */
async function issueVersion(
  ctx: VaultContext,
  key: string,
  name: string,
  policy: CertificatePolicy,
  options: CreateCertificateOptions,
  reusable: KeyRecord | undefined,
): Promise<Made> {
  let newKey: KeyRecord | undefined;
  let keys: KeyRecord;
  let pair: CryptoKeyPair | undefined;
  if (reusable) keys = reusable;
  else {
    const made = await newKeyRecord(ctx, key, keySpecOfPolicy(policy), isExportable(policy), isHsmPolicy(policy));
    newKey = { ...made.record, merged: true };
    keys = newKey;
    pair = made.pair;
  }
  const enabled = options.enabled ?? policy.enabled ?? true;
  if (!isSelf(policy)) {
    // The CA signs over the certificate's public key: its own private key is not needed, so a
    // reused sealed key does not stop a locked renewal whose CA key is device-bound.
    const local = await issueFromLocalCa(ctx, { certificateKey: key, name, policy, keys, enabled, tags: options.tags });
    return { ...local, newKey, keyId: keys.id };
  }
  pair ??= await signingPairOf(ctx, keys);
  const cer = await createSelfSignedCertificate({
    subject: policy.subject ?? '',
    subjectAlternativeNames: policy.subjectAlternativeNames,
    keyUsage: keyUsageOf(policy),
    enhancedKeyUsage: policy.enhancedKeyUsage,
    keys: pair,
    notBefore: ctx.now(),
    validityInMonths: policy.validityInMonths ?? 12,
    validityInDays: policy.validityInDays,
    isCa: isCaPolicy(policy),
    pathLength: policy.basicConstraints?.pathLength,
    nameConstraints: isCaPolicy(policy) ? policy.nameConstraints : undefined,
  });
  const version = await buildVersion(ctx, {
    certificateKey: key,
    cer,
    chain: [cer],
    keyId: keys.id,
    keyExportable: keys.exportable,
    keyProtection: keyProtectionOf(keys),
    enabled,
    tags: options.tags,
  });
  return { version, newKey, keyId: keys.id, statusDetails: '' };
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
