/**
 * Certificates from whatever a CA or a colleague hands over: DER, PEM (one or many, any text
 * around, as `openssl x509 -text` prints), PKCS#7 in PEM or DER, bare base64. Sniffed by
 * content, never by file name.
 */
import { decodeBer, rawOf } from './asn1/reader';
import { toBytes } from './bytes';
import { readCertificateDer } from './certificate-der';
import { bareBase64Of, decodePem, pemTextOf } from './pem';
import { PkiError } from './pki-error';
import { isPkcs7, readPkcs7Certificates } from './pkcs7';
import type { Bytes } from './types';
import { checkCertificateSize } from './size-limits';

const CERT_LABELS = new Set(['CERTIFICATE', 'X509 CERTIFICATE', 'TRUSTED CERTIFICATE']);
const PKCS7_LABELS = new Set(['PKCS7', 'PKCS #7 SIGNED DATA', 'CMS', 'CERTIFICATE CHAIN']);

/** The first DER element only: TRUSTED CERTIFICATE appends openssl's trust data after it. */
function firstElement(der: Bytes): Bytes {
  const decoded = decodeBer(der);
  if (!decoded) throw new PkiError('malformed', 'bad certificate der');
  return decoded.end === der.length ? der : rawOf(decoded.node);
}

/** SEQUENCE { OID 1.2.840.113549.1.7.2 (signedData) …: read from the bytes, before any parse. */
const SIGNED_DATA_OID = [0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02];
function startsAsSignedData(der: Bytes): boolean {
  if (der[0] !== 0x30) return false;
  const at = der[1] < 0x80 || der[1] === 0x80 ? 2 : 2 + (der[1] & 0x7f);
  return SIGNED_DATA_OID.every((b, i) => der[at + i] === b);
}

function fromDer(der: Bytes): Bytes[] {
  // A large blob that is no P7B is refused before asn1js spends seconds on it (size-limits.ts).
  if (!startsAsSignedData(der)) checkCertificateSize(der, 'certificate');
  if (isPkcs7(der)) return readPkcs7Certificates(der);
  const cert = firstElement(der);
  readCertificateDer(cert);
  return [cert];
}

/** Certificates in PEM text, [] when there are none (key-only PEM). */
export function certificatesInPem(text: string): Bytes[] {
  const out: Bytes[] = [];
  for (const block of decodePem(text)) {
    if (CERT_LABELS.has(block.label)) out.push(...fromDer(block.der));
    else if (PKCS7_LABELS.has(block.label)) out.push(...readPkcs7Certificates(block.der));
    else if (block.label === '') out.push(...fromDer(block.der));
  }
  return out;
}

/** Certificates (DER) from DER, PEM (one or many, any text around), P7B PEM or DER. */
export function readCertificates(bytes: Uint8Array): Bytes[] {
  const data = toBytes(bytes);
  const text = pemTextOf(data);
  let certs: Bytes[];
  if (text !== undefined) certs = certificatesInPem(text);
  else {
    const bare = bareBase64Of(data);
    certs = fromDer(bare ?? data);
  }
  if (certs.length === 0) throw new PkiError('malformed', 'no certificates found');
  return certs;
}
