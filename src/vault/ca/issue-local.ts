/**
 * A vault certificate issued by a Local issuer (createCertificate, and AutoRenew through
 * createVersion): the certificate key is the vault's, the CA signs at once, the chain is the
 * leaf and the CA's chain up to its root, and the CA's log gets the row in the same write as
 * the version.
 *
 * Lifetime rules (ARCHITECTURE §8 "Local CA"): a certificate never outlives its CA (notAfter is
 * cut to the CA's, and statusDetails says so). A cut that leaves less than a day, or that would
 * make the new version due for its own lifetime action at once, is refused: each renewal would
 * otherwise be shorter than the last until the CA expires. The CA is to be renewed first (it
 * keeps its key, so what it issued stays valid).
 */
import { parseCertificate } from '../../pki/certificate-info';
import { issueCertificate } from '../../pki/certificate-issue';
import { validityWindow } from '../../pki/x509';
import { keyProtectionOf } from '../access/key-access';
import type { VaultContext } from '../context';
import { lifetimeActionDueMs, DAY_MS } from '../lifetime-schedule';
import { keyUsageOf } from '../policy';
import { isCaPolicy } from '../policy-ca';
import type { CertificatePolicy } from '../types';
import { buildVersion } from '../version-records';
import { VaultError } from '../vault-error';
import type { IssuedRecord, KeyRecord, VersionRecord } from '../vault-store';
import { assertWithinNameConstraints, pathLengthFor } from './chain-limits';
import { issuedRecordOf } from './issued-log';
import { loadLocalCa } from './local-ca';
import { signingKeyOf } from './signing-key';

export interface LocalIssueInput {
  certificateKey: string;
  name: string;
  policy: CertificatePolicy;
  keys: KeyRecord;
  enabled: boolean;
  tags?: Record<string, string>;
}

export interface LocalIssued {
  version: VersionRecord;
  /** the CA's log row; certificateVersion is the new version's */
  issued: IssuedRecord;
  /** '' or the sentence that the validity was cut to the CA's */
  statusDetails: string;
}

const day = (d: Date): string => d.toISOString().slice(0, 10);

/** Signs a new version of `input.name` with its policy's Local issuer, before any write. */
export async function issueFromLocalCa(ctx: VaultContext, input: LocalIssueInput): Promise<LocalIssued> {
  const { policy, keys } = input;
  const ca = await loadLocalCa(ctx, policy.issuerName ?? '');
  if (ca.cert.key === input.certificateKey)
    throw new VaultError(
      'BadParameter',
      `Certificate "${input.name}" cannot be issued by its own CA (issuer "${ca.issuer.name}"): a root CA uses issuer Self.`,
      { field: 'issuerName' },
    );
  const now = ctx.now();
  const isCa = isCaPolicy(policy);
  const pathLength = isCa ? pathLengthFor(ca.path, ca.name, policy.basicConstraints?.pathLength) : undefined;
  const asked = validityWindow({
    notBefore: now,
    validityInMonths: policy.validityInMonths ?? 12,
    validityInDays: policy.validityInDays,
  });
  assertCaOutlives(ca.name, ca.info.notAfter, asked, policy);

  const issued = await issueCertificate({
    subject: policy.subject ?? '',
    publicKey: keys.spki,
    subjectAlternativeNames: policy.subjectAlternativeNames ?? {},
    keyUsage: keyUsageOf(policy),
    enhancedKeyUsage: policy.enhancedKeyUsage ?? [],
    isCa,
    pathLength,
    nameConstraints: isCa ? policy.nameConstraints : undefined,
    issuerCertificate: ca.version.cer,
    issuerPrivateKey: await signingKeyOf(ctx, ca.key, ca.name),
    notBefore: now,
    validityInMonths: policy.validityInMonths ?? 12,
    validityInDays: policy.validityInDays,
  });
  assertWithinNameConstraints(ca.path, issued.der, ca.name);
  const version = await buildVersion(ctx, {
    certificateKey: input.certificateKey,
    cer: issued.der,
    chain: [issued.der, ...ca.chain],
    keyId: keys.id,
    keyExportable: keys.exportable,
    keyProtection: keyProtectionOf(keys),
    enabled: input.enabled,
    tags: input.tags,
    lintAudience: 'private',
  });
  const parsed = await parseCertificate(issued.der);
  const record = issuedRecordOf(ca.name, ca.version.version, issued, parsed, now, {
    certificateName: input.name,
    certificateVersion: version.version,
  });
  const statusDetails = issued.cutToIssuer
    ? `Issued by CA "${ca.name}" until ${day(issued.notAfter)}, when the CA itself expires, instead of ${day(asked.end)}: a certificate never outlives its CA. Renew the CA to issue for the full validity.`
    : '';
  return { version, issued: record, statusDetails };
}

/** Refuses a validity the CA would cut to less than a day, or to a version due for renewal at once. */
function assertCaOutlives(
  caName: string,
  caNotAfter: Date,
  asked: { start: Date; end: Date },
  policy: CertificatePolicy,
): void {
  if (asked.end <= caNotAfter) return;
  const end = caNotAfter.getTime();
  const start = asked.start.getTime();
  const action = policy.lifetimeActions?.[0];
  const dueAtOnce = action !== undefined && lifetimeActionDueMs(action, start, end) <= start;
  if (end - start >= DAY_MS && !dueAtOnce) return;
  throw new VaultError(
    'BadParameter',
    `CA "${caName}" expires on ${caNotAfter.toISOString()}: a certificate issued now could be valid only until then${dueAtOnce ? ' and would be due for renewal at once' : ''}. Renew the CA first (it keeps its key, so what it issued stays valid).`,
    { field: 'issuerName' },
  );
}
