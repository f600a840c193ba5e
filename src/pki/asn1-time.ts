/**
 * UTCTime / GeneralizedTime (RFC 5280 §4.1.2.5) read from the raw characters, because real
 * certificates carry times asn1js refuses (pyca badasn1time: no seconds, offsets).
 */
import type * as asn1js from 'asn1js';
import { PkiError } from './pki-error';

const UTC = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(?:[.,](\d+))?(Z|[+-]\d{4})?$/;
const GENERALIZED = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(?:[.,](\d+))?(Z|[+-]\d{4})?$/;

/** A Time node as a Date (UTC); PkiError('malformed') when unreadable. */
export function readTime(node: asn1js.AsnType): Date {
  // By tag, not instanceof: asn1js's GeneralizedTime extends its UTCTime.
  const isUtc = node.idBlock.tagClass === 1 && node.idBlock.tagNumber === 23;
  const isGen = node.idBlock.tagClass === 1 && node.idBlock.tagNumber === 24;
  if (!isUtc && !isGen) throw new PkiError('malformed', 'bad time');
  const raw = new Uint8Array((node as unknown as { valueBlock: { valueHexView: Uint8Array } }).valueBlock.valueHexView);
  const text = String.fromCharCode(...raw);
  // A four-digit year inside a UTCTime exists in the wild (pyca badasn1time); openssl reads it.
  const m = (isUtc && UTC.exec(text)) || GENERALIZED.exec(text);
  if (!m) throw new PkiError('malformed', `bad time ${text}`);
  let year = Number(m[1]);
  // RFC 5280 §4.1.2.5.1: UTCTime YY >= 50 is 19YY, else 20YY.
  if (m[1].length === 2) year += year >= 50 ? 1900 : 2000;
  const ms = m[7] ? Math.round(Number(`0.${m[7]}`) * 1000) : 0;
  let t = Date.UTC(year, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0), ms);
  if (m[8] && m[8] !== 'Z') {
    const sign = m[8][0] === '+' ? 1 : -1;
    t -= sign * (Number(m[8].slice(1, 3)) * 60 + Number(m[8].slice(3, 5))) * 60_000;
  }
  if (Number.isNaN(t)) throw new PkiError('malformed', `bad time ${text}`);
  return new Date(t);
}
