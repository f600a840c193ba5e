/**
 * SubjectAltName GeneralNames (RFC 5280 §4.2.1.6) to and from the SDK's
 * SubjectAlternativeNames. A UPN is Microsoft's otherName 1.3.6.1.4.1.311.20.2.3 holding a
 * UTF8String, as Windows and Key Vault write it.
 */
import * as asn1js from 'asn1js';
import { MICROSOFT } from './asn1/oids';
import { contentOf, decodeBer, nodesOf, octets, type Node } from './asn1/reader';
import { isIa5 } from './asn1/strings';
import { explicitTag, implicitPrimitive, objectIdentifier, toDer } from './asn1/writer';
import { formatIpAddress, parseIpAddress } from './ip-address';
import { PkiError } from './pki-error';
import type { Bytes, SubjectAlternativeNames } from './types';

function ia5Tagged(tag: number, value: string, what: string): asn1js.Primitive {
  // IA5String only (RFC 5280): internationalised names must be in A-label / punycode form.
  if (!value || !isIa5(value)) throw new PkiError('bad-input', `bad ${what} "${value}": ascii only`);
  return implicitPrimitive(tag, new TextEncoder().encode(value));
}

/** True when at least one SAN list has an entry. */
export function hasAnySan(san: SubjectAlternativeNames | undefined): san is SubjectAlternativeNames {
  return san !== undefined && Object.values(san).some((list) => Array.isArray(list) && list.length > 0);
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
    // otherName ::= [0] IMPLICIT SEQUENCE { type-id, value [0] EXPLICIT ANY }
    names.push(
      new asn1js.Constructed({
        idBlock: { tagClass: 3, tagNumber: 0 },
        value: [objectIdentifier(MICROSOFT.userPrincipalName), explicitTag(0, new asn1js.Utf8String({ value: upn }))],
      }),
    );
  }
  for (const ip of san.ipAddresses ?? []) names.push(implicitPrimitive(7, parseIpAddress(ip)));
  for (const uri of san.uniformResourceIdentifiers ?? []) {
    if (!/^[A-Za-z][A-Za-z0-9+.-]*:\S+$/.test(uri)) throw new PkiError('bad-input', `bad uri "${uri}"`);
    names.push(ia5Tagged(6, uri, 'uri'));
  }
  return toDer(new asn1js.Sequence({ value: names }));
}

const text = (node: Node): string => new TextDecoder().decode(contentOf(node));

/** The SAN fields we model; other GeneralName kinds (dirName, x400, EDI, registeredID) are skipped. */
export function decodeSubjectAltNames(extnValue: Uint8Array): SubjectAlternativeNames {
  const decoded = decodeBer(extnValue);
  if (!decoded || !(decoded.node instanceof asn1js.Sequence))
    throw new PkiError('malformed', 'bad subject alternative name');
  const out: Required<SubjectAlternativeNames> = {
    dnsNames: [],
    emails: [],
    userPrincipalNames: [],
    ipAddresses: [],
    uniformResourceIdentifiers: [],
  };
  for (const name of decoded.node.valueBlock.value) {
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
      case 7: {
        const address = name.idBlock.isConstructed ? undefined : contentOf(name);
        if (address) out.ipAddresses.push(formatIpAddress(address));
        break;
      }
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

function upnOf(name: Node): string | undefined {
  if (!(name instanceof asn1js.Constructed)) return undefined;
  const [id, wrapped] = name.valueBlock.value;
  if (!(id instanceof asn1js.ObjectIdentifier) || id.valueBlock.toString() !== MICROSOFT.userPrincipalName)
    return undefined;
  const inner = wrapped instanceof asn1js.Constructed ? nodesOf(wrapped).at(0) : undefined;
  if (inner instanceof asn1js.Utf8String) return inner.valueBlock.value;
  if (inner instanceof asn1js.OctetString) return new TextDecoder().decode(octets(inner, 'user principal name'));
  return inner ? text(inner) : undefined;
}
