/**
 * The sliver of CBOR (RFC 8949) that UR needs: unsigned integers, byte strings and arrays, in
 * the shortest head (§4.2.1 preferred serialization), which is what the reference encoders write
 * and so what makes our parts byte-identical to theirs.
 */

const UINT = 0;
const BYTES = 2;
const ARRAY = 4;

function head(major: number, value: number): number[] {
  if (!Number.isSafeInteger(value) || value < 0 || value > 0xffffffff) throw new Error('cbor: value out of range');
  const m = major << 5;
  if (value < 24) return [m | value];
  if (value < 0x100) return [m | 24, value];
  if (value < 0x10000) return [m | 25, value >>> 8, value & 0xff];
  return [m | 26, value >>> 24, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff];
}

/** A CBOR item of the kinds above: a number, bytes, or an array of them. */
export type CborItem = number | Uint8Array | CborItem[];

/** Encodes numbers (uint32), byte strings and arrays of them. */
export function encodeCbor(item: CborItem): Uint8Array {
  const out: number[] = [];
  const put = (x: CborItem): void => {
    if (typeof x === 'number') out.push(...head(UINT, x));
    else if (x instanceof Uint8Array) {
      out.push(...head(BYTES, x.length));
      for (const b of x) out.push(b);
    } else {
      out.push(...head(ARRAY, x.length));
      x.forEach(put);
    }
  };
  put(item);
  return Uint8Array.from(out);
}

/** Decodes one item of the kinds above that fills `bytes` exactly; anything else throws. */
export function decodeCbor(bytes: Uint8Array): CborItem {
  let at = 0;
  const byte = (): number => {
    if (at >= bytes.length) throw new Error('cbor: truncated');
    return bytes[at++];
  };
  const arg = (info: number): number => {
    if (info < 24) return info;
    const size = info === 24 ? 1 : info === 25 ? 2 : info === 26 ? 4 : 0;
    if (!size) throw new Error('cbor: unsupported length');
    let v = 0;
    for (let i = 0; i < size; i++) v = v * 256 + byte();
    return v;
  };
  const item = (depth: number): CborItem => {
    if (depth > 4) throw new Error('cbor: nested too deep');
    const first = byte();
    const major = first >>> 5;
    const n = arg(first & 0x1f);
    if (major === UINT) return n;
    if (major === BYTES) {
      if (at + n > bytes.length) throw new Error('cbor: truncated');
      const out = bytes.slice(at, at + n);
      at += n;
      return out;
    }
    if (major === ARRAY) {
      if (n > 16) throw new Error('cbor: array too long');
      return Array.from({ length: n }, () => item(depth + 1));
    }
    throw new Error(`cbor: unexpected major type ${major}`);
  };
  const result = item(0);
  if (at !== bytes.length) throw new Error('cbor: trailing bytes');
  return result;
}
