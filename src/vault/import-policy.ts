/**
 * The policy an imported certificate implies when the caller gives none (ARCHITECTURE §5): subject,
 * SANs, key type/size/curve, KU, EKU and validity read from the certificate; issuer "Self" for
 * a self-signed certificate, "Unknown" otherwise.
 */
import type { CertificateInfo } from '../pki/certificate-info';
import type { KeySpec } from '../pki/types';
import { defaultPolicy, MAX_VALIDITY_MONTHS } from './policy';
import type { CertificatePolicy, KeyUsageType } from './types';

const AVERAGE_MONTH_MS = 30.436875 * 24 * 3600 * 1000;
const EC_FORBIDDEN: KeyUsageType[] = ['keyEncipherment', 'dataEncipherment', 'encipherOnly', 'decipherOnly'];

/** `base`: the certificate's current policy on re-import (its contentType and lifetime action are kept). */
export function derivePolicy(
  info: CertificateInfo,
  spec: KeySpec,
  exportable: boolean,
  base?: CertificatePolicy,
): CertificatePolicy {
  const months = Math.round((info.notAfter.getTime() - info.notBefore.getTime()) / AVERAGE_MONTH_MS);
  const issuerName = info.selfSigned ? 'Self' : 'Unknown';
  // Some CAs put keyEncipherment on EC certificates; the vault cannot use it, so it is dropped
  // from the policy rather than refusing the import.
  const keyUsage = spec.kty === 'EC' ? info.keyUsage.filter((u) => !EC_FORBIDDEN.includes(u)) : info.keyUsage;
  const keepLifetime = base?.lifetimeActions?.every((a) => !(a.action === 'AutoRenew' && issuerName === 'Unknown'));
  return defaultPolicy({
    contentType: base?.contentType,
    lifetimeActions: keepLifetime ? base?.lifetimeActions : undefined,
    subject: info.subject,
    subjectAlternativeNames: info.subjectAlternativeNames,
    keyType: spec.kty,
    keySize: spec.kty === 'RSA' ? spec.size : undefined,
    keyCurveName: spec.kty === 'EC' ? spec.curve : undefined,
    exportable,
    reuseKey: base?.reuseKey ?? false,
    keyUsage,
    enhancedKeyUsage: info.enhancedKeyUsage,
    validityInMonths: Math.min(MAX_VALIDITY_MONTHS, Math.max(1, months)),
    issuerName,
  });
}
