/**
 * X.500 names as DER (RFC 5280 §4.1.2.4). We write RDNs in the order the text lists them,
 * as Key Vault does: `CN=a,O=b` puts CN first in the SEQUENCE, so `openssl -nameopt oneline`
 * prints `CN = a, O = b` (and `-nameopt RFC2253`, which reverses, prints `O=b,CN=a`).
 */
import * as asn1js from 'asn1js';
import { fromBer } from './ber';
import { toBytes, toHex } from './bytes';
import { PkiError } from './pki-error';
import type { Bytes } from './types';
import { attributeEncoding, attributeName } from './x500-attribute-types';
import type { NameAttribute } from './x500-name';

const PRINTABLE = /^[A-Za-z0-9 '()+,\-./:=?]*$/;

function encodeValue(a: NameAttribute): asn1js.AsnType {
  if (a.der) {
    const parsed = fromBer(a.der);
    if (parsed.offset !== -1) return parsed.result;
  }
  const enc = attributeEncoding(a.oid);
  if (enc === 'ia5' && /^[\x00-\x7f]*$/.test(a.value)) return new asn1js.IA5String({ value: a.value });
  if (PRINTABLE.test(a.value)) return new asn1js.PrintableString({ value: a.value });
  return new asn1js.Utf8String({ value: a.value });
}

/** DER of a Name from attributes (array order = DER order; `multiValued` joins an RDN). */
export function encodeX500Name(attributes: NameAttribute[]): Bytes {
  return toBytes(new Uint8Array(nameSchema(attributes).toBER(false)));
}

export function nameSchema(attributes: NameAttribute[]): asn1js.Sequence {
  const rdns: asn1js.Set[] = [];
  for (const a of attributes) {
    const atv = new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: a.oid }), encodeValue(a)] });
    if (a.multiValued && rdns.length > 0) rdns[rdns.length - 1].valueBlock.value.push(atv);
    else rdns.push(new asn1js.Set({ value: [atv] }));
  }
  return new asn1js.Sequence({ value: rdns });
}

const STRING_TAGS = new Set([12, 18, 19, 20, 21, 22, 26, 27, 28, 30]);

/** A single BER value as text when it is a string type; `text` undefined for other types. */
export function decodeAttributeValue(der: Uint8Array): { text?: string } | undefined {
  const parsed = fromBer(der);
  if (parsed.offset === -1 || parsed.offset !== der.length) return undefined;
  return { text: stringOf(parsed.result) };
}

function stringOf(node: asn1js.AsnType): string | undefined {
  const { tagClass, tagNumber } = node.idBlock;
  if (tagClass !== 1 || !STRING_TAGS.has(tagNumber)) return undefined;
  const raw = new Uint8Array((node as unknown as { valueBlock: { valueHexView: Uint8Array } }).valueBlock.valueHexView);
  switch (tagNumber) {
    case 30: {
      // BMPString: UTF-16BE
      let s = '';
      for (let i = 0; i + 1 < raw.length; i += 2) s += String.fromCharCode((raw[i] << 8) | raw[i + 1]);
      return s;
    }
    case 28: {
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

/** Attributes of a Name node (from a certificate or CSR); never throws on odd values. */
export function decodeX500Name(name: asn1js.AsnType): NameAttribute[] {
  const out: NameAttribute[] = [];
  if (!(name instanceof asn1js.Sequence)) throw new PkiError('malformed', 'name is not a sequence');
  for (const rdn of name.valueBlock.value) {
    if (!(rdn instanceof asn1js.Set)) throw new PkiError('malformed', 'rdn is not a set');
    rdn.valueBlock.value.forEach((atv, index) => {
      if (!(atv instanceof asn1js.Sequence) || atv.valueBlock.value.length < 2)
        throw new PkiError('malformed', 'bad attribute');
      const [type, value] = atv.valueBlock.value;
      if (!(type instanceof asn1js.ObjectIdentifier)) throw new PkiError('malformed', 'bad attribute type');
      const oid = type.valueBlock.toString();
      const text = stringOf(value);
      const attr: NameAttribute = { type: attributeName(oid), oid, value: text ?? '' };
      if (text === undefined) {
        const der = toBytes(new Uint8Array(value.toBER(false)));
        attr.value = `#${toHex(der)}`;
        attr.der = der;
      }
      if (index > 0) attr.multiValued = true;
      out.push(attr);
    });
  }
  return out;
}

/** Name DER → attributes. */
export function decodeX500NameDer(der: Uint8Array): NameAttribute[] {
  const parsed = fromBer(der);
  if (parsed.offset === -1) throw new PkiError('malformed', 'bad name der');
  return decodeX500Name(parsed.result);
}
