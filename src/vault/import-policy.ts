/**
 * The policy an imported certificate implies when the caller gives none (ARCHITECTURE §5): subject,
 * SANs, key type/size/curve, KU, EKU and validity read from the certificate; issuer "Self" for
 * a self-signed certificate, "Unknown" otherwise.
 *
 * Only what the certificate carries is derived. Where a field that describes the certificate is
 * absent from it, the policy still needs a value: a certificate without a key usage extension
 * gets Azure's default usage (digitalSignature + keyEncipherment; EC: digitalSignature), which
 * is also what Key Vault's key-operations table applies to "no usage", and which defaultPolicy
 * would fill in on the next policy update anyway. Leaving the field empty would therefore not
 * mean "none stated" for long; so the default is written out and the derivation names it in
 * `derivedDefaults`, and whoever shows the policy can say which values the certificate did not state.
 */
import type { CertificateInfo } from '../pki/certificate-info';
import type { KeySpec } from '../pki/types';
import { defaultPolicy, MAX_VALIDITY_MONTHS } from './policy';
import type { CertificatePolicy, KeyUsageType } from './types';

const AVERAGE_MONTH_MS = 30.436875 * 24 * 3600 * 1000;
const EC_FORBIDDEN: KeyUsageType[] = ['keyEncipherment', 'dataEncipherment', 'encipherOnly', 'decipherOnly'];

/** A derived policy and the policy fields the certificate did not state, which hold defaults. */
export interface DerivedPolicy {
  policy: CertificatePolicy;
  derivedDefaults: (keyof CertificatePolicy)[];
}

/** `base`: the certificate's current policy on re-import (its contentType and lifetime action are kept). */
export function derivePolicy(
  info: CertificateInfo,
  spec: KeySpec,
  exportable: boolean,
  base?: CertificatePolicy,
): DerivedPolicy {
  const months = Math.round((info.notAfter.getTime() - info.notBefore.getTime()) / AVERAGE_MONTH_MS);
  const issuerName = info.selfSigned ? 'Self' : 'Unknown';
  // Some CAs put keyEncipherment on EC certificates; the vault cannot use it, so it is dropped
  // from the policy rather than refusing the import.
  const keyUsage = spec.kty === 'EC' ? info.keyUsage.filter((u) => !EC_FORBIDDEN.includes(u)) : info.keyUsage;
  const keepLifetime = base?.lifetimeActions?.every((a) => !(a.action === 'AutoRenew' && issuerName === 'Unknown'));
  const policy = defaultPolicy({
    contentType: base?.contentType,
    lifetimeActions: keepLifetime ? base?.lifetimeActions : undefined,
    subject: info.subject,
    subjectAlternativeNames: info.subjectAlternativeNames,
    keyType: spec.kty,
    keySize: spec.kty === 'RSA' ? spec.size : undefined,
    keyCurveName: spec.kty === 'EC' ? spec.curve : undefined,
    exportable,
    reuseKey: base?.reuseKey ?? false,
    // Empty: defaultPolicy fills in the default usage, reported below.
    keyUsage,
    enhancedKeyUsage: info.enhancedKeyUsage,
    validityInMonths: Math.min(MAX_VALIDITY_MONTHS, Math.max(1, months)),
    issuerName,
  });
  return { policy, derivedDefaults: keyUsage.length === 0 ? ['keyUsage'] : [] };
}
