import { EKU } from '../../vault/light-entry';
import type { KeyUsageType, RevocationReason, SignCertificateRequestOptions } from './vault-api';

/** What the CA makes of a request: the usages a certificate of that kind needs. */
export type CsrProfile = 'tls-server' | 'tls-client' | 'code-signing' | 'sub-ca' | 'as-requested';

export const CSR_PROFILES: { value: CsrProfile; label: string; days: number }[] = [
  { value: 'tls-server', label: 'TLS server', days: 365 },
  { value: 'tls-client', label: 'TLS client', days: 365 },
  { value: 'code-signing', label: 'Code signing', days: 365 },
  { value: 'sub-ca', label: 'Subordinate CA', days: 1825 },
  { value: 'as-requested', label: 'As the request asks (its key usage and EKU)', days: 365 },
];

const SERVER_AUTH = EKU.serverAuth;
const CLIENT_AUTH = EKU.clientAuth;
const CODE_SIGNING = EKU.codeSigning;

/**
 * The options signCertificateRequest gets for a profile (RFC 5280 §4.2.1.3, §4.2.1.12; CA/B
 * Forum BR §7.1.2): an RSA TLS server key also enciphers keys (TLS 1.2 RSA key exchange); an EC
 * key cannot. A subordinate CA signs certificates and CRLs, with the path length given.
 */
export function profileOptions(
  profile: CsrProfile,
  keyKind: 'RSA' | 'EC' | undefined,
  validityInDays: number,
  pathLength?: number,
): SignCertificateRequestOptions {
  const sign: KeyUsageType[] = ['digitalSignature'];
  const base = { validityInDays };
  switch (profile) {
    case 'tls-server':
      return {
        ...base,
        keyUsage: keyKind === 'RSA' ? [...sign, 'keyEncipherment'] : sign,
        enhancedKeyUsage: [SERVER_AUTH],
      };
    case 'tls-client':
      return { ...base, keyUsage: sign, enhancedKeyUsage: [CLIENT_AUTH] };
    case 'code-signing':
      return { ...base, keyUsage: sign, enhancedKeyUsage: [CODE_SIGNING] };
    case 'sub-ca':
      return {
        ...base,
        keyUsage: ['keyCertSign', 'cRLSign'],
        enhancedKeyUsage: [],
        basicConstraints: pathLength === undefined ? { ca: true } : { ca: true, pathLength },
      };
    case 'as-requested':
      return base;
  }
}

/** RFC 5280 §5.3.1 reasons the vault takes, in words. */
export const REVOCATION_REASONS: { value: RevocationReason; label: string }[] = [
  { value: 'unspecified', label: 'Unspecified' },
  { value: 'keyCompromise', label: 'Key compromise' },
  { value: 'cACompromise', label: 'CA compromise' },
  { value: 'affiliationChanged', label: 'Affiliation changed' },
  { value: 'superseded', label: 'Superseded' },
  { value: 'cessationOfOperation', label: 'Cessation of operation' },
  { value: 'privilegeWithdrawn', label: 'Privilege withdrawn' },
  { value: 'aACompromise', label: 'AA compromise' },
];

export function reasonLabel(reason: RevocationReason): string {
  return REVOCATION_REASONS.find((r) => r.value === reason)?.label ?? reason;
}
