/**
 * parseCertificate: everything the vault and the UI show about a certificate. Real-world
 * certificates break rules (pyca's corpus), so each extension is decoded on its own and a
 * bad one is skipped, not fatal; only a broken outer structure is PkiError('malformed').
 */
import { signatureAlgorithmName } from './algorithm-names';
import { readTime } from './asn1/time';
import { digestHex, equalBytes, toBytes, toHex } from './bytes';
import { readCertificateDer } from './certificate-der';
import { decodeExtensions } from './extensions-decode';
import { PkiError, isPkiError } from './pki-error';
import { describePublicKey } from './public-key-info';
import type { DecodedNameConstraints } from './name-constraints';
import { formatX500Name } from './x500-name';
import type { Bytes, KeySpec, KeyUsage, SubjectAlternativeNames } from './types';
import { decodeX500Name } from './x500-name-der';
import { checkCertificateSize } from './size-limits';

/** Everything parseCertificate reads; names are RFC 4514 in DER order. */
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
  /** the CA's name constraints (RFC 5280 §4.2.1.10), DNS/email/IP forms */
  nameConstraints?: DecodedNameConstraints;
  spki: Bytes;
}

/**
 * Serial as openssl prints it: the magnitude's hex without the sign-padding 00 byte, and a
 * '-' for the negative serials RFC 5280 §4.1.2.2 forbids but the wild has (pyca negative_serial).
 */
function serialHex(serial: Uint8Array): string {
  if (serial.length > 0 && serial[0] & 0x80) {
    const value = BigInt(`0x${toHex(serial)}`) - (1n << BigInt(serial.length * 8));
    let hex = (-value).toString(16).toUpperCase();
    if (hex.length % 2) hex = `0${hex}`;
    return `-${hex}`;
  }
  const trimmed = serial.length > 1 && serial[0] === 0 ? serial.subarray(1) : serial;
  return toHex(trimmed);
}

/** Never throws anything but PkiError. */
export async function parseCertificate(der: Uint8Array): Promise<CertificateInfo> {
  checkCertificateSize(der, 'certificate');
  try {
    return await parse(toBytes(der));
  } catch (e) {
    if (isPkiError(e)) throw e;
    throw new PkiError('malformed', 'bad certificate', { cause: e });
  }
}

async function parse(der: Uint8Array<ArrayBuffer>): Promise<CertificateInfo> {
  const c = readCertificateDer(der);
  const {
    subjectAlternativeNames,
    keyUsage,
    enhancedKeyUsage,
    basicConstraints,
    subjectKeyIdentifier,
    authorityKeyIdentifier,
    nameConstraints,
  } = decodeExtensions(c.extensions);
  const { keySpec, keyDescription } = describePublicKey(c.spkiNode);
  const sameName = equalBytes(c.subjectDer, c.issuerDer);
  const info: CertificateInfo = {
    der,
    subject: formatX500Name(decodeX500Name(c.subject)),
    issuer: formatX500Name(decodeX500Name(c.issuer)),
    serialNumber: serialHex(c.serial),
    notBefore: readTime(c.notBefore),
    notAfter: readTime(c.notAfter),
    subjectAlternativeNames,
    keyUsage,
    enhancedKeyUsage,
    keyDescription,
    signatureAlgorithm: signatureAlgorithmName(c.tbsSignatureAlgorithmOid),
    sha1Thumbprint: await digestHex('SHA-1', der),
    sha256Fingerprint: await digestHex('SHA-256', der),
    selfSigned:
      sameName && (!authorityKeyIdentifier || !subjectKeyIdentifier || authorityKeyIdentifier === subjectKeyIdentifier),
    spki: c.spki,
  };
  if (basicConstraints) info.basicConstraints = basicConstraints;
  if (keySpec) info.keySpec = keySpec;
  if (subjectKeyIdentifier) info.subjectKeyIdentifier = subjectKeyIdentifier;
  if (authorityKeyIdentifier) info.authorityKeyIdentifier = authorityKeyIdentifier;
  if (nameConstraints) info.nameConstraints = nameConstraints;
  return info;
}
