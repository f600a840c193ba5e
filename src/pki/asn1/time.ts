/**
 * UTCTime / GeneralizedTime (RFC 5280 §4.1.2.5) read from the raw characters, because real
 * certificates carry times asn1js refuses (pyca badasn1time: no seconds, offsets).
 */
import { PkiError } from '../pki-error';
import { contentOf, type Node } from './reader';

const UTC = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(?:[.,](\d+))?(Z|[+-]\d{4})?$/;
const GENERALIZED = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(?:[.,](\d+))?(Z|[+-]\d{4})?$/;

/** A Time node as a Date (UTC); PkiError('malformed') when unreadable. */
export function readTime(node: Node): Date {
  // By tag, not instanceof: asn1js's GeneralizedTime extends its UTCTime.
  const isUtc = node.idBlock.tagClass === 1 && node.idBlock.tagNumber === 23;
  const isGen = node.idBlock.tagClass === 1 && node.idBlock.tagNumber === 24;
  const raw = contentOf(node);
  if ((!isUtc && !isGen) || !raw) throw new PkiError('malformed', 'bad time');
  const text = String.fromCharCode(...raw);
  // A four-digit year inside a UTCTime exists in the wild (pyca badasn1time); openssl reads it.
  const m = (isUtc && UTC.exec(text)) || GENERALIZED.exec(text);
  if (!m) throw new PkiError('malformed', `bad time ${text}`);
  // Optional groups are undefined when absent, which RegExpExecArray's index type hides.
  const [, yearText, month, day, hour, minute] = m;
  const seconds = m.at(6);
  const fraction = m.at(7);
  const zone = m.at(8);
  let year = Number(yearText);
  // RFC 5280 §4.1.2.5.1: UTCTime YY >= 50 is 19YY, else 20YY.
  if (yearText.length === 2) year += year >= 50 ? 1900 : 2000;
  const ms = fraction ? Math.round(Number(`0.${fraction}`) * 1000) : 0;
  let t = Date.UTC(year, Number(month) - 1, Number(day), Number(hour), Number(minute), Number(seconds ?? 0), ms);
  if (zone && zone !== 'Z') {
    const sign = zone.startsWith('+') ? 1 : -1;
    t -= sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3, 5))) * 60_000;
  }
  if (Number.isNaN(t)) throw new PkiError('malformed', `bad time ${text}`);
  return new Date(t);
}
