/**
 * PKCS#10 certificate requests (RFC 2986). The subject is encoded by x500-name-der.ts so
 * order and quoting are ours; SAN/KU/EKU go in the extensionRequest attribute (RFC 2985 §5.4.2).
 */
import { toBytes } from './bytes';
import { signatureAlgorithmName } from './algorithm-names';
import { readCsrParts } from './csr-parts';
import { decodeExtensions } from './extensions-decode';
import { describePublicKey } from './public-key-info';
import { requestExtensions, signingAlgorithmFor } from './extensions-build';
import { decodePem, pemTextOf } from './pem';
import { PkiError, isPkiError } from './pki-error';
import type { Bytes, KeySpec, KeyUsage, SubjectAlternativeNames } from './types';
import { parseX500Name, formatX500Name } from './x500-name';
import { decodeX500Name, encodeX500Name } from './x500-name-der';
import { x509 } from './x509-lib';
import { checkCertificateSize } from './size-limits';

/** What a CSR asks for; `keys.privateKey` signs it and may be non-extractable. */
export interface CsrOptions {
  subject: string;
  subjectAlternativeNames?: SubjectAlternativeNames;
  keyUsage?: KeyUsage[];
  /** EKU OIDs */
  enhancedKeyUsage?: string[];
  keys: CryptoKeyPair;
}
/** What parseCsr reads back; subject is RFC 4514 in DER order. */
export interface CsrInfo {
  subject: string;
  subjectAlternativeNames: SubjectAlternativeNames;
  spki: Bytes;
  signatureValid: boolean;
  /** requested key usage (extensionRequest), [] when none */
  keyUsage?: KeyUsage[];
  /** requested EKU OIDs, [] when none */
  enhancedKeyUsage?: string[];
  /** undefined for keys WebCrypto cannot hold (DSA, Ed25519, …) */
  keySpec?: KeySpec;
  /** e.g. "RSA 2048", "EC P-256" */
  keyDescription?: string;
  /** e.g. "sha256WithRSAEncryption" */
  signatureAlgorithm?: string;
}

/** A PKCS#10 request (DER) signed by `keys.privateKey`. */
export async function createCsr(options: CsrOptions): Promise<Bytes> {
  const name = new x509.Name(encodeX500Name(parseX500Name(options.subject)));
  const extensions = requestExtensions(options);
  try {
    const csr = await x509.Pkcs10CertificateRequestGenerator.create({
      name,
      keys: options.keys,
      signingAlgorithm: signingAlgorithmFor(options.keys.privateKey),
      extensions,
    });
    return toBytes(new Uint8Array(csr.rawData));
  } catch (e) {
    if (isPkiError(e)) throw e;
    throw new PkiError('bad-input', 'cannot sign the request with this key', { cause: e });
  }
}

/** Subject, SANs and SPKI of a CSR (DER, or PEM "CERTIFICATE REQUEST"), and whether its self-signature verifies. */
export async function parseCsr(der: Uint8Array): Promise<CsrInfo> {
  const bytes = csrDerOf(der);
  checkCertificateSize(bytes, 'certificate request');
  let info: Omit<CsrInfo, 'signatureValid'>;
  try {
    info = readCsrStructure(bytes);
  } catch (e) {
    if (isPkiError(e)) throw e;
    throw new PkiError('malformed', 'not a certificate request', { cause: e });
  }
  let signatureValid: boolean;
  try {
    signatureValid = await new x509.Pkcs10CertificateRequest(bytes).verify();
  } catch {
    // An algorithm WebCrypto does not do (DSA, PSS params, …) is "not verified", not an error.
    signatureValid = false;
  }
  return { ...info, signatureValid };
}

const CSR_LABELS = new Set(['CERTIFICATE REQUEST', 'NEW CERTIFICATE REQUEST', '']);

/** The DER of a CSR given as DER or PEM (openssl's and Windows' "NEW CERTIFICATE REQUEST" labels). */
export function csrDerOf(bytes: Uint8Array): Bytes {
  const text = pemTextOf(bytes);
  if (text === undefined) return toBytes(bytes);
  const block = decodePem(text).find((b) => CSR_LABELS.has(b.label));
  if (!block) throw new PkiError('malformed', 'no certificate request in pem');
  return block.der;
}

function readCsrStructure(der: Bytes): Omit<CsrInfo, 'signatureValid'> {
  const parts = readCsrParts(der);
  const { subjectAlternativeNames, keyUsage, enhancedKeyUsage } = decodeExtensions(parts.extensions);
  const { keySpec, keyDescription } = describePublicKey(parts.spkiNode);
  const out: Omit<CsrInfo, 'signatureValid'> = {
    subject: formatX500Name(decodeX500Name(parts.subject)),
    subjectAlternativeNames,
    spki: parts.spki,
    keyUsage,
    enhancedKeyUsage,
    keyDescription,
    signatureAlgorithm: parts.signatureAlgorithmOid ? signatureAlgorithmName(parts.signatureAlgorithmOid) : '?',
  };
  if (keySpec) out.keySpec = keySpec;
  return out;
}
