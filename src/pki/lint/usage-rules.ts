/**
 * What a subscriber (leaf) certificate may do: no CA powers (RFC 5280 §4.2.1.3, §4.2.1.9;
 * BR 7.1.2.7.8, 7.1.2.7.11), and for a TLS server an EKU that says serverAuth, never
 * anyExtendedKeyUsage, nothing unrelated to TLS (BR 7.1.2.7.10), and from 2027-03-15 no
 * clientAuth: Chrome's root program then accepts only hierarchies dedicated to TLS servers.
 */
import { EKU } from '../asn1/oids';
import { PUBLIC_TLS, finding } from './finding';
import type { LintFinding, LintRule } from './types';

const ANY_EKU = '2.5.29.37.0';
/** The date from which Chrome's root program refuses clientAuth in new TLS server certificates. */
const CLIENT_AUTH_CUTOFF = new Date('2027-03-15T00:00:00Z');

export const usageRules: LintRule = (target, context) => {
  const out: LintFinding[] = [];
  if (context.isCa) return out;
  const ku = target.keyUsage ?? [];
  if (target.claimsCa) {
    out.push(
      finding(target, {
        id: 'e_sub_cert_not_is_ca',
        severity: 'error',
        message:
          'basicConstraints says cA TRUE but keyUsage has no keyCertSign: an end-entity certificate must say cA FALSE (or leave basicConstraints out). Turn the CA setting off.',
        reference: 'BR 7.1.2.7.8; RFC 5280 §4.2.1.9',
        field: 'basicConstraints',
      }),
    );
  }
  if (ku.includes('keyCertSign')) {
    out.push(
      finding(target, {
        id: 'e_sub_cert_key_usage_cert_sign_bit_set',
        severity: 'error',
        message:
          'keyUsage has keyCertSign but the certificate is no CA: only a CA (cA TRUE) may sign certificates. Remove keyCertSign.',
        reference: 'BR 7.1.2.7.11; RFC 5280 §4.2.1.3',
        field: 'keyUsage',
      }),
    );
  }
  if (ku.includes('cRLSign')) {
    out.push(
      finding(target, {
        id: 'e_sub_cert_key_usage_crl_sign_bit_set',
        severity: 'error',
        message: `${PUBLIC_TLS}, keyUsage must not have cRLSign: remove it.`,
        reference: 'BR 7.1.2.7.11',
        field: 'keyUsage',
        publicOnly: true,
      }),
    );
  }
  if (!context.isTlsServer) return out;
  const eku = target.enhancedKeyUsage;
  if (eku === undefined) {
    out.push(
      finding(target, {
        id: 'e_sub_cert_eku_missing',
        severity: 'error',
        message: `${PUBLIC_TLS}, extendedKeyUsage must be present with serverAuth (1.3.6.1.5.5.7.3.1): add it.`,
        reference: 'BR 7.1.2.7.10',
        field: 'enhancedKeyUsage',
        publicOnly: true,
      }),
    );
    return out;
  }
  if (eku.includes(ANY_EKU)) {
    out.push(
      finding(target, {
        id: 'e_sub_cert_eku_any_eku_present',
        severity: 'error',
        message: `${PUBLIC_TLS}, extendedKeyUsage must not have anyExtendedKeyUsage (2.5.29.37.0): list serverAuth instead.`,
        reference: 'BR 7.1.2.7.10',
        field: 'enhancedKeyUsage',
        publicOnly: true,
      }),
    );
  }
  if (!eku.includes(EKU.serverAuth)) {
    out.push(
      finding(target, {
        id: 'e_sub_cert_eku_server_auth_missing',
        severity: 'error',
        message: `${PUBLIC_TLS}, extendedKeyUsage must have serverAuth (1.3.6.1.5.5.7.3.1): add it.`,
        reference: 'BR 7.1.2.7.10',
        field: 'enhancedKeyUsage',
        publicOnly: true,
      }),
    );
  }
  const extra = eku.filter((o) => o !== EKU.serverAuth && o !== EKU.clientAuth && o !== ANY_EKU);
  if (extra.length > 0) {
    out.push(
      finding(target, {
        id: 'e_sub_cert_eku_extra_values',
        severity: 'error',
        message: `${PUBLIC_TLS}, extendedKeyUsage may only have serverAuth and clientAuth; remove ${extra.join(', ')}.`,
        reference: 'BR 7.1.2.7.10',
        field: 'enhancedKeyUsage',
        publicOnly: true,
      }),
    );
  }
  if (eku.includes(EKU.clientAuth)) {
    const late = context.issuedOn.getTime() >= CLIENT_AUTH_CUTOFF.getTime();
    out.push(
      finding(target, {
        id: late ? 'e_sub_cert_eku_client_auth_present' : 'n_sub_cert_eku_client_auth_present',
        severity: late ? 'error' : 'notice',
        message: late
          ? `${PUBLIC_TLS} issued from 2027-03-15, extendedKeyUsage must not have clientAuth: Chrome trusts only TLS-server-only hierarchies. Remove clientAuth and use a separate client certificate.`
          : `${PUBLIC_TLS}, clientAuth in extendedKeyUsage is refused from 2027-03-15 (Chrome trusts only TLS-server-only hierarchies): plan to remove it.`,
        reference: 'Chrome Root Program Policy (dedicated TLS server hierarchies)',
        field: 'enhancedKeyUsage',
        publicOnly: true,
      }),
    );
  }
  return out;
};
