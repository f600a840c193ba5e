import { PkiError } from './pki-error';

/**
 * The largest certificate or certificate request read. Real ones are a few kB (hundreds of SANs
 * stay under 20 kB); a larger one is hostile: asn1js decodes an OBJECT IDENTIFIER's content one
 * sub-identifier object at a time, and every reader here parses a certificate more than once,
 * so a 400 kB "OID" took seconds. Refused before any parse.
 */
const MAX_CERTIFICATE_BYTES = 64 * 1024;

export function checkCertificateSize(der: Uint8Array, what: string): void {
  if (der.length > MAX_CERTIFICATE_BYTES)
    throw new PkiError(
      'malformed',
      `${what} of ${der.length} bytes is larger than the limit of ${MAX_CERTIFICATE_BYTES}`,
    );
}
