/**
 * Degenerate PKCS#7 / CMS SignedData (RFC 5652 §5; "certs-only", RFC 8551 §3.2.2): the P7B
 * files CAs hand out. Read with asn1js so BER indefinite lengths (Windows, Amazon) work and
 * each certificate keeps its exact bytes.
 */
import * as asn1js from 'asn1js';
import { CONTENT_TYPE } from './asn1/oids';
import { decodeBer, isContextTag, leadingElements, nodesOf, rawOf, type Node } from './asn1/reader';
import { oidDer, setOf, tlv } from './asn1/writer';
import { toBytes } from './bytes';
import { PkiError } from './pki-error';
import type { Bytes } from './types';

const malformed = (why: string): PkiError => new PkiError('malformed', `bad pkcs#7: ${why}`);

/** True when DER is a ContentInfo of type signedData (used to sniff P7B vs certificate). */
export function isPkcs7(der: Uint8Array): boolean {
  const type = leadingElements(der).at(0);
  return type instanceof asn1js.ObjectIdentifier && type.valueBlock.toString() === CONTENT_TYPE.signedData;
}

/** ContentInfo ::= SEQUENCE { contentType, content [0] EXPLICIT ANY }: the contentType node. */
function contentTypeOf(node: Node | undefined): Node | undefined {
  return node instanceof asn1js.Sequence ? node.valueBlock.value.at(0) : undefined;
}

/** Certificates of a PKCS#7 SignedData (DER, BER indefinite length too). */
export function readPkcs7Certificates(der: Uint8Array): Bytes[] {
  const decoded = decodeBer(der);
  if (!decoded) throw malformed('not ber');
  const type = contentTypeOf(decoded.node);
  if (!(type instanceof asn1js.ObjectIdentifier)) throw malformed('not a content info');
  if (type.valueBlock.toString() !== CONTENT_TYPE.signedData)
    throw new PkiError('unsupported', `pkcs#7 content type ${type.valueBlock.toString()} is not signedData`);
  const content = nodesOf(decoded.node).at(1);
  const signedData = content instanceof asn1js.Constructed ? content.valueBlock.value.at(0) : undefined;
  if (!(signedData instanceof asn1js.Sequence)) throw malformed('no signed data');
  // certificates [0] IMPLICIT CertificateSet, after version, digestAlgorithms, encapContentInfo.
  const certSet = signedData.valueBlock.value.find((n) => isContextTag(n, 0));
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
    tlv(0x30, oidDer(CONTENT_TYPE.data)),
    // Kept in the caller's order (leaf first), not sorted: readers (openssl, Windows) show it so.
    tlv(0xa0, ...certificates.map((c) => toBytes(c))),
    setOf([]),
  );
  return tlv(0x30, oidDer(CONTENT_TYPE.signedData), tlv(0xa0, signedData));
}
