/**
 * Minimal DER TLV writer for structures that embed other DER verbatim (certificates in a
 * P7B), where re-encoding through asn1js could change bytes the signatures cover.
 */
import { concatBytes } from './bytes';
import type { Bytes } from './types';

function lengthBytes(n: number): Uint8Array {
  if (n < 0x80) return new Uint8Array([n]);
  const out: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) out.unshift(v & 0xff);
  return new Uint8Array([0x80 | out.length, ...out]);
}

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
