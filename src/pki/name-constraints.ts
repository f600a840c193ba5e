/**
 * The NameConstraints extension (RFC 5280 §4.2.1.10) for the three name forms a private CA
 * constrains in practice: DNS names, IP ranges and email addresses. Other GeneralName forms
 * (directoryName, URI, otherName) are neither written nor modelled; a decoded extension that
 * holds them keeps them in `otherForms` so a caller can say the constraint is not fully shown.
 *
 * Forms (as openssl and RFC 5280 read them):
 * - DNS `contoso.com`: the name itself and every name under it; `.contoso.com`: only names under it.
 * - email `pki@contoso.com`: that mailbox; `contoso.com`: any mailbox at that host;
 *   `.contoso.com`: any mailbox at a host under it.
 * - IP: CIDR text ("10.0.0.0/8", "fd00::/8"), written as address + mask octets.
 */
import * as asn1js from 'asn1js';
import { contentOf, decodeBer, isContextTag, nodesOf, type Node } from './asn1/reader';
import { isIa5 } from './asn1/strings';
import { implicitPrimitive, toDer } from './asn1/writer';
import { concatBytes } from './bytes';
import { formatCidr, parseCidr } from './ip-address';
import { PkiError } from './pki-error';
import type { Bytes } from './types';

/** One side of the constraint: names the subtree holds. */
export interface NameSet {
  dnsNames?: string[];
  /** CIDR, e.g. "10.0.0.0/8" */
  ipAddresses?: string[];
  emails?: string[];
}

export interface NameConstraints {
  permitted?: NameSet;
  excluded?: NameSet;
}

/** What a decoded extension holds; `otherForms` counts subtrees of forms NameSet does not model. */
export interface DecodedNameConstraints extends NameConstraints {
  otherForms?: number;
}

const DNS_TAG = 2;
const EMAIL_TAG = 1;
const IP_TAG = 7;

/** True when the set names at least one name. */
export function hasAnyName(set: NameSet | undefined): set is NameSet {
  return !!set && [set.dnsNames, set.ipAddresses, set.emails].some((l) => Array.isArray(l) && l.length > 0);
}

function ia5(tag: number, value: string, what: string): asn1js.Primitive {
  if (!value || !isIa5(value) || /\s/.test(value)) throw new PkiError('bad-input', `bad ${what} constraint "${value}"`);
  return implicitPrimitive(tag, new TextEncoder().encode(value));
}

/** GeneralSubtree ::= SEQUENCE { base GeneralName, minimum [0] DEFAULT 0, maximum [1] OPTIONAL } (both left out, §4.2.1.10). */
function subtrees(tag: number, set: NameSet): asn1js.Constructed {
  const bases: asn1js.AsnType[] = [];
  for (const dns of set.dnsNames ?? []) bases.push(ia5(DNS_TAG, dns.toLowerCase(), 'dns'));
  for (const email of set.emails ?? []) bases.push(ia5(EMAIL_TAG, email, 'email'));
  for (const range of set.ipAddresses ?? []) {
    const { address, mask } = parseCidr(range);
    bases.push(implicitPrimitive(IP_TAG, concatBytes(address, mask)));
  }
  // [n] IMPLICIT GeneralSubtrees: the SEQUENCE OF retagged.
  return new asn1js.Constructed({
    idBlock: { tagClass: 3, tagNumber: tag },
    value: bases.map((base) => new asn1js.Sequence({ value: [base] })),
  });
}

/** The extnValue of a nameConstraints extension; PkiError('bad-input') when neither side names anything. */
export function encodeNameConstraints(constraints: NameConstraints): Bytes {
  const parts: asn1js.AsnType[] = [];
  if (hasAnyName(constraints.permitted)) parts.push(subtrees(0, constraints.permitted));
  if (hasAnyName(constraints.excluded)) parts.push(subtrees(1, constraints.excluded));
  // RFC 5280: "Conforming CAs MUST NOT issue certificates where name constraints is an empty sequence."
  if (parts.length === 0) throw new PkiError('bad-input', 'name constraints name nothing');
  return toDer(new asn1js.Sequence({ value: parts }));
}

function readSubtrees(node: Node, out: NameSet): number {
  let other = 0;
  for (const subtree of nodesOf(node)) {
    const base = nodesOf(subtree).at(0);
    const raw = base && !base.idBlock.isConstructed ? contentOf(base) : undefined;
    if (!base || base.idBlock.tagClass !== 3 || !raw) {
      other++;
      continue;
    }
    const text = new TextDecoder().decode(raw);
    if (base.idBlock.tagNumber === DNS_TAG) (out.dnsNames ??= []).push(text);
    else if (base.idBlock.tagNumber === EMAIL_TAG) (out.emails ??= []).push(text);
    else if (base.idBlock.tagNumber === IP_TAG) {
      const cidr = formatCidr(raw);
      if (cidr) (out.ipAddresses ??= []).push(cidr);
      else other++;
    } else other++;
  }
  return other;
}

/** A nameConstraints extnValue read back; PkiError('malformed') when it is not one. */
export function decodeNameConstraints(extnValue: Uint8Array): DecodedNameConstraints {
  const decoded = decodeBer(extnValue);
  if (!decoded || !(decoded.node instanceof asn1js.Sequence)) throw new PkiError('malformed', 'bad name constraints');
  const out: DecodedNameConstraints = {};
  let other = 0;
  for (const part of nodesOf(decoded.node)) {
    const side: NameSet = {};
    if (isContextTag(part, 0)) {
      other += readSubtrees(part, side);
      out.permitted = side;
    } else if (isContextTag(part, 1)) {
      other += readSubtrees(part, side);
      out.excluded = side;
    }
  }
  if (other > 0) out.otherForms = other;
  return out;
}
