import * as asn1js from 'asn1js';
import { PkiError } from '../pki-error';
import type { Bytes } from '../types';

/**
 * Small strict readers over asn1js nodes. Every structural surprise becomes
 * PkiError('malformed'), so no raw asn1js exception or `undefined` access escapes.
 */
export type Node = asn1js.AsnType;

/** Decodes one BER/DER element. Trailing bytes are tolerated (openssl's d2i ignores them too). */
export function parseDer(bytes: Uint8Array, what: string): Node {
  let decoded: ReturnType<typeof asn1js.fromBER>;
  try {
    decoded = asn1js.fromBER(new Uint8Array(bytes));
  } catch (cause) {
    throw new PkiError('malformed', `${what}: not der`, { cause });
  }
  if (decoded.offset === -1 || decoded.result.error) throw new PkiError('malformed', `${what}: not der`);
  return decoded.result;
}

function isUniversal(node: Node, tag: number): boolean {
  return node.idBlock.tagClass === 1 && node.idBlock.tagNumber === tag;
}

/** Children of a SEQUENCE (or SET with `set`), at least `min` of them. */
export function children(node: Node | undefined, what: string, min = 0, set = false): Node[] {
  if (!node || !isUniversal(node, set ? 17 : 16) || !node.idBlock.isConstructed) {
    throw new PkiError('malformed', `${what}: expected ${set ? 'set' : 'sequence'}`);
  }
  const list = (node.valueBlock as unknown as { value: Node[] }).value;
  if (!Array.isArray(list) || list.length < min) throw new PkiError('malformed', `${what}: too short`);
  return list;
}

export function oid(node: Node | undefined, what: string): string {
  if (!(node instanceof asn1js.ObjectIdentifier)) throw new PkiError('malformed', `${what}: expected oid`);
  return node.valueBlock.toString();
}

/** A small non-negative INTEGER (versions, iteration counts, key lengths). */
export function smallInt(node: Node | undefined, what: string): number {
  if (!(node instanceof asn1js.Integer)) throw new PkiError('malformed', `${what}: expected integer`);
  const hex = node.valueBlock.valueHexView;
  if (hex.length > 6 || (hex.length > 0 && hex[0] & 0x80))
    throw new PkiError('malformed', `${what}: integer out of range`);
  let n = 0;
  for (const b of hex) n = n * 256 + b;
  return n;
}

/**
 * The content octets of an OCTET STRING, or of an IMPLICIT-tagged one (`anyTag`). BER allows
 * the constructed form (chunks), which Windows and Java emit for PKCS#12 data: concatenate.
 */
export function octets(node: Node | undefined, what: string, anyTag = false): Bytes {
  if (!node || (!anyTag && !isUniversal(node, 4))) throw new PkiError('malformed', `${what}: expected octet string`);
  if (node.idBlock.isConstructed) {
    const parts = (node.valueBlock as unknown as { value: Node[] }).value ?? [];
    const chunks = parts.map((p) => octets(p, what));
    const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
  const view = (node.valueBlock as unknown as { valueHexView?: Uint8Array }).valueHexView;
  if (!view) throw new PkiError('malformed', `${what}: expected octet string`);
  return new Uint8Array(view);
}

/** The single element inside an EXPLICIT [tag] wrapper. */
export function explicit(node: Node | undefined, tag: number, what: string): Node {
  if (!node || node.idBlock.tagClass !== 3 || node.idBlock.tagNumber !== tag || !node.idBlock.isConstructed) {
    throw new PkiError('malformed', `${what}: expected [${tag}]`);
  }
  const inner = (node.valueBlock as unknown as { value: Node[] }).value;
  if (!inner || inner.length !== 1) throw new PkiError('malformed', `${what}: expected one element in [${tag}]`);
  return inner[0];
}

export function isContextTag(node: Node | undefined, tag: number): boolean {
  return !!node && node.idBlock.tagClass === 3 && node.idBlock.tagNumber === tag;
}

/** The exact encoded bytes of a node as it was read (for thumbprints and re-parsing). */
export function encodedBytes(node: Node): Bytes {
  return new Uint8Array(node.valueBeforeDecodeView);
}

/** An AlgorithmIdentifier: its OID and raw parameters node (absent or NULL → undefined). */
export function algorithmIdentifier(node: Node | undefined, what: string): { oid: string; params?: Node } {
  const [id, params] = children(node, what, 1);
  return { oid: oid(id, what), params: params && !(params instanceof asn1js.Null) ? params : undefined };
}

/** DER bytes of an asn1js node we built. */
export function toDer(node: { toBER(sizeOnly?: boolean): ArrayBuffer }): Bytes {
  return new Uint8Array(node.toBER(false));
}
