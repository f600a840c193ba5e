/**
 * Decoders for the extension values we show (RFC 5280 §4.2), shared by certificates and CSRs.
 * Each throws on a bad value; callers skip that one extension and keep the rest.
 */
import * as asn1js from 'asn1js';
import { EXTENSION } from './asn1/oids';
import { contentOf, decodeBer, isContextTag, type Node } from './asn1/reader';
import { toHex } from './bytes';
import type { RawExtension } from './certificate-der';
import { decodeSubjectAltNames } from './general-names';
import { PkiError } from './pki-error';
import type { KeyUsage, SubjectAlternativeNames } from './types';

const KEY_USAGE_BITS: KeyUsage[] = [
  'digitalSignature',
  'nonRepudiation',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
  'encipherOnly',
  'decipherOnly',
];

function parseValue(ext: RawExtension): Node {
  const decoded = decodeBer(ext.value);
  if (!decoded) throw new PkiError('malformed', `bad extension ${ext.oid}`);
  return decoded.node;
}

function keyUsageOf(ext: RawExtension): KeyUsage[] {
  const node = parseValue(ext);
  if (!(node instanceof asn1js.BitString)) return [];
  const bytes = node.valueBlock.valueHexView;
  return KEY_USAGE_BITS.filter((_, bit) => bit >> 3 < bytes.length && (bytes[bit >> 3] & (0x80 >> (bit & 7))) !== 0);
}

function ekuOf(ext: RawExtension): string[] {
  const node = parseValue(ext);
  if (!(node instanceof asn1js.Sequence)) return [];
  return node.valueBlock.value.filter((n) => n instanceof asn1js.ObjectIdentifier).map((n) => n.valueBlock.toString());
}

function basicConstraintsOf(ext: RawExtension): { ca: boolean; pathLength?: number } {
  const node = parseValue(ext);
  const items = node instanceof asn1js.Sequence ? node.valueBlock.value : [];
  const ca = items.find((n) => n instanceof asn1js.Boolean);
  const len = items.find((n) => n instanceof asn1js.Integer);
  const out: { ca: boolean; pathLength?: number } = { ca: ca?.valueBlock.value ?? false };
  if (len) out.pathLength = len.valueBlock.valueDec;
  return out;
}

/** The keyIdentifier of a subjectKeyIdentifier extension, uppercase hex. */
export function skiOf(ext: RawExtension): string | undefined {
  const node = parseValue(ext);
  return node instanceof asn1js.OctetString ? toHex(node.valueBlock.valueHexView) : undefined;
}

/** The keyIdentifier of an authorityKeyIdentifier extension, uppercase hex. */
export function akiOf(ext: RawExtension): string | undefined {
  const node = parseValue(ext);
  const items = node instanceof asn1js.Sequence ? node.valueBlock.value : [];
  // RFC 5280 §4.2.1.1: keyIdentifier is [0] IMPLICIT OCTET STRING.
  const keyId = items.find((n) => isContextTag(n, 0));
  const bytes = keyId && contentOf(keyId);
  return bytes && toHex(bytes);
}

export interface DecodedExtensions {
  subjectAlternativeNames: SubjectAlternativeNames;
  keyUsage: KeyUsage[];
  enhancedKeyUsage: string[];
  basicConstraints?: { ca: boolean; pathLength?: number };
  subjectKeyIdentifier?: string;
  authorityKeyIdentifier?: string;
}

/** The extensions we model; a malformed one is skipped (pyca malformed-san, wosign-bc-invalid). */
export function decodeExtensions(extensions: RawExtension[]): DecodedExtensions {
  const out: DecodedExtensions = { subjectAlternativeNames: {}, keyUsage: [], enhancedKeyUsage: [] };
  for (const ext of extensions) {
    try {
      if (ext.oid === EXTENSION.subjectAltName) out.subjectAlternativeNames = decodeSubjectAltNames(ext.value);
      else if (ext.oid === EXTENSION.keyUsage) out.keyUsage = keyUsageOf(ext);
      else if (ext.oid === EXTENSION.extKeyUsage) out.enhancedKeyUsage = ekuOf(ext);
      else if (ext.oid === EXTENSION.basicConstraints) out.basicConstraints ??= basicConstraintsOf(ext);
      else if (ext.oid === EXTENSION.subjectKeyIdentifier) out.subjectKeyIdentifier = skiOf(ext);
      else if (ext.oid === EXTENSION.authorityKeyIdentifier) out.authorityKeyIdentifier = akiOf(ext);
    } catch {
      // Malformed on purpose in the wild: skip this one extension.
    }
  }
  return out;
}
