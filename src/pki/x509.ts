import type { Bytes, KeySpec, KeyUsage, SubjectAlternativeNames } from './types';
import type { CsrOptions } from './csr';
export interface SelfSignedOptions extends CsrOptions {
  notBefore: Date;
  validityInMonths: number;
  /** basicConstraints cA; default false */
  isCa?: boolean;
}
export interface CertificateInfo {
  der: Bytes;
  subject: string;
  issuer: string;
  /** uppercase hex, no separators */
  serialNumber: string;
  notBefore: Date;
  notAfter: Date;
  subjectAlternativeNames: SubjectAlternativeNames;
  keyUsage: KeyUsage[];
  /** EKU OIDs */
  enhancedKeyUsage: string[];
  basicConstraints?: { ca: boolean; pathLength?: number };
  /** undefined for key types we cannot use (DSA, Ed25519, …) */
  keySpec?: KeySpec;
  /** e.g. "RSA 2048", "EC P-256", "Ed25519" */
  keyDescription: string;
  /** e.g. "sha256WithRSAEncryption" */
  signatureAlgorithm: string;
  /** SHA-1 of the DER, uppercase hex (Azure's x5t in hex) */
  sha1Thumbprint: string;
  /** SHA-256 of the DER, uppercase hex */
  sha256Fingerprint: string;
  selfSigned: boolean;
  subjectKeyIdentifier?: string;
  authorityKeyIdentifier?: string;
  spki: Bytes;
}
/** 16 random serial bytes; KU/EKU/SAN/basicConstraints/SKI/AKI; validity from notBefore. */
export function createSelfSignedCertificate(options: SelfSignedOptions): Promise<Bytes> { throw new Error('todo'); }
/** Never throws anything but PkiError. */
export function parseCertificate(der: Uint8Array): Promise<CertificateInfo> { throw new Error('todo'); }
