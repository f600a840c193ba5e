/**
 * Public shapes of the local CA (ARCHITECTURE §8 "Local CA"): signing a request, the
 * issued-certificates log, revocation and the CRL. All Certkeep additions; Key Vault has no
 * CA of its own.
 */
import type { RevocationReason } from '../../pki/crl';
import type { Bytes, SubjectAlternativeNames } from '../../pki/types';
import type { BasicConstraints, KeyUsageType } from '../policy-types';

export type { RevocationReason };

/** What the CA states when it signs a request; what is not given comes from the request. */
export interface SignCertificateRequestOptions {
  /** default 365; cut to the CA's own notAfter */
  validityInDays?: number;
  /** RFC 4514; replaces the request's subject */
  subject?: string;
  /** replaces the request's SANs (default: the request's, as it encoded them) */
  subjectAlternativeNames?: SubjectAlternativeNames;
  /** replaces the request's key usage (default: the request's) */
  keyUsage?: KeyUsageType[];
  /** EKU OIDs; replace the request's (default: the request's) */
  enhancedKeyUsage?: string[];
  /** default { ca: false }; a subordinate CA within the CA's path length */
  basicConstraints?: BasicConstraints;
}

/** A signed request: the certificate and its chain up to the root, DER each. */
export interface SignedCertificate {
  certificate: Bytes;
  /** leaf first, then the CA's chain */
  chain: Bytes[];
  /** uppercase hex as openssl prints it */
  serialNumber: string;
  /** Certkeep: the validity as issued */
  notBefore: Date;
  notAfter: Date;
  /** Certkeep: sentences about what the CA changed, e.g. a validity cut to the CA's notAfter */
  warnings: string[];
}

/** One entry of a Local issuer's issued-certificates log. */
export interface IssuedCertificate {
  serialNumber: string;
  subject: string;
  notBefore: Date;
  notAfter: Date;
  /** the vault certificate it was made for; undefined for a signed request */
  certificateName?: string;
  revocation?: { revokedOn: Date; reason: RevocationReason };
  /** Certkeep: the vault certificate's version */
  certificateVersion?: string;
  /** Certkeep */
  issuedOn: Date;
  /** Certkeep: the certificate, DER (a signed request can be downloaded again) */
  certificate: Bytes;
  /** Certkeep: SHA-256 of the DER, uppercase hex */
  sha256Fingerprint: string;
}

export interface RevokeCertificateOptions {
  /** RFC 5280 §5.3.1; default "unspecified" */
  reason?: RevocationReason;
}

export interface GetCrlOptions {
  /** when relying parties should fetch the next CRL; default 30, 1–366 */
  nextUpdateInDays?: number;
}
