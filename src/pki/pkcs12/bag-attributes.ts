/**
 * The two PKCS#9 attributes PFX readers act on (RFC 7292 section 4.2), read and written.
 */
import * as asn1js from 'asn1js';
import { PKCS9 } from '../asn1/oids';
import { children, oid, octets, type Node } from '../asn1/reader';
import { stringOf } from '../asn1/strings';
import { objectIdentifier, octetString } from '../asn1/writer';
import type { Bytes } from '../types';

export interface BagAttributes {
  friendlyName?: string;
  localKeyId?: Bytes;
}

/** BMPString, the one type RFC 7292 gives friendlyName. */
const BMP_STRING = 30;

/**
 * friendlyName and localKeyId. Others (Microsoft's CSP name, Java's trusted-key-usage) are
 * ignored, as openssl ignores them when parsing.
 */
export function readBagAttributes(set: Node | undefined): BagAttributes {
  const out: BagAttributes = {};
  if (!set) return out;
  for (const attribute of children(set, 'bag attributes', 0, true)) {
    const [type, values] = children(attribute, 'bag attribute', 2);
    const first = children(values, 'bag attribute values', 0, true).at(0);
    if (!first) continue;
    const id = oid(type, 'bag attribute type');
    if (id === PKCS9.friendlyName) {
      const isBmp = first.idBlock.tagClass === 1 && first.idBlock.tagNumber === BMP_STRING;
      const name = isBmp ? stringOf(first) : undefined;
      if (name !== undefined) out.friendlyName = name;
    } else if (id === PKCS9.localKeyId) {
      out.localKeyId = octets(first, 'localKeyId');
    }
  }
  return out;
}

/** SET OF Attribute with friendlyName (BMPString) and localKeyId, or undefined when both are absent. */
export function writeBagAttributes(attributes: BagAttributes): asn1js.Set | undefined {
  const list: asn1js.Sequence[] = [];
  const attribute = (type: string, value: asn1js.AsnType) =>
    new asn1js.Sequence({ value: [objectIdentifier(type), new asn1js.Set({ value: [value] })] });
  if (attributes.friendlyName !== undefined)
    list.push(attribute(PKCS9.friendlyName, new asn1js.BmpString({ value: attributes.friendlyName })));
  if (attributes.localKeyId) list.push(attribute(PKCS9.localKeyId, octetString(attributes.localKeyId)));
  return list.length ? new asn1js.Set({ value: list }) : undefined;
}
