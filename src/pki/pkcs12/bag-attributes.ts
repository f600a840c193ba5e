import * as asn1js from 'asn1js';
import type { Bytes } from '../types';
import { children, octets, oid, type Node } from '../pbe/der';
import { P12 } from './oids';

export interface BagAttributes {
  friendlyName?: string;
  localKeyId?: Bytes;
}

/** UTF-16BE as BMPString holds it (surrogate pairs pass through, as openssl writes them). */
function decodeBmp(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i + 1 < bytes.length; i += 2) s += String.fromCharCode((bytes[i] << 8) | bytes[i + 1]);
  return s;
}

/**
 * The two PKCS#9 attributes PFX readers act on (RFC 7292 section 4.2). Others (Microsoft's
 * CSP name, Java's trusted-key-usage) are ignored, as openssl ignores them when parsing.
 */
export function readBagAttributes(set: Node | undefined): BagAttributes {
  const out: BagAttributes = {};
  if (!set) return out;
  for (const attribute of children(set, 'bag attributes', 0, true)) {
    const [type, values] = children(attribute, 'bag attribute', 2);
    const first = children(values, 'bag attribute values', 0, true)[0];
    if (!first) continue;
    const id = oid(type, 'bag attribute type');
    if (id === P12.friendlyName) {
      const view = (first.valueBlock as unknown as { valueHexView?: Uint8Array }).valueHexView;
      if (first.idBlock.tagClass === 1 && first.idBlock.tagNumber === 30 && view) out.friendlyName = decodeBmp(view);
    } else if (id === P12.localKeyId) {
      out.localKeyId = octets(first, 'localKeyId');
    }
  }
  return out;
}

/** SET OF Attribute with friendlyName (BMPString) and localKeyId, or undefined when both are absent. */
export function writeBagAttributes(attributes: BagAttributes): asn1js.Set | undefined {
  const list: asn1js.Sequence[] = [];
  const attribute = (type: string, value: asn1js.AsnType) =>
    new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: type }), new asn1js.Set({ value: [value] })] });
  if (attributes.friendlyName !== undefined)
    list.push(attribute(P12.friendlyName, new asn1js.BmpString({ value: attributes.friendlyName })));
  if (attributes.localKeyId)
    list.push(attribute(P12.localKeyId, new asn1js.OctetString({ valueHex: attributes.localKeyId.slice().buffer })));
  return list.length ? new asn1js.Set({ value: list }) : undefined;
}
