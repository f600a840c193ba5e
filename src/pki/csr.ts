/**
 * PKCS#10 certificate requests (RFC 2986). The subject is encoded by x500-name-der.ts so
 * order and quoting are ours; SAN/KU/EKU go in the extensionRequest attribute (RFC 2985 §5.4.2).
 */
import * as asn1js from 'asn1js';
import { fromBer } from './ber';
import { toBytes } from './bytes';
import { signatureAlgorithmName } from './algorithm-names';
import { type RawExtension, octets, rawOf } from './certificate-der';
import { decodeExtensions } from './extensions-decode';
import { describePublicKey } from './public-key-info';
import { requestExtensions, signingAlgorithmFor } from './extensions-build';
import { decodePem, pemTextOf } from './pem';
import { PkiError, isPkiError } from './pki-error';
import type { Bytes, KeySpec, KeyUsage, SubjectAlternativeNames } from './types';
import { parseX500Name, formatX500Name } from './x500-name';
import { decodeX500Name, encodeX500Name } from './x500-name-der';
import { x509 } from './x509-lib';

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
  let info: Omit<CsrInfo, 'signatureValid'>;
  try {
    info = readCsrStructure(bytes);
  } catch (e) {
    if (isPkiError(e)) throw e;
    throw new PkiError('malformed', 'not a certificate request', { cause: e });
  }
  let signatureValid = false;
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
  const parsed = fromBer(der);
  const csr = parsed.result;
  const info = csr instanceof asn1js.Sequence ? csr.valueBlock.value[0] : undefined;
  if (parsed.offset === -1 || !(info instanceof asn1js.Sequence)) throw new PkiError('malformed', 'not a certificate request');
  const [version, subject, spki, attrs] = info.valueBlock.value;
  if (!(version instanceof asn1js.Integer) || !(subject instanceof asn1js.Sequence) || !(spki instanceof asn1js.Sequence)) {
    throw new PkiError('malformed', 'not a certificate request');
  }
  const raw: RawExtension[] = [];
  const attributes = attrs instanceof asn1js.Constructed ? attrs.valueBlock.value : [];
  for (const attr of attributes) {
    const [oid, values] = attr instanceof asn1js.Sequence ? attr.valueBlock.value : [];
    // RFC 2985 extensionRequest (and Microsoft's older 1.3.6.1.4.1.311.2.1.14).
    const oidText = oid instanceof asn1js.ObjectIdentifier ? oid.valueBlock.toString() : '';
    if (oidText !== '1.2.840.113549.1.9.14' && oidText !== '1.3.6.1.4.1.311.2.1.14') continue;
    const exts = values instanceof asn1js.Set ? values.valueBlock.value[0] : undefined;
    for (const ext of exts instanceof asn1js.Sequence ? exts.valueBlock.value : []) {
      const parts = ext instanceof asn1js.Sequence ? ext.valueBlock.value : [];
      const value = parts[parts.length - 1];
      if (parts[0] instanceof asn1js.ObjectIdentifier && value instanceof asn1js.OctetString) {
        raw.push({ oid: parts[0].valueBlock.toString(), critical: false, value: toBytes(octets(value)) });
      }
    }
  }
  const { subjectAlternativeNames, keyUsage, enhancedKeyUsage } = decodeExtensions(raw);
  const { keySpec, keyDescription } = describePublicKey(spki);
  const sigAlg = csr instanceof asn1js.Sequence ? csr.valueBlock.value[1] : undefined;
  const sigOid = sigAlg instanceof asn1js.Sequence ? sigAlg.valueBlock.value[0] : undefined;
  const out: Omit<CsrInfo, 'signatureValid'> = {
    subject: formatX500Name(decodeX500Name(subject)),
    subjectAlternativeNames,
    spki: rawOf(spki),
    keyUsage,
    enhancedKeyUsage,
    keyDescription,
    signatureAlgorithm: sigOid instanceof asn1js.ObjectIdentifier ? signatureAlgorithmName(sigOid.valueBlock.toString()) : '?',
  };
  if (keySpec) out.keySpec = keySpec;
  return out;
}
