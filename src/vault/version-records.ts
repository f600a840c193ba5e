/**
 * Making a version: parse the certificate BEFORE the transaction (pki is async and would end
 * it), then `commitVersion` inside one write transaction. The parser is loaded on first use:
 * this module is also on the light path of updating attributes.
 */
import type { VaultContext } from './context';
import { newVersionId } from './ids';
import type { LintAudience } from '../pki/lint/types';
import type { CertificatePolicy, KeyProtection } from './types';
import type { CertificateRecord, KeyRecord, StoreTx, VersionRecord, VersionSummary } from './vault-store';
import { nextRevision } from './sync/revision';

export interface NewVersionInput {
  certificateKey: string;
  cer: Uint8Array;
  chain: Uint8Array[];
  keyId?: string;
  keyExportable: boolean;
  /** access/key-access.ts keyProtectionOf(the key row) */
  keyProtection: KeyProtection;
  enabled?: boolean;
  tags?: Record<string, string>;
  /** who will trust it, for the lint summary: private for Self and Local CAs; default from the certificate */
  lintAudience?: LintAudience;
}

/** A version record with its parsed attributes; `ordinal` is set by commitVersion. */
export async function buildVersion(ctx: VaultContext, input: NewVersionInput): Promise<VersionRecord> {
  const [{ parseCertificate }, { lintSummaryOf }] = await Promise.all([
    import('../pki/certificate-info'),
    import('./lint/lint-summary'),
  ]);
  const info = await parseCertificate(input.cer);
  const lint = await lintSummaryOf(input.cer, input.lintAudience);
  const now = ctx.now();
  return {
    certificateKey: input.certificateKey,
    version: newVersionId(),
    ordinal: -1,
    enabled: input.enabled ?? true,
    notBefore: info.notBefore,
    expiresOn: info.notAfter,
    createdOn: now,
    updatedOn: now,
    tags: { ...(input.tags ?? {}) },
    x509Thumbprint: info.sha1Thumbprint,
    sha256Fingerprint: info.sha256Fingerprint,
    subject: info.subject,
    cer: new Uint8Array(input.cer),
    chain: input.chain.map((c) => new Uint8Array(c)),
    keyId: input.keyId,
    keyExportable: input.keyExportable,
    keyProtection: input.keyProtection,
    ...(lint ? { lint } : {}),
  };
}

export function summaryOf(v: VersionRecord): VersionSummary {
  const {
    version,
    ordinal,
    enabled,
    notBefore,
    expiresOn,
    createdOn,
    updatedOn,
    tags,
    x509Thumbprint,
    sha256Fingerprint,
    subject,
    lint,
  } = v;
  return {
    version,
    ordinal,
    enabled,
    notBefore,
    expiresOn,
    createdOn,
    updatedOn,
    tags,
    x509Thumbprint,
    sha256Fingerprint,
    subject,
    ...(lint ? { lint: { ...lint } } : {}),
  };
}

/** The policy as stored: dates stamped, createdOn kept across updates. */
export function stampPolicy(
  policy: CertificatePolicy,
  previous: CertificatePolicy | undefined,
  now: Date,
): CertificatePolicy {
  const rest = structuredClone(policy);
  delete rest.createdOn;
  delete rest.updatedOn;
  return { ...rest, createdOn: previous?.createdOn ?? now, updatedOn: now };
}

/**
 * Inside a write transaction: stores `version` (and `key` when new) as the latest version of
 * `name`, creating the certificate record when needed. `policy` replaces the certificate's
 * policy when given. Returns both records as written.
 */
export async function commitVersion(
  tx: StoreTx,
  ctx: VaultContext,
  args: { name: string; version: VersionRecord; key?: KeyRecord; policy?: CertificatePolicy },
): Promise<{ cert: CertificateRecord; version: VersionRecord }> {
  const now = ctx.now();
  const existing = await tx.get('certificates', args.version.certificateKey);
  const version: VersionRecord = { ...args.version, ordinal: existing?.versionCount ?? 0 };
  const policy = args.policy ? stampPolicy(args.policy, existing?.policy, now) : existing?.policy;
  if (!policy) throw new Error('commitVersion: a new certificate needs a policy');
  const cert: CertificateRecord = {
    key: version.certificateKey,
    name: existing?.name ?? args.name,
    policy,
    createdOn: existing?.createdOn ?? now,
    updatedOn: now,
    latest: summaryOf(version),
    versionCount: version.ordinal + 1,
    revision: nextRevision(existing),
  };
  if (args.key) await tx.put('keys', args.key);
  await tx.put('versions', version);
  await tx.put('certificates', cert);
  return { cert, version };
}
