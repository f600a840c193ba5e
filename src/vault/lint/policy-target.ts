/**
 * The certificate a policy would yield, as a LintTarget: the key it would generate (RSA keys
 * here always have exponent 65537), its subject, SANs, usages, CA flag and validity from `now`
 * (computed as issuance computes it, pki/x509.ts validityWindow).
 */
import { parseIpAddress } from '../../pki/ip-address';
import type { LintAudience, LintSan, LintTarget } from '../../pki/lint';
import { parseX500Name } from '../../pki/x500-name';
import { validityWindow } from '../../pki/x509';
import { keyUsageOf } from '../policy';
import type { CertificatePolicy } from '../types';

/** The SAN a policy asks for, as the rules read it; undefined when it asks for none. */
export function policySan(policy: CertificatePolicy): LintSan | undefined {
  const s = policy.subjectAlternativeNames ?? {};
  const san: LintSan = {
    dnsNames: [...(s.dnsNames ?? [])],
    ipAddresses: (s.ipAddresses ?? []).map((ip) => parseIpAddress(ip)),
    emails: [...(s.emails ?? [])],
    uris: [...(s.uniformResourceIdentifiers ?? [])],
    otherNames: s.userPrincipalNames?.length ?? 0,
  };
  const count = san.dnsNames.length + san.ipAddresses.length + san.emails.length + san.uris.length + san.otherNames;
  return count > 0 ? san : undefined;
}

/** `policy` must be complete (defaultPolicy) and valid (validatePolicy). */
export function policyLintTarget(policy: CertificatePolicy, now: Date, audience: LintAudience): LintTarget {
  const ec = policy.keyType === 'EC' || policy.keyType === 'EC-HSM';
  const subject = policy.subject?.trim()
    ? parseX500Name(policy.subject).map((a) => ({ oid: a.oid, type: a.type, value: a.value }))
    : [];
  const { start, end } = validityWindow({
    notBefore: now,
    validityInMonths: policy.validityInMonths ?? 12,
    validityInDays: policy.validityInDays,
  });
  const target: LintTarget = {
    claimsCa: policy.basicConstraints?.ca === true,
    key: ec
      ? { kind: 'EC', curve: policy.keyCurveName ?? 'P-256' }
      : { kind: 'RSA', modulusBits: policy.keySize ?? 2048, modulusOdd: true, exponent: 65537n },
    subject,
    validity: { notBefore: start, notAfter: end },
    audience,
  };
  const san = policySan(policy);
  if (san) target.san = san;
  // As issuance encodes it: no keyUsage given means Key Vault's default for the key type.
  target.keyUsage = [...keyUsageOf(policy)];
  if (policy.enhancedKeyUsage?.length) target.enhancedKeyUsage = [...policy.enhancedKeyUsage];
  return target;
}
