/**
 * The subjectAltName of a TLS server certificate (BR 7.1.2.7.12): present, with DNS names or
 * IP addresses only (no email, URI or otherName such as a UPN), and no reserved IP address.
 * Browsers match host names against the SAN alone, so a certificate without one fits no host.
 */
import { formatIpAddress } from '../ip-address';
import { isReservedIp } from './reserved-ip';
import { PUBLIC_TLS, finding } from './finding';
import type { LintFinding, LintRule } from './types';

const field = 'subjectAlternativeNames' as const;

export const sanRules: LintRule = (target, context) => {
  const out: LintFinding[] = [];
  if (context.isCa || !context.isTlsServer) return out;
  const san = target.san;
  if (!san || san.dnsNames.length + san.ipAddresses.length === 0) {
    out.push(
      finding(target, {
        id: 'e_ext_san_missing',
        severity: 'error',
        message:
          'The certificate names no DNS name or IP address in subjectAltName, so no browser will match it to a host: add the host names (the common name alone is ignored).',
        reference: 'BR 7.1.2.7.12; RFC 6125 §6.4.4',
        field,
      }),
    );
  }
  if (!san) return out;
  const kinds: [number, string, string][] = [
    [san.emails.length, 'e_ext_san_rfc822_name_present', 'email addresses'],
    [san.uris.length, 'e_ext_san_uniform_resource_identifier_present', 'URIs'],
    [san.otherNames, 'e_ext_san_other_name_present', 'otherNames (such as user principal names)'],
  ];
  for (const [count, id, what] of kinds) {
    if (count === 0) continue;
    out.push(
      finding(target, {
        id,
        severity: 'error',
        message: `${PUBLIC_TLS}, subjectAltName may hold only DNS names and IP addresses: remove the ${what}, or use a separate certificate for them.`,
        reference: 'BR 7.1.2.7.12',
        field,
        publicOnly: true,
      }),
    );
  }
  for (const ip of san.ipAddresses) {
    if (!isReservedIp(ip)) continue;
    out.push(
      finding(target, {
        id: 'e_ext_san_contains_reserved_ip',
        severity: 'error',
        message: `${PUBLIC_TLS}, ${formatIpAddress(ip)} is a reserved (private, loopback, link-local or documentation) address: only public addresses may be named.`,
        reference: 'BR 7.1.2.7.12',
        field,
        publicOnly: true,
      }),
    );
  }
  return out;
};
