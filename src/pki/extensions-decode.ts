/**
 * Decoders for the extension values we show (RFC 5280 §4.2), shared by certificates and CSRs.
 * Each throws on a bad value; callers skip that one extension and keep the rest.
 */
import * as asn1js from 'asn1js';
import { fromBer } from './ber';
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

function parseValue(ext: RawExtension): asn1js.AsnType {
  const parsed = fromBer(ext.value);
  if (parsed.offset === -1) throw new PkiError('malformed', `bad extension ${ext.oid}`);
  return parsed.result;
}

export function keyUsageOf(ext: RawExtension): KeyUsage[] {
  const node = parseValue(ext);
  if (!(node instanceof asn1js.BitString)) return [];
  const bytes = new Uint8Array(node.valueBlock.valueHexView);
  return KEY_USAGE_BITS.filter((_, bit) => ((bytes[bit >> 3] ?? 0) & (0x80 >> (bit & 7))) !== 0);
}

export function ekuOf(ext: RawExtension): string[] {
  const node = parseValue(ext);
  if (!(node instanceof asn1js.Sequence)) return [];
  return node.valueBlock.value
    .filter((n) => n instanceof asn1js.ObjectIdentifier)
    .map((n) => (n as asn1js.ObjectIdentifier).valueBlock.toString());
}

export function basicConstraintsOf(ext: RawExtension): { ca: boolean; pathLength?: number } {
  const node = parseValue(ext);
  const items = node instanceof asn1js.Sequence ? node.valueBlock.value : [];
  const ca = items.find((n) => n instanceof asn1js.Boolean) as asn1js.Boolean | undefined;
  const len = items.find((n) => n instanceof asn1js.Integer) as asn1js.Integer | undefined;
  const out: { ca: boolean; pathLength?: number } = { ca: ca?.valueBlock.value ?? false };
  if (len) out.pathLength = len.valueBlock.valueDec;
  return out;
}

export function skiOf(ext: RawExtension): string | undefined {
  const node = parseValue(ext);
  return node instanceof asn1js.OctetString ? toHex(new Uint8Array(node.valueBlock.valueHexView)) : undefined;
}

export function akiOf(ext: RawExtension): string | undefined {
  const node = parseValue(ext);
  const items = node instanceof asn1js.Sequence ? node.valueBlock.value : [];
  // RFC 5280 §4.2.1.1: keyIdentifier is [0] IMPLICIT OCTET STRING.
  const keyId = items.find((n) => n.idBlock.tagClass === 3 && n.idBlock.tagNumber === 0) as
    asn1js.Primitive | undefined;
  return keyId ? toHex(new Uint8Array(keyId.valueBlock.valueHexView)) : undefined;
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
      if (ext.oid === '2.5.29.17') out.subjectAlternativeNames = decodeSubjectAltNames(ext.value);
      else if (ext.oid === '2.5.29.15') out.keyUsage = keyUsageOf(ext);
      else if (ext.oid === '2.5.29.37') out.enhancedKeyUsage = ekuOf(ext);
      else if (ext.oid === '2.5.29.19') out.basicConstraints ??= basicConstraintsOf(ext);
      else if (ext.oid === '2.5.29.14') out.subjectKeyIdentifier = skiOf(ext);
      else if (ext.oid === '2.5.29.35') out.authorityKeyIdentifier = akiOf(ext);
    } catch {
      // Malformed on purpose in the wild: skip this one extension.
    }
  }
  return out;
}
