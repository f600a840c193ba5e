/**
 * X.500 names as DER (RFC 5280 §4.1.2.4). We write RDNs in the order the text lists them,
 * as Key Vault does: `CN=a,O=b` puts CN first in the SEQUENCE, so `openssl -nameopt oneline`
 * prints `CN = a, O = b` (and `-nameopt RFC2253`, which reverses, prints `O=b,CN=a`).
 */
import * as asn1js from 'asn1js';
import { decodeBer, type Node } from './asn1/reader';
import { isIa5, stringOf } from './asn1/strings';
import { objectIdentifier, toDer } from './asn1/writer';
import { toHex } from './bytes';
import { PkiError } from './pki-error';
import type { Bytes } from './types';
import { attributeEncoding, attributeName } from './x500-attribute-types';
import type { NameAttribute } from './x500-name';

const PRINTABLE = /^[A-Za-z0-9 '()+,\-./:=?]*$/;

function encodeValue(a: NameAttribute): Node {
  // A value given as BER (`#hex`, or read from a certificate) goes back as it was.
  const given = a.der && decodeBer(a.der);
  if (given) return given.node;
  const enc = attributeEncoding(a.oid);
  if (enc === 'ia5' && isIa5(a.value)) return new asn1js.IA5String({ value: a.value });
  if (PRINTABLE.test(a.value)) return new asn1js.PrintableString({ value: a.value });
  return new asn1js.Utf8String({ value: a.value });
}

/** DER of a Name from attributes (array order = DER order; `multiValued` joins an RDN). */
export function encodeX500Name(attributes: NameAttribute[]): Bytes {
  const rdns: asn1js.Set[] = [];
  for (const a of attributes) {
    const atv = new asn1js.Sequence({ value: [objectIdentifier(a.oid), encodeValue(a)] });
    const last = rdns.at(-1);
    if (a.multiValued && last) last.valueBlock.value.push(atv);
    else rdns.push(new asn1js.Set({ value: [atv] }));
  }
  return toDer(new asn1js.Sequence({ value: rdns }));
}

/** Attributes of a Name node (from a certificate or CSR); never throws on odd values. */
export function decodeX500Name(name: Node): NameAttribute[] {
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
        const der = toDer(value);
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
  const decoded = decodeBer(der);
  if (!decoded) throw new PkiError('malformed', 'bad name der');
  return decodeX500Name(decoded.node);
}
