// The fuzzer's own DER walker: it must not trust the parser it attacks, so it reads just the
// tag-length-value headers (X.690 §8.1) and writes them back with fresh lengths. OCTET and BIT
// STRINGs whose content is itself complete DER (a PFX's AuthenticatedSafe, a SafeContents, a
// certificate in a bag) are opened too, so a mutation can land deep inside and the outer
// layers still parse.

const MAX_NODES = 20_000;

/**
 * @typedef {{ tag: number, constructed: boolean, content: Uint8Array, children?: Node[], wrapped?: boolean, unusedBits?: number, forgedLength?: number[] }} Node
 */

function header(bytes, at) {
  if (at + 2 > bytes.length) return undefined;
  const tag = bytes[at];
  if ((tag & 0x1f) === 0x1f) return undefined; // high tag numbers: none in our formats
  let len = bytes[at + 1];
  let head = 2;
  if (len === 0x80) return undefined; // indefinite: not DER
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n > 4 || at + 2 + n > bytes.length) return undefined;
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + bytes[at + 2 + i];
    head += n;
  }
  if (at + head + len > bytes.length) return undefined;
  return { tag, head, len };
}

/** Parses `bytes` as a sequence of TLVs filling it exactly, or undefined. */
function parseAll(bytes, budget, depth) {
  const out = [];
  for (let at = 0; at < bytes.length;) {
    const node = parseOne(bytes, at, budget, depth);
    if (!node) return undefined;
    out.push(node.node);
    at = node.end;
  }
  return out;
}

function parseOne(bytes, at, budget, depth) {
  const h = header(bytes, at);
  if (!h || budget.left-- <= 0 || depth > 64) return undefined;
  const content = bytes.subarray(at + h.head, at + h.head + h.len);
  const constructed = (h.tag & 0x20) !== 0;
  /** @type {Node} */
  const node = { tag: h.tag, constructed, content };
  if (constructed) {
    const children = parseAll(content, budget, depth + 1);
    if (!children) return undefined;
    node.children = children;
  } else if ((h.tag === 0x04 || h.tag === 0x03) && content.length > 2) {
    const skip = h.tag === 0x03 ? 1 : 0;
    const inner = content.subarray(skip);
    if (inner[0] === 0x30) {
      const children = parseAll(inner, budget, depth + 1);
      if (children) {
        node.children = children;
        node.wrapped = true;
        if (skip) node.unusedBits = content[0];
      }
    }
  }
  return { node, end: at + h.head + h.len };
}

/** @returns {Node[] | undefined} */
export function parseDer(bytes) {
  return parseAll(bytes, { left: MAX_NODES }, 0);
}

export function encodeLength(len) {
  if (len < 0x80) return [len];
  const out = [];
  for (let v = len; v > 0; v = Math.floor(v / 256)) out.unshift(v & 0xff);
  return [0x80 | out.length, ...out];
}

function concat(parts) {
  const total = parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** One node back to DER, lengths recomputed from the (possibly edited) children. */
export function encodeNode(node) {
  let content = node.content;
  if (node.children) {
    const inner = concat(node.children.map(encodeNode));
    content = node.unusedBits !== undefined ? concat([Uint8Array.of(node.unusedBits), inner]) : inner;
  }
  // A forged length (the length-field mutation) is written as given, whatever the content.
  const length = node.forgedLength ?? encodeLength(content.length);
  return concat([Uint8Array.of(node.tag, ...length), content]);
}

export function encodeAll(nodes) {
  return concat(nodes.map(encodeNode));
}

/** Every node, depth first, with its parent list and index (to replace it). */
export function walk(nodes, visit, parent = nodes) {
  nodes.forEach((node, index) => {
    visit(node, parent, index);
    if (node.children) walk(node.children, visit, node.children);
  });
}

/** Minimal two's-complement INTEGER content for a non-negative value (BigInt-safe). */
export function integerContent(value) {
  let v = BigInt(value);
  const bytes = [];
  do {
    bytes.unshift(Number(v & 0xffn));
    v >>= 8n;
  } while (v > 0n);
  if (bytes[0] & 0x80) bytes.unshift(0);
  return Uint8Array.from(bytes);
}

export { concat };
