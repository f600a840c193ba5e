/**
 * Degenerate PKCS#7 / CMS SignedData (RFC 5652 §5; "certs-only", RFC 8551 §3.2.2): the P7B
 * files CAs hand out. Read with asn1js so BER indefinite lengths (Windows, Amazon) work and
 * each certificate keeps its exact bytes.
 */
import * as asn1js from 'asn1js';
import { fromBer } from './ber';
import { toBytes } from './bytes';
import { rawOf } from './certificate-der';
import { oidDer, setOf, tlv } from './der-writer';
import { PkiError } from './pki-error';
import type { Bytes } from './types';

const OID_SIGNED_DATA = '1.2.840.113549.1.7.2';
const OID_DATA = '1.2.840.113549.1.7.1';

const malformed = (why: string): PkiError => new PkiError('malformed', `bad pkcs#7: ${why}`);

/** True when DER is a ContentInfo of type signedData (used to sniff P7B vs certificate). */
export function isPkcs7(der: Uint8Array): boolean {
  try {
    const parsed = fromBer(der);
    const items = parsed.result instanceof asn1js.Sequence ? parsed.result.valueBlock.value : [];
    return items[0] instanceof asn1js.ObjectIdentifier && items[0].valueBlock.toString() === OID_SIGNED_DATA;
  } catch {
    return false;
  }
}

/** Certificates of a PKCS#7 SignedData (DER, BER indefinite length too). */
export function readPkcs7Certificates(der: Uint8Array): Bytes[] {
  let parsed: ReturnType<typeof fromBer>;
  try {
    parsed = fromBer(der);
  } catch {
    throw malformed('not ber');
  }
  if (parsed.offset === -1) throw malformed('not ber');
  const items = parsed.result instanceof asn1js.Sequence ? parsed.result.valueBlock.value : [];
  const [type, content] = items;
  if (!(type instanceof asn1js.ObjectIdentifier)) throw malformed('not a content info');
  if (type.valueBlock.toString() !== OID_SIGNED_DATA)
    throw new PkiError('unsupported', `pkcs#7 content type ${type.valueBlock.toString()} is not signedData`);
  const signedData = content instanceof asn1js.Constructed ? content.valueBlock.value[0] : undefined;
  if (!(signedData instanceof asn1js.Sequence)) throw malformed('no signed data');
  // certificates [0] IMPLICIT CertificateSet, after version, digestAlgorithms, encapContentInfo.
  const certSet = signedData.valueBlock.value.find((n) => n.idBlock.tagClass === 3 && n.idBlock.tagNumber === 0);
  if (!certSet) return [];
  if (!(certSet instanceof asn1js.Constructed)) throw malformed('bad certificate set');
  // Only X.509 Certificates (a SEQUENCE); skip [0]/[1]/[2]/[3] other certificate formats.
  return certSet.valueBlock.value.filter((n) => n instanceof asn1js.Sequence).map(rawOf);
}

/** A degenerate SignedData with these certificates, in the given order (DER). */
export function writePkcs7Certificates(certificates: Uint8Array[]): Bytes {
  const signedData = tlv(
    0x30,
    tlv(0x02, new Uint8Array([1])),
    setOf([]),
    tlv(0x30, oidDer(OID_DATA)),
    // Kept in the caller's order (leaf first), not sorted: readers (openssl, Windows) show it so.
    tlv(0xa0, ...certificates.map((c) => toBytes(c))),
    setOf([]),
  );
  return tlv(0x30, oidDer(OID_SIGNED_DATA), tlv(0xa0, signedData));
}
