/**
 * RFC 5545 (iCalendar) content lines: TEXT escaping (§3.3.11), UTC DATE-TIME values (§3.3.5,
 * form #2) and line folding at 75 octets with CRLF (§3.1). Only what expiry-calendar.ts writes.
 */

const encoder = new TextEncoder();

/** RFC 5545 §3.1: lines SHOULD NOT be longer than 75 octets, excluding the line break. */
const MAX_OCTETS = 75;

/**
 * A TEXT value (§3.3.11): backslash, semicolon and comma escaped, line breaks as `\n`. Other
 * control characters are not allowed in TEXT at all (TSAFE-CHAR excludes CONTROL), so each
 * becomes a space rather than a broken file.
 */
export function escapeText(text: string): string {
  const escaped = text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
  let out = '';
  for (const ch of escaped) {
    const code = ch.charCodeAt(0);
    out += (code < 0x20 && code !== 0x09) || code === 0x7f ? ' ' : ch;
  }
  return out;
}

/** A UTC DATE-TIME (§3.3.5 form #2): `19980119T070000Z`, to the second. */
export function utcDateTime(date: Date): string {
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

/**
 * One content line, folded (§3.1): a line longer than 75 octets is split before the character
 * that would pass the limit, and each continuation starts with one space, which counts toward
 * its own 75. Splits fall between characters, never inside a UTF-8 sequence. Ends with CRLF.
 */
export function contentLine(nameAndParams: string, value: string): string {
  const line = `${nameAndParams}:${value}`;
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    if (octets + size > MAX_OCTETS) {
      parts.push(current);
      current = ' ';
      octets = 1;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n') + '\r\n';
}
