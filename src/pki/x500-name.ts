/**
 * X.500 names as text: RFC 4514 with the leniencies people rely on (spaces around `=` and
 * separators, `;` separators, RFC 1779 double quotes, S/E/T/G aliases). Attributes keep the
 * order they are written in; that order is also the DER order (see x500-name-der.ts).
 */
import { decodeStringValue } from './asn1/strings';
import { fromHex } from './bytes';
import { PkiError } from './pki-error';
import type { Bytes } from './types';
import { attributeName, attributeOid } from './x500-attribute-types';

/** One RDN attribute; `type` is the short name (CN, OU, O, L, ST, C, E, DC, …) or a dotted OID. */
export interface NameAttribute {
  type: string;
  oid: string;
  value: string;
  /** true when this attribute shares an RDN with the one before it (`+` in RFC 4514) */
  multiValued?: boolean;
  /** the exact BER of the value, for `#hex` values and non-string types read from a certificate */
  der?: Bytes;
}

const bad = (why: string): PkiError => new PkiError('bad-name', `bad x500 name: ${why}`);

/** RFC 4514 with quoting/escapes and the aliases S=ST, E=emailAddress; order kept as written. Throws PkiError('bad-name'). */
export function parseX500Name(text: string): NameAttribute[] {
  if (typeof text !== 'string' || text.trim() === '') throw bad('empty');
  const out: NameAttribute[] = [];
  let i = 0;
  let multiValued = false;
  const n = text.length;
  const skipSpaces = (): void => {
    while (i < n && text[i] === ' ') i++;
  };
  for (;;) {
    skipSpaces();
    const typeStart = i;
    while (i < n && text[i] !== '=' && text[i] !== ',' && text[i] !== '+' && text[i] !== ';') i++;
    if (i >= n || text[i] !== '=') throw bad(`no '=' after "${text.slice(typeStart, i).trim()}"`);
    const keyword = text.slice(typeStart, i).trim();
    const oid = attributeOid(keyword);
    if (!oid) throw bad(`unknown attribute type "${keyword}"`);
    i++; // '='
    skipSpaces();
    const { value, der, end } = readValue(text, i);
    i = end;
    if (value === '' && !der) throw bad(`empty value for ${keyword}`);
    const attr: NameAttribute = { type: attributeName(oid), oid, value };
    if (multiValued) attr.multiValued = true;
    if (der) attr.der = der;
    out.push(attr);
    skipSpaces();
    if (i >= n) break;
    const sep = text[i++];
    if (sep !== ',' && sep !== ';' && sep !== '+') throw bad(`unexpected "${sep}"`);
    multiValued = sep === '+';
    if (i >= n || text.slice(i).trim() === '') throw bad('trailing separator');
  }
  return out;
}

function readValue(text: string, start: number): { value: string; der?: Bytes; end: number } {
  let i = start;
  const n = text.length;
  if (text[i] === '#') {
    // RFC 4514 §2.4: '#' then the hex of the BER encoding.
    let j = i + 1;
    while (j < n && /[0-9a-fA-F]/.test(text[j])) j++;
    const hex = text.slice(i + 1, j);
    if (hex.length === 0 || hex.length % 2 !== 0) throw bad('bad #hex value');
    const der = fromHex(hex);
    const decoded = decodeStringValue(der);
    if (!decoded) throw bad('#hex value is not one ber element');
    return { value: decoded.text ?? `#${hex.toUpperCase()}`, der, end: j };
  }
  if (text[i] === '"') {
    // RFC 1779 quoting, still written by Windows and by Key Vault's docs (OU="Docs,Contoso").
    const bytes: number[] = [];
    i++;
    while (i < n && text[i] !== '"') {
      if (text[i] === '\\') i = readEscape(text, i, bytes);
      else i = pushCodePoint(text, i, bytes);
    }
    if (i >= n) throw bad('unterminated quote');
    return { value: utf8(bytes), end: i + 1 };
  }
  const bytes: number[] = [];
  let lastSignificant = 0;
  while (i < n && text[i] !== ',' && text[i] !== '+' && text[i] !== ';') {
    if (text[i] === '\\') {
      i = readEscape(text, i, bytes);
      lastSignificant = bytes.length;
    } else {
      if (text[i] === '"') throw bad('quote inside an unquoted value');
      const space = text[i] === ' ';
      i = pushCodePoint(text, i, bytes);
      if (!space) lastSignificant = bytes.length;
    }
  }
  // Unescaped trailing spaces are not part of the value (RFC 4514 §2.4 makes them escaped).
  return { value: utf8(bytes.slice(0, lastSignificant)), end: i };
}

function readEscape(text: string, at: number, bytes: number[]): number {
  const next = text.at(at + 1);
  if (next === undefined) throw bad('dangling backslash');
  if (/[0-9a-fA-F]/.test(next) && /[0-9a-fA-F]/.test(text.at(at + 2) ?? '')) {
    bytes.push(parseInt(text.slice(at + 1, at + 3), 16));
    return at + 3;
  }
  if (!/[ "#+,;<=>\\]/.test(next)) throw bad(`bad escape "\\${next}"`);
  bytes.push(next.charCodeAt(0));
  return at + 2;
}

/** Appends the UTF-8 of the whole code point at `at` (a character beyond the BMP is two UTF-16 units). */
function pushCodePoint(text: string, at: number, bytes: number[]): number {
  const ch = String.fromCodePoint(text.codePointAt(at) ?? 0xfffd);
  bytes.push(...new TextEncoder().encode(ch));
  return at + ch.length;
}

function utf8(bytes: number[]): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(bytes));
  } catch (e) {
    throw new PkiError('bad-name', 'bad x500 name: escaped bytes are not utf-8', { cause: e });
  }
}

/** RFC 4514 text for attributes, in array order; non-string values print as `#hex`. */
export function formatX500Name(attributes: NameAttribute[]): string {
  let out = '';
  attributes.forEach((a, index) => {
    if (index > 0) out += a.multiValued ? '+' : ',';
    out += `${a.type || attributeName(a.oid)}=${formatValue(a)}`;
  });
  return out;
}

function formatValue(a: NameAttribute): string {
  if (a.der && a.value.startsWith('#') && decodeStringValue(a.der)?.text === undefined) return a.value;
  // By code point, so an escaped character is never half a surrogate pair.
  const chars = Array.from(a.value);
  return chars
    .map((c, i) => {
      if (c === '\0') return '\\00';
      if ('\\"+,;<>='.includes(c)) return `\\${c}`;
      // RFC 4514 §2.4: a leading space or '#', and a trailing space, are escaped.
      if ((i === 0 && (c === ' ' || c === '#')) || (i === chars.length - 1 && c === ' ')) return `\\${c}`;
      return c;
    })
    .join('');
}
