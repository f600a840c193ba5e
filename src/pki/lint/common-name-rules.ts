/**
 * The subject common name of a TLS server certificate (BR 7.1.4.3): NOT RECOMMENDED, and when
 * present it must be one of the SAN's DNS names or IP addresses, since clients ignore it.
 */
import { ATTRIBUTE } from '../asn1/oids';
import { formatIpAddress } from '../ip-address';
import { PUBLIC_TLS, finding } from './finding';
import type { LintFinding, LintRule } from './types';

export const commonNameRules: LintRule = (target, context) => {
  const out: LintFinding[] = [];
  if (context.isCa || !context.isTlsServer) return out;
  const names = target.subject.filter((a) => a.oid === ATTRIBUTE.commonName).map((a) => a.value);
  if (names.length === 0) return out;
  out.push(
    finding(target, {
      id: 'n_subject_common_name_included',
      severity: 'notice',
      message:
        'The subject has a common name, which the BRs no longer recommend: clients match the subjectAltName only. It may stay if an old client needs it.',
      reference: 'BR 7.1.4.3',
      field: 'subject',
    }),
  );
  const san = target.san;
  const inSan = new Set([
    ...(san?.dnsNames ?? []).map((d) => d.toLowerCase()),
    ...(san?.ipAddresses ?? []).map(formatIpAddress),
  ]);
  for (const cn of names) {
    if (inSan.has(cn.toLowerCase())) continue;
    out.push(
      finding(target, {
        id: 'e_subject_common_name_not_from_san',
        severity: 'error',
        message: `${PUBLIC_TLS}, the common name "${cn}" must also be a DNS name (or IP address) in subjectAltName: add it there, or leave the common name out.`,
        reference: 'BR 7.1.4.3',
        field: 'subject',
        publicOnly: true,
      }),
    );
  }
  return out;
};
