/**
 * The one BER/DER reader of pki/, over asn1js. BER is read as BER (indefinite lengths, as
 * Windows and Java write P7B and PKCS#12), and asn1js's own limits bound hostile input: 100
 * levels of nesting, 10 000 nodes, 16 MiB of content. The accessors below turn every
 * structural surprise into PkiError('malformed'), so no raw asn1js error or `undefined` escapes.
 */
import * as asn1js from 'asn1js';
import { toBytes } from '../bytes';
import { PkiError } from '../pki-error';
import type { Bytes } from '../types';

/** A decoded element. */
export type Node = asn1js.AsnType;

/** asn1js.fromBER that never throws: most errors come back as offset -1, but some (a UTCTime with non-digits) escape as a raw Error. */
function fromBer(bytes: Uint8Array): asn1js.FromBerResult | undefined {
  try {
    // One copy, ours: the nodes keep views into it, so later changes to `bytes` cannot reach them.
    return asn1js.fromBER(toBytes(bytes), { copyInput: false });
  } catch {
    return undefined;
  }
}

/** The first BER element of `bytes` and the offset just past it; undefined when it does not decode. */
export function decodeBer(bytes: Uint8Array): { node: Node; end: number } | undefined {
  const decoded = fromBer(bytes);
  return decoded && decoded.offset !== -1 ? { node: decoded.result, end: decoded.offset } : undefined;
}

/**
 * The elements at the start of a SEQUENCE that decoded before the first damage, for
 * sniffing by content: a PFX or P7B hurt past its first fields is still taken for one (and then
 * refused with its own error), and an RSA key shows its modulus size.
 */
export function leadingElements(bytes: Uint8Array): Node[] {
  const decoded = fromBer(bytes);
  return decoded?.result instanceof asn1js.Sequence ? nodesOf(decoded.result) : [];
}

/**
 * One element that decoded without error. Trailing bytes are tolerated (openssl's d2i ignores
 * them too); callers that must refuse them compare `rawOf(node).length`.
 */
export function readDer(bytes: Uint8Array, what: string): Node {
  const decoded = decodeBer(bytes);
  if (!decoded || decoded.node.error) throw new PkiError('malformed', `${what}: not der`);
  return decoded.node;
}

/** The exact encoding of a node as it was read (not re-encoded: BER stays BER). */
export function rawOf(node: Node): Bytes {
  return toBytes(
    node.valueBeforeDecodeView.byteLength ? node.valueBeforeDecodeView : new Uint8Array(node.toBER(false)),
  );
}

function isUniversal(node: Node, tag: number): boolean {
  return node.idBlock.tagClass === 1 && node.idBlock.tagNumber === tag;
}

/** True for a context-specific [tag] node, primitive or constructed. */
export function isContextTag(node: Node | undefined, tag: number): node is Node {
  return node !== undefined && node.idBlock.tagClass === 3 && node.idBlock.tagNumber === tag;
}

/** The elements inside a constructed node; [] for a primitive one. */
export function nodesOf(node: Node): Node[] {
  const block: object = node.valueBlock;
  if (!('value' in block) || !Array.isArray(block.value)) return [];
  const list: unknown[] = block.value;
  return list.filter((n): n is Node => n instanceof asn1js.BaseBlock);
}

/** The content octets of a primitive node (OCTET STRING, INTEGER, IMPLICIT tags, strings). */
export function contentOf(node: Node): Bytes | undefined {
  const block: object = node.valueBlock;
  if (!('valueHexView' in block) || !(block.valueHexView instanceof Uint8Array)) return undefined;
  return toBytes(block.valueHexView);
}

/** Children of a SEQUENCE (or SET with `set`), at least `min` of them. */
export function children(node: Node | undefined, what: string, min = 0, set = false): Node[] {
  if (!node || !isUniversal(node, set ? 17 : 16) || !node.idBlock.isConstructed) {
    throw new PkiError('malformed', `${what}: expected ${set ? 'set' : 'sequence'}`);
  }
  const list = nodesOf(node);
  if (list.length < min) throw new PkiError('malformed', `${what}: too short`);
  return list;
}

/** The dotted form of an OBJECT IDENTIFIER. */
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
    const chunks = nodesOf(node).map((p) => octets(p, what));
    const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
  const content = contentOf(node);
  if (!content) throw new PkiError('malformed', `${what}: expected octet string`);
  return content;
}

/** The single element inside an EXPLICIT [tag] wrapper. */
export function explicit(node: Node | undefined, tag: number, what: string): Node {
  if (!isContextTag(node, tag) || !node.idBlock.isConstructed) {
    throw new PkiError('malformed', `${what}: expected [${tag}]`);
  }
  const inner = nodesOf(node);
  if (inner.length !== 1) throw new PkiError('malformed', `${what}: expected one element in [${tag}]`);
  return inner[0];
}

/** An AlgorithmIdentifier: its OID and raw parameters node (absent or NULL → undefined). */
export function algorithmIdentifier(node: Node | undefined, what: string): { oid: string; params?: Node } {
  const list = children(node, what, 1);
  const params = list.at(1);
  const out: { oid: string; params?: Node } = { oid: oid(list[0], what) };
  if (params !== undefined && !(params instanceof asn1js.Null)) out.params = params;
  return out;
}
