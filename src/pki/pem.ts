/**
 * PEM (RFC 7468, with RFC 1421 headers tolerated) in and out. DER is told from PEM by
 * content, never by file extension.
 */
import { asciiText, fromBase64, toBase64, toBytes } from './bytes';
import { PkiError } from './pki-error';
import type { Bytes } from './types';

/** One PEM block: its label ('' for bare base64) and DER. */
export interface PemBlock {
  label: string;
  der: Bytes;
  /** RFC 1421 headers (e.g. Proc-Type, DEK-Info of legacy encrypted keys), when present */
  headers?: Record<string, string>;
}

const BEGIN = '-----BEGIN ';
const END = '-----END ';
const LABEL = /^([A-Z0-9 #_-]*)-----/;

/** Every PEM block in `text` (LF/CRLF, text around blocks); bare base64 gives one block labelled ''. */
export function decodePem(text: string): PemBlock[] {
  const blocks: PemBlock[] = [];
  // indexOf scanning, not one big lazy regex: linear even for hostile input (many BEGINs, no END).
  let at = text.indexOf(BEGIN);
  while (at !== -1) {
    const label = LABEL.exec(text.slice(at + BEGIN.length, at + BEGIN.length + 80))?.[1];
    if (label === undefined) throw new PkiError('malformed', 'bad pem begin line');
    const bodyStart = at + BEGIN.length + label.length + 5;
    const end = text.indexOf(END, bodyStart);
    const nextBegin = text.indexOf(BEGIN, bodyStart);
    // RFC 7468 §2: every BEGIN has a matching END before the next block starts.
    if (end === -1 || (nextBegin !== -1 && nextBegin < end))
      throw new PkiError('malformed', `pem block ${label} has no end line`);
    const endLabel = LABEL.exec(text.slice(end + END.length, end + END.length + 80))?.[1];
    if (endLabel === undefined || endLabel.trim() !== label.trim()) {
      throw new PkiError('malformed', `pem label mismatch: ${label} / ${endLabel ?? '?'}`);
    }
    blocks.push(decodeBody(label.trim(), text.slice(bodyStart, end)));
    at = text.indexOf(BEGIN, end + END.length + endLabel.length + 5);
  }
  if (blocks.length > 0) return blocks;
  const trimmed = text.trim();
  if (trimmed.length === 0 || !/^[A-Za-z0-9+/=\s]+$/.test(trimmed)) return [];
  const der = fromBase64(trimmed);
  if (!der) throw new PkiError('malformed', 'bad base64');
  return [{ label: '', der }];
}

function decodeBody(label: string, body: string): PemBlock {
  const lines = body.split(/\r?\n|\r/);
  const headers: Record<string, string> = {};
  const data: string[] = [];
  let inHeaders = true;
  for (const raw of lines) {
    const line = raw.trim();
    // RFC 1421 §4.4: "Name: value" headers come first, then an empty line, then base64.
    if (inHeaders && /^[A-Za-z][A-Za-z0-9-]*:/.test(line)) {
      const at = line.indexOf(':');
      headers[line.slice(0, at)] = line.slice(at + 1).trim();
      continue;
    }
    if (line.length > 0) inHeaders = false;
    data.push(line);
  }
  const der = fromBase64(data.join(''));
  if (!der) throw new PkiError('malformed', `bad base64 in pem block ${label}`);
  return Object.keys(headers).length > 0 ? { label, der, headers } : { label, der };
}

/** RFC 7468 text: 64-column base64, LF line ends. */
export function encodePem(label: string, der: Uint8Array): string {
  const b64 = toBase64(der);
  const lines: string[] = [];
  for (let i = 0; i < b64.length; i += 64) lines.push(b64.slice(i, i + 64));
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/** True when the bytes are ASCII text containing a PEM header (DER is sniffed by content). */
export function looksLikePem(bytes: Uint8Array): boolean {
  // DER always starts with a tag byte; 0x30 (SEQUENCE) is '0', which text rarely starts with
  // followed by a valid length, but PEM must contain the armour anyway.
  const head = asciiText(bytes.subarray(0, Math.min(bytes.length, 1 << 20)));
  return head.includes('-----BEGIN ');
}

/** PEM text from bytes: UTF-8 with a BOM stripped; undefined for binary. */
export function pemTextOf(bytes: Uint8Array): string | undefined {
  if (!looksLikePem(bytes)) return undefined;
  let text = new TextDecoder('utf-8', { fatal: false }).decode(toBytes(bytes));
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text;
}

/** Bare base64 text (no armour) as DER, e.g. what `az` or a portal copy-paste gives. */
export function bareBase64Of(bytes: Uint8Array): Bytes | undefined {
  if (bytes.length === 0 || bytes[0] === 0x30) return undefined;
  const text = asciiText(bytes).trim();
  if (!/^[A-Za-z0-9+/=\s]+$/.test(text)) return undefined;
  const der = fromBase64(text);
  return der && der[0] === 0x30 ? der : undefined;
}
