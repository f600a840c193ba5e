// Mutations of real files: byte-level damage, and structure-aware edits that keep the outer
// layers parseable so the damage reaches deep parsers (length fields, nesting depth, PBE
// iteration counts). Each returns { bytes, how } so a finding says what was done.
import { concat, encodeAll, encodeLength, integerContent, parseDer, walk } from './der-tree.mjs';

const PEM = /-----BEGIN ([A-Z0-9 ]+)-----\r?\n([\s\S]*?)-----END \1-----/;

/** The DER inside a PEM file (first block), with a function that puts DER back as PEM. */
function unwrapPem(bytes) {
  const text = new TextDecoder().decode(bytes);
  const m = PEM.exec(text);
  if (!m) return undefined;
  const der = Uint8Array.from(Buffer.from(m[2].replace(/\s+/g, ''), 'base64'));
  const wrap = (out) => {
    const b64 = Buffer.from(out).toString('base64').replace(/.{64}/g, '$&\n');
    const block = `-----BEGIN ${m[1]}-----\n${b64}${b64.endsWith('\n') ? '' : '\n'}-----END ${m[1]}-----`;
    return new TextEncoder().encode(text.slice(0, m.index) + block + text.slice(m.index + m[0].length));
  };
  return { der, wrap };
}

// ---- byte level ----

function bitFlips(r, bytes) {
  const out = bytes.slice();
  const n = 1 + r.int(8);
  for (let i = 0; i < n && out.length; i++) out[r.int(out.length)] ^= 1 << r.int(8);
  return { bytes: out, how: `bit flips ×${n}` };
}

function truncate(r, bytes) {
  const at = r.int(bytes.length);
  return { bytes: bytes.slice(0, at), how: `truncated at ${at}/${bytes.length}` };
}

function splice(r, bytes) {
  const out = [...bytes];
  const at = r.int(out.length + 1);
  if (r.chance(0.5)) {
    const n = 1 + r.int(16);
    out.splice(at, n);
    return { bytes: Uint8Array.from(out), how: `deleted ${n} at ${at}` };
  }
  const ins = Array.from({ length: 1 + r.int(8) }, () => r.int(256));
  out.splice(at, 0, ...ins);
  return { bytes: Uint8Array.from(out), how: `inserted ${ins.length} at ${at}` };
}

// ---- structure aware (DER, or the DER inside PEM) ----

function nodesOf(tree) {
  const all = [];
  walk(tree, (node, parent, index) => all.push({ node, parent, index }));
  return all;
}

/** A length field set to a wrong value: off by one, zero, indefinite, 4 GB, 9 length octets. */
function lengthEdit(r, tree) {
  const all = nodesOf(tree);
  const { node } = r.pick(all);
  const real = node.children
    ? encodeAll(node.children).length + (node.unusedBits !== undefined ? 1 : 0)
    : node.content.length;
  const forged = r.pick([
    encodeLength(real + 1),
    encodeLength(Math.max(real - 1, 0)),
    [0],
    [0x80],
    [0x84, 0xff, 0xff, 0xff, 0xff],
    [0x89, 1, 0, 0, 0, 0, 0, 0, 0, 0],
    encodeLength(real + 1 + r.int(1 << 20)),
    [0x82, 0xff, 0xff],
  ]);
  node.forgedLength = forged;
  return `length of tag 0x${node.tag.toString(16)} (${real}) forged as [${forged.map((b) => b.toString(16)).join(' ')}]`;
}

/** SEQUENCE { SEQUENCE { … NULL } } `depth` deep, written in one pass (sizes from the inside out). */
function nestedSequences(depth) {
  const sizes = [2]; // NULL
  for (let i = 0; i < depth; i++) sizes.push(1 + encodeLength(sizes[i]).length + sizes[i]);
  const out = new Uint8Array(sizes[depth]);
  let at = 0;
  for (let i = depth; i > 0; i--) {
    const head = [0x30, ...encodeLength(sizes[i - 1])];
    out.set(head, at);
    at += head.length;
  }
  out.set([0x05, 0x00], at);
  return out;
}

/** A node replaced by SEQUENCEs nested `depth` deep (lengths right, so parsers recurse). */
function depthBomb(r, tree) {
  const depth = r.pick([200, 1000, 5000, 20_000, 60_000]);
  const inner = nestedSequences(depth);
  const all = nodesOf(tree);
  const { node } = r.pick(all);
  node.children = undefined;
  node.wrapped = false;
  node.unusedBits = undefined;
  node.content = inner;
  return `SEQUENCE nested ${depth} deep inside tag 0x${node.tag.toString(16)}`;
}

/**
 * Every INTEGER that follows an OCTET STRING in a SEQUENCE: PBE, PBKDF2 and MacData's
 * (salt, iterations). Set to a hostile count: just past each cap, 2^31 − 1, 2^32 + 5, 10^12.
 */
export const HOSTILE_COUNTS = [200_001, 1_000_001, 2_000_001, 2 ** 31 - 1, 2 ** 32 + 5, 10 ** 12, 0];

function iterationEdit(r, tree) {
  const spots = [];
  walk(tree, (node) => {
    if (node.tag !== 0x30 || !node.children) return;
    node.children.forEach((child, i) => {
      const next = node.children[i + 1];
      if (child.tag === 0x04 && next && next.tag === 0x02) spots.push(next);
    });
  });
  if (spots.length === 0) return undefined;
  const count = r.chance(0.85) ? r.pick(HOSTILE_COUNTS) : 2 ** 21 + r.int(2 ** 30);
  const target = r.pick(spots);
  target.content = integerContent(count);
  return `iteration count set to ${count} (of ${spots.length} spots)`;
}

function structured(r, bytes, kind) {
  const pem = bytes[0] === 0x2d ? unwrapPem(bytes) : undefined;
  const der = pem ? pem.der : bytes;
  const tree = parseDer(der);
  if (!tree) return undefined;
  const how = kind === 'length' ? lengthEdit(r, tree) : kind === 'depth' ? depthBomb(r, tree) : iterationEdit(r, tree);
  if (!how) return undefined;
  const out = encodeAll(tree);
  return { bytes: pem ? pem.wrap(out) : out, how: `${pem ? 'PEM: ' : ''}${how}` };
}

// ---- the Certkeep backup header (vault/backup-format.ts): magic, version, kdf, uint32 count @17,
//      salt, iv, check, SHA-256(header[0..65])[0..8] @65 ----

const BACKUP_COUNT_AT = 17;
const BACKUP_SUM_AT = 65;

async function backupIterations(r, bytes) {
  if (bytes.length < BACKUP_SUM_AT + 8 || bytes[0] !== 0x43) return undefined;
  const out = bytes.slice();
  const count = r.pick([0, 999, 2_000_001, 0xffffffff, 10_000_000]);
  new DataView(out.buffer).setUint32(BACKUP_COUNT_AT, count >>> 0);
  // A crafted file recomputes the header checksum: it is integrity against damage, not a secret.
  const sum = new Uint8Array(await crypto.subtle.digest('SHA-256', out.slice(0, BACKUP_SUM_AT)));
  out.set(sum.subarray(0, 8), BACKUP_SUM_AT);
  return { bytes: out, how: `backup iteration count ${count}, checksum recomputed` };
}

/** Random bytes, some after a DER or PEM opening so parsers get past the first byte. */
export function randomBytes(r) {
  const body = Uint8Array.from({ length: r.int(400) }, () => r.int(256));
  const prefix = r.pick([[], [0x30, 0x82, 0x01, 0x00], [...new TextEncoder().encode('-----BEGIN CERTIFICATE-----\n')]]);
  return { bytes: concat([Uint8Array.from(prefix), body]), how: 'random bytes' };
}

export const MUTATIONS = ['bits', 'truncate', 'splice', 'length', 'depth', 'iterations'];

/** One mutation of `bytes`; structure-aware kinds fall back to bit flips when the seed has no such structure. */
export async function mutate(r, bytes, kind) {
  if (kind === 'bits') return bitFlips(r, bytes);
  if (kind === 'truncate') return truncate(r, bytes);
  if (kind === 'splice') return splice(r, bytes);
  if (kind === 'iterations' && bytes[0] === 0x43) {
    const b = await backupIterations(r, bytes);
    if (b) return b;
  }
  return structured(r, bytes, kind) ?? bitFlips(r, bytes);
}
