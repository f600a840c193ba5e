/**
 * IP addresses for SAN iPAddress (RFC 5280 §4.2.1.6: 4 or 16 octets). Text out follows
 * RFC 5952 (lowercase, longest zero run as ::), which is also what openssl prints, minus case.
 */
import { PkiError } from './pki-error';
import type { Bytes } from './types';

function parseV4(text: string): number[] | undefined {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^(0|[1-9][0-9]{0,2})$/.test(p) && Number(p) <= 255)) return undefined;
  return parts.map(Number);
}

/** Text → 4 or 16 bytes; PkiError('bad-input') when it is not an address. */
export function parseIpAddress(text: string): Bytes {
  const t = text.trim();
  const v4 = parseV4(t);
  if (v4) return new Uint8Array(v4);
  if (!t.includes(':') || !/^[0-9A-Fa-f:.]+$/.test(t)) throw new PkiError('bad-input', `bad ip address ${text}`);
  let head = t;
  const lastColon = t.lastIndexOf(':');
  if (t.slice(lastColon + 1).includes('.')) {
    // An IPv4 tail (::ffff:192.0.2.1) is the last two groups, RFC 4291 §2.2.
    const v4tail = parseV4(t.slice(lastColon + 1));
    if (!v4tail) throw new PkiError('bad-input', `bad ip address ${text}`);
    const hi = ((v4tail[0] << 8) | v4tail[1]).toString(16);
    const lo = ((v4tail[2] << 8) | v4tail[3]).toString(16);
    head = `${t.slice(0, lastColon + 1)}${hi}:${lo}`;
  }
  const halves = head.split('::');
  if (halves.length > 2) throw new PkiError('bad-input', `bad ip address ${text}`);
  const groups = (s: string): string[] => (s === '' ? [] : s.split(':'));
  const left = groups(halves[0]);
  const right = halves.length === 2 ? groups(halves[1]) : [];
  const want = 8;
  const fill = halves.length === 2 ? want - left.length - right.length : 0;
  if (fill < (halves.length === 2 ? 1 : 0) || left.length + right.length + fill !== want) {
    throw new PkiError('bad-input', `bad ip address ${text}`);
  }
  const all = [...left, ...new Array<string>(fill).fill('0'), ...right];
  const out: number[] = [];
  for (const g of all) {
    if (!/^[0-9A-Fa-f]{1,4}$/.test(g)) throw new PkiError('bad-input', `bad ip address ${text}`);
    const v = parseInt(g, 16);
    out.push(v >> 8, v & 0xff);
  }
  return new Uint8Array(out);
}

/** 4 or 16 bytes → text; other lengths (name-constraint masks) as hex. */
export function formatIpAddress(bytes: Uint8Array): string {
  if (bytes.length === 4) return [...bytes].join('.');
  if (bytes.length !== 16) return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((bytes[i] << 8) | bytes[i + 1]);
  let bestStart = -1;
  let bestLen = 1;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
}
