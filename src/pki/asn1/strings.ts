/**
 * ASN.1 character strings (X.680 §41) as text: the types X.500 names and PKCS#9 attributes
 * carry, each decoded by its own encoding.
 */
import { contentOf, decodeBer, type Node } from './reader';

/** UTF8String, NumericString, PrintableString, TeletexString, VideotexString, IA5String, VisibleString, UniversalString, BMPString. */
const STRING_TAGS = new Set([12, 18, 19, 20, 21, 22, 26, 27, 28, 30]);

/** True when `text` fits IA5String: the 128 ASCII code points (X.680 §41.4). */
export function isIa5(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** UTF-16BE as BMPString holds it (surrogate pairs pass through, as openssl writes them). */
function decodeBmp(raw: Uint8Array): string {
  let s = '';
  for (let i = 0; i + 1 < raw.length; i += 2) s += String.fromCharCode((raw[i] << 8) | raw[i + 1]);
  return s;
}

/** The text of a string-typed node; undefined for any other type. */
export function stringOf(node: Node): string | undefined {
  const { tagClass, tagNumber } = node.idBlock;
  if (tagClass !== 1 || !STRING_TAGS.has(tagNumber)) return undefined;
  const raw = contentOf(node) ?? new Uint8Array(0);
  switch (tagNumber) {
    case 30:
      return decodeBmp(raw);
    case 28: {
      // UniversalString: UTF-32BE
      let s = '';
      for (let i = 0; i + 3 < raw.length; i += 4) {
        const cp = ((raw[i] << 24) | (raw[i + 1] << 16) | (raw[i + 2] << 8) | raw[i + 3]) >>> 0;
        s += cp <= 0x10ffff ? String.fromCodePoint(cp) : '\ufffd';
      }
      return s;
    }
    case 20:
      // TeletexString: in practice Latin-1 (RFC 5280 §4.1.2.4 notes the ambiguity)
      return String.fromCharCode(...raw);
    default:
      return new TextDecoder('utf-8').decode(raw);
  }
}

/** A value that must be exactly one BER element, as text when it is a string type; undefined when it is not one element. */
export function decodeStringValue(der: Uint8Array): { text?: string } | undefined {
  const decoded = decodeBer(der);
  if (decoded?.end !== der.length) return undefined;
  const text = stringOf(decoded.node);
  return text === undefined ? {} : { text };
}
