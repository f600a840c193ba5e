/**
 * SubjectAltName GeneralNames (RFC 5280 §4.2.1.6) to and from the SDK's
 * SubjectAlternativeNames. A UPN is Microsoft's otherName 1.3.6.1.4.1.311.20.2.3 holding a
 * UTF8String, as Windows and Key Vault write it.
 */
import * as asn1js from 'asn1js';
import { fromBer } from './ber';
import { toBytes } from './bytes';
import { octets } from './certificate-der';
import { formatIpAddress, parseIpAddress } from './ip-address';
import { PkiError } from './pki-error';
import type { Bytes, SubjectAlternativeNames } from './types';

export const OID_UPN = '1.3.6.1.4.1.311.20.2.3';

const IA5 = /^[\x00-\x7f]*$/;

function ia5Tagged(tag: number, value: string, what: string): asn1js.Primitive {
  // IA5String only (RFC 5280): internationalised names must be in A-label / punycode form.
  if (!value || !IA5.test(value)) throw new PkiError('bad-input', `bad ${what} "${value}": ascii only`);
  return new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: tag }, valueHex: new TextEncoder().encode(value) });
}

export function hasAnySan(san: SubjectAlternativeNames | undefined): boolean {
  return !!san && Object.values(san).some((list) => Array.isArray(list) && list.length > 0);
}

/** The extnValue (DER GeneralNames) of a subjectAltName extension. */
export function encodeSubjectAltNames(san: SubjectAlternativeNames): Bytes {
  const names: asn1js.AsnType[] = [];
  for (const dns of san.dnsNames ?? []) names.push(ia5Tagged(2, dns, 'dns name'));
  for (const email of san.emails ?? []) {
    if (!/^[^@\s]+@[^@\s]+$/.test(email)) throw new PkiError('bad-input', `bad email "${email}"`);
    names.push(ia5Tagged(1, email, 'email'));
  }
  for (const upn of san.userPrincipalNames ?? []) {
    if (!upn) throw new PkiError('bad-input', 'empty user principal name');
    names.push(
      new asn1js.Constructed({
        idBlock: { tagClass: 3, tagNumber: 0 },
        value: [
          new asn1js.ObjectIdentifier({ value: OID_UPN }),
          new asn1js.Constructed({
            idBlock: { tagClass: 3, tagNumber: 0 },
            value: [new asn1js.Utf8String({ value: upn })],
          }),
        ],
      }),
    );
  }
  for (const ip of san.ipAddresses ?? []) {
    names.push(new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: 7 }, valueHex: parseIpAddress(ip) }));
  }
  for (const uri of san.uniformResourceIdentifiers ?? []) {
    if (!/^[A-Za-z][A-Za-z0-9+.-]*:\S+$/.test(uri)) throw new PkiError('bad-input', `bad uri "${uri}"`);
    names.push(ia5Tagged(6, uri, 'uri'));
  }
  return toBytes(new Uint8Array(new asn1js.Sequence({ value: names }).toBER(false)));
}

const text = (node: asn1js.AsnType): string =>
  new TextDecoder().decode(new Uint8Array((node as asn1js.Primitive).valueBlock.valueHexView));

/** The SAN fields we model; other GeneralName kinds (dirName, x400, EDI, registeredID) are skipped. */
export function decodeSubjectAltNames(extnValue: Uint8Array): SubjectAlternativeNames {
  const parsed = fromBer(extnValue);
  if (parsed.offset === -1 || !(parsed.result instanceof asn1js.Sequence))
    throw new PkiError('malformed', 'bad subject alternative name');
  const out: Required<SubjectAlternativeNames> = {
    dnsNames: [],
    emails: [],
    userPrincipalNames: [],
    ipAddresses: [],
    uniformResourceIdentifiers: [],
  };
  for (const name of parsed.result.valueBlock.value) {
    if (name.idBlock.tagClass !== 3) continue;
    switch (name.idBlock.tagNumber) {
      case 1:
        out.emails.push(text(name));
        break;
      case 2:
        out.dnsNames.push(text(name));
        break;
      case 6:
        out.uniformResourceIdentifiers.push(text(name));
        break;
      case 7:
        if (name.idBlock.isConstructed) break;
        out.ipAddresses.push(formatIpAddress(new Uint8Array((name as asn1js.Primitive).valueBlock.valueHexView)));
        break;
      case 0: {
        const upn = upnOf(name);
        if (upn !== undefined) out.userPrincipalNames.push(upn);
        break;
      }
    }
  }
  const result: SubjectAlternativeNames = {};
  for (const [k, v] of Object.entries(out) as [keyof SubjectAlternativeNames, string[]][]) if (v.length) result[k] = v;
  return result;
}

function upnOf(name: asn1js.AsnType): string | undefined {
  if (!(name instanceof asn1js.Constructed)) return undefined;
  const [oid, wrapped] = name.valueBlock.value;
  if (!(oid instanceof asn1js.ObjectIdentifier) || oid.valueBlock.toString() !== OID_UPN) return undefined;
  const inner = wrapped instanceof asn1js.Constructed ? wrapped.valueBlock.value[0] : undefined;
  if (inner instanceof asn1js.Utf8String) return inner.valueBlock.value;
  if (inner instanceof asn1js.OctetString) return new TextDecoder().decode(octets(inner));
  return inner ? text(inner) : undefined;
}
