/**
 * Store records → the public shapes of types.ts. Copies arrays and dates so a caller that
 * mutates a result cannot touch what the next call returns.
 */
import type { VaultContext } from './context';
import { certificateId, hexToBytes, keyIdOf, operationId, recoveryIdOf, secretIdOf } from './ids';
import type {
  CertificateOperation,
  CertificatePolicy,
  CertificateProperties,
  DeletedCertificate,
  KeyVaultCertificate,
  KeyVaultCertificateWithPolicy,
} from './types';
import { keyDescription } from './key-description';
import { revisionOf } from './sync/revision';
import type { CertificateRecord, DeletedRecord, OperationRecord, VersionRecord, VersionSummary } from './vault-store';

/** Soft-delete retention (Key Vault's default and maximum). */
export const RECOVERABLE_DAYS = 90;

/**
 * Issuer and key come from the certificate record's policy, which the list already reads
 * (one store, no per-certificate fetch), so they follow updateCertificatePolicy at once.
 */
export function toProperties(
  ctx: VaultContext,
  cert: CertificateRecord,
  v: VersionSummary | undefined,
): CertificateProperties {
  const fromPolicy = {
    issuerName: cert.policy.issuerName,
    keyDescription: keyDescription(cert.policy),
    revision: revisionOf(cert),
  };
  if (!v) {
    return {
      id: certificateId(ctx, cert.name),
      name: cert.name,
      vaultUrl: ctx.vaultUrl,
      enabled: cert.policy.enabled ?? true,
      createdOn: new Date(cert.createdOn),
      updatedOn: new Date(cert.updatedOn),
      tags: {},
      recoverableDays: RECOVERABLE_DAYS,
      recoveryLevel: 'Recoverable',
      pending: true,
      // No certificate yet: the subject it will have, so a list row still has a CN.
      subject: cert.policy.subject,
      ...fromPolicy,
    };
  }
  return {
    id: certificateId(ctx, cert.name, v.version),
    name: cert.name,
    version: v.version,
    vaultUrl: ctx.vaultUrl,
    enabled: v.enabled,
    notBefore: new Date(v.notBefore),
    expiresOn: new Date(v.expiresOn),
    createdOn: new Date(v.createdOn),
    updatedOn: new Date(v.updatedOn),
    tags: { ...v.tags },
    recoverableDays: RECOVERABLE_DAYS,
    recoveryLevel: 'Recoverable',
    x509Thumbprint: hexToBytes(v.x509Thumbprint),
    x509ThumbprintString: v.x509Thumbprint,
    sha256Fingerprint: v.sha256Fingerprint,
    subject: v.subject,
    ...(v.lint ? { lintSummary: { ...v.lint } } : {}),
    ...fromPolicy,
  };
}

export function toCertificate(ctx: VaultContext, cert: CertificateRecord, v: VersionRecord): KeyVaultCertificate {
  return {
    id: certificateId(ctx, cert.name, v.version),
    name: cert.name,
    keyId: keyIdOf(ctx, cert.name, v.version),
    secretId: secretIdOf(ctx, cert.name, v.version),
    cer: v.cer.slice(),
    properties: toProperties(ctx, cert, v),
    chain: v.chain.map((c) => c.slice()),
    keyExportable: v.keyExportable,
    keyIncluded: v.keyId !== undefined,
    keyProtection: v.keyId === undefined ? 'none' : (v.keyProtection ?? 'none'),
  };
}

export function copyPolicy(p: CertificatePolicy): CertificatePolicy {
  return structuredClone(p);
}

export function toCertificateWithPolicy(
  ctx: VaultContext,
  cert: CertificateRecord,
  v: VersionRecord,
): KeyVaultCertificateWithPolicy {
  return { ...toCertificate(ctx, cert, v), policy: copyPolicy(cert.policy) };
}

export function toOperation(ctx: VaultContext, op: OperationRecord): CertificateOperation {
  return {
    id: operationId(ctx, op.name),
    name: op.name,
    vaultUrl: ctx.vaultUrl,
    issuerName: op.issuerName,
    csr: op.csr?.slice(),
    cancellationRequested: op.cancellationRequested,
    status: op.status,
    statusDetails: op.statusDetails,
    error: op.error ? { ...op.error } : undefined,
    target: certificateId(ctx, op.name),
    requestId: op.requestId,
    certificateType: op.policy.certificateType,
    certificateTransparency: op.policy.certificateTransparency,
  };
}

/** The latest version of a deleted record (highest ordinal). */
export function latestOf(versions: VersionRecord[]): VersionRecord | undefined {
  return versions.reduce<VersionRecord | undefined>((a, b) => (!a || b.ordinal > a.ordinal ? b : a), undefined);
}

export function toDeleted(ctx: VaultContext, d: DeletedRecord): DeletedCertificate {
  const latest = latestOf(d.versions);
  if (!latest) throw new Error('deleted record without versions');
  return {
    ...toCertificateWithPolicy(ctx, d.certificate, latest),
    recoveryId: recoveryIdOf(ctx, d.name),
    deletedOn: new Date(d.deletedOn),
    scheduledPurgeDate: new Date(d.scheduledPurgeDate),
  };
}
