/**
 * parseCertificate: everything the vault and the UI show about a certificate. Real-world
 * certificates break rules (pyca's corpus), so each extension is decoded on its own and a
 * bad one is skipped, not fatal; only a broken outer structure is PkiError('malformed').
 */
import * as asn1js from 'asn1js';
import { signatureAlgorithmName } from './algorithm-names';
import { digestHex, equalBytes, toBytes, toHex } from './bytes';
import { type RawExtension, readCertificateDer } from './certificate-der';
import { decodeSubjectAltNames } from './general-names';
import { PkiError, isPkiError } from './pki-error';
import { describePublicKey } from './public-key-info';
import { readTime } from './asn1-time';
import type { KeyUsage, SubjectAlternativeNames } from './types';
import { formatX500Name } from './x500-name';
import { decodeX500Name } from './x500-name-der';
import type { CertificateInfo } from './x509';

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
  const parsed = asn1js.fromBER(ext.value);
  if (parsed.offset === -1) throw new PkiError('malformed', `bad extension ${ext.oid}`);
  return parsed.result;
}

function keyUsageOf(ext: RawExtension): KeyUsage[] {
  const node = parseValue(ext);
  if (!(node instanceof asn1js.BitString)) return [];
  const bytes = new Uint8Array(node.valueBlock.valueHexView);
  return KEY_USAGE_BITS.filter((_, bit) => ((bytes[bit >> 3] ?? 0) & (0x80 >> (bit & 7))) !== 0);
}

function ekuOf(ext: RawExtension): string[] {
  const node = parseValue(ext);
  if (!(node instanceof asn1js.Sequence)) return [];
  return node.valueBlock.value.filter((n) => n instanceof asn1js.ObjectIdentifier).map((n) => (n as asn1js.ObjectIdentifier).valueBlock.toString());
}

function basicConstraintsOf(ext: RawExtension): { ca: boolean; pathLength?: number } {
  const node = parseValue(ext);
  const items = node instanceof asn1js.Sequence ? node.valueBlock.value : [];
  const ca = items.find((n) => n instanceof asn1js.Boolean) as asn1js.Boolean | undefined;
  const len = items.find((n) => n instanceof asn1js.Integer) as asn1js.Integer | undefined;
  const out: { ca: boolean; pathLength?: number } = { ca: ca?.valueBlock.value ?? false };
  if (len) out.pathLength = len.valueBlock.valueDec;
  return out;
}

function skiOf(ext: RawExtension): string | undefined {
  const node = parseValue(ext);
  return node instanceof asn1js.OctetString ? toHex(new Uint8Array(node.valueBlock.valueHexView)) : undefined;
}

function akiOf(ext: RawExtension): string | undefined {
  const node = parseValue(ext);
  const items = node instanceof asn1js.Sequence ? node.valueBlock.value : [];
  // RFC 5280 §4.2.1.1: keyIdentifier is [0] IMPLICIT OCTET STRING.
  const keyId = items.find((n) => n.idBlock.tagClass === 3 && n.idBlock.tagNumber === 0) as asn1js.Primitive | undefined;
  return keyId ? toHex(new Uint8Array(keyId.valueBlock.valueHexView)) : undefined;
}

/**
 * Serial as openssl prints it: the magnitude's hex without the sign-padding 00 byte, and a
 * '-' for the negative serials RFC 5280 §4.1.2.2 forbids but the wild has (pyca negative_serial).
 */
function serialHex(serial: Uint8Array): string {
  if (serial.length > 0 && serial[0] & 0x80) {
    const value = BigInt(`0x${toHex(serial)}`) - (1n << BigInt(serial.length * 8));
    let hex = (-value).toString(16).toUpperCase();
    if (hex.length % 2) hex = `0${hex}`;
    return `-${hex}`;
  }
  const trimmed = serial.length > 1 && serial[0] === 0 ? serial.subarray(1) : serial;
  return toHex(trimmed);
}

/** Never throws anything but PkiError. */
export async function parseCertificate(der: Uint8Array): Promise<CertificateInfo> {
  try {
    return await parse(toBytes(der));
  } catch (e) {
    if (isPkiError(e)) throw e;
    throw new PkiError('malformed', 'bad certificate', { cause: e });
  }
}

async function parse(der: Uint8Array<ArrayBuffer>): Promise<CertificateInfo> {
  const c = readCertificateDer(der);
  let subjectAlternativeNames: SubjectAlternativeNames = {};
  let keyUsage: KeyUsage[] = [];
  let enhancedKeyUsage: string[] = [];
  let basicConstraints: CertificateInfo['basicConstraints'];
  let subjectKeyIdentifier: string | undefined;
  let authorityKeyIdentifier: string | undefined;
  for (const ext of c.extensions) {
    try {
      if (ext.oid === '2.5.29.17') subjectAlternativeNames = decodeSubjectAltNames(ext.value);
      else if (ext.oid === '2.5.29.15') keyUsage = keyUsageOf(ext);
      else if (ext.oid === '2.5.29.37') enhancedKeyUsage = ekuOf(ext);
      else if (ext.oid === '2.5.29.19') basicConstraints ??= basicConstraintsOf(ext);
      else if (ext.oid === '2.5.29.14') subjectKeyIdentifier = skiOf(ext);
      else if (ext.oid === '2.5.29.35') authorityKeyIdentifier = akiOf(ext);
    } catch {
      // Malformed on purpose in the wild (pyca malformed-san, wosign-bc-invalid): skip it.
    }
  }
  const { keySpec, keyDescription } = describePublicKey(c.spkiNode);
  const sameName = equalBytes(c.subjectDer, c.issuerDer);
  const info: CertificateInfo = {
    der,
    subject: formatX500Name(decodeX500Name(c.subject)),
    issuer: formatX500Name(decodeX500Name(c.issuer)),
    serialNumber: serialHex(c.serial),
    notBefore: readTime(c.notBefore),
    notAfter: readTime(c.notAfter),
    subjectAlternativeNames,
    keyUsage,
    enhancedKeyUsage,
    keyDescription,
    signatureAlgorithm: signatureAlgorithmName(c.tbsSignatureAlgorithmOid),
    sha1Thumbprint: await digestHex('SHA-1', der),
    sha256Fingerprint: await digestHex('SHA-256', der),
    selfSigned: sameName && (!authorityKeyIdentifier || !subjectKeyIdentifier || authorityKeyIdentifier === subjectKeyIdentifier),
    spki: c.spki,
  };
  if (basicConstraints) info.basicConstraints = basicConstraints;
  if (keySpec) info.keySpec = keySpec;
  if (subjectKeyIdentifier) info.subjectKeyIdentifier = subjectKeyIdentifier;
  if (authorityKeyIdentifier) info.authorityKeyIdentifier = authorityKeyIdentifier;
  return info;
}
