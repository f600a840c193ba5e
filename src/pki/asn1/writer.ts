/**
 * The DER writer of pki/. Structures are built as asn1js nodes and encoded with `toDer`; the
 * TLV helpers write around DER that must stay byte for byte as given (certificates in a P7B),
 * where re-encoding through asn1js could change bytes the signatures cover.
 */
import * as asn1js from 'asn1js';
import { concatBytes, toBytes } from '../bytes';
import type { Bytes } from '../types';

/** DER of an asn1js node we built. */
export function toDer(node: { toBER(sizeOnly?: boolean): ArrayBuffer }): Bytes {
  return new Uint8Array(node.toBER(false));
}

/** An OBJECT IDENTIFIER node from its dotted form. */
export function objectIdentifier(value: string): asn1js.ObjectIdentifier {
  return new asn1js.ObjectIdentifier({ value });
}

/** An OCTET STRING node over a copy of `bytes`. */
export function octetString(bytes: Uint8Array): asn1js.OctetString {
  return new asn1js.OctetString({ valueHex: toBytes(bytes).buffer });
}

/** `[tag] EXPLICIT` around one node. */
export function explicitTag(tag: number, value: asn1js.AsnType): asn1js.Constructed {
  return new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: tag }, value: [value] });
}

/** `[tag] IMPLICIT` primitive content (an OCTET STRING or IA5String retagged). */
export function implicitPrimitive(tag: number, content: Uint8Array): asn1js.Primitive {
  return new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: tag }, valueHex: toBytes(content).buffer });
}

function lengthBytes(n: number): Uint8Array {
  if (n < 0x80) return new Uint8Array([n]);
  const out: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) out.unshift(v & 0xff);
  return new Uint8Array([0x80 | out.length, ...out]);
}

/** One TLV with a single-byte tag around `content`, which is copied as it is. */
export function tlv(tag: number, ...content: Uint8Array[]): Bytes {
  const body = concatBytes(...content);
  return concatBytes(new Uint8Array([tag]), lengthBytes(body.length), body);
}

/** DER of an OBJECT IDENTIFIER from its dotted form. */
export function oidDer(oid: string): Bytes {
  const arcs = oid.split('.').map((a) => BigInt(a));
  const first = arcs[0] * 40n + arcs[1];
  const body: number[] = [];
  for (const arc of [first, ...arcs.slice(2)]) {
    const chunk: number[] = [Number(arc & 0x7fn)];
    for (let v = arc >> 7n; v > 0n; v >>= 7n) chunk.unshift(Number(v & 0x7fn) | 0x80);
    body.push(...chunk);
  }
  return tlv(0x06, new Uint8Array(body));
}

/** SET OF: DER (X.690 §11.6) sorts the encodings. */
export function setOf(items: Uint8Array[]): Bytes {
  const sorted = [...items].sort((a, b) => {
    for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
    return a.length - b.length;
  });
  return tlv(0x31, ...sorted);
}
