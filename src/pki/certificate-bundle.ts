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

const CERT_LABELS = new Set(['CERTIFICATE', 'X509 CERTIFICATE', 'TRUSTED CERTIFICATE']);
const PKCS7_LABELS = new Set(['PKCS7', 'PKCS #7 SIGNED DATA', 'CMS', 'CERTIFICATE CHAIN']);

/** The first DER element only: TRUSTED CERTIFICATE appends openssl's trust data after it. */
function firstElement(der: Bytes): Bytes {
  const decoded = decodeBer(der);
  if (!decoded) throw new PkiError('malformed', 'bad certificate der');
  return decoded.end === der.length ? der : rawOf(decoded.node);
}

function fromDer(der: Bytes): Bytes[] {
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
