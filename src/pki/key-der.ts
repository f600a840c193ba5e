/**
 * Private key containers as DER: PKCS#8 PrivateKeyInfo (RFC 5208/5958), PKCS#1 RSAPrivateKey
 * (RFC 8017 App. A.1.2) and SEC1 ECPrivateKey (RFC 5915). WebCrypto imports only PKCS#8, so the
 * other two are wrapped into it here.
 */
import * as asn1js from 'asn1js';
import { fromBer } from './ber';
import { toBytes } from './bytes';
import { PkiError } from './pki-error';
import type { Bytes, EcCurve } from './types';

export const OID_RSA = '1.2.840.113549.1.1.1';
export const OID_RSA_PSS = '1.2.840.113549.1.1.10';
export const OID_EC = '1.2.840.10045.2.1';
export const OID_DSA = '1.2.840.10040.4.1';
export const CURVE_OIDS: Record<string, EcCurve> = {
  '1.2.840.10045.3.1.7': 'P-256',
  '1.3.132.0.34': 'P-384',
  '1.3.132.0.35': 'P-521',
};
export const CURVE_OID_OF: Record<EcCurve, string> = {
  'P-256': '1.2.840.10045.3.1.7',
  'P-384': '1.3.132.0.34',
  'P-521': '1.3.132.0.35',
};

/** Names for OIDs we refuse, so the error says what the key is. */
const KNOWN_ALGORITHMS: Record<string, string> = {
  [OID_RSA_PSS]: 'rsassa-pss',
  [OID_DSA]: 'dsa',
  '1.3.101.110': 'x25519',
  '1.3.101.111': 'x448',
  '1.3.101.112': 'ed25519',
  '1.3.101.113': 'ed448',
  '1.2.643.2.2.19': 'gost r 34.10-2001',
  '1.2.840.10046.2.1': 'dh',
};

export function algorithmLabel(oid: string): string {
  return KNOWN_ALGORITHMS[oid] ? `${KNOWN_ALGORITHMS[oid]} (${oid})` : oid;
}

export function parseDer(der: Uint8Array, what: string): asn1js.AsnType {
  const parsed = fromBer(der);
  if (parsed.offset === -1) throw new PkiError('malformed', `bad der in ${what}`);
  return parsed.result;
}

function seqItems(node: asn1js.AsnType | undefined, what: string): asn1js.AsnType[] {
  if (!(node instanceof asn1js.Sequence)) throw new PkiError('malformed', `${what} is not a sequence`);
  return node.valueBlock.value;
}

export interface AlgorithmInfo {
  oid: string;
  /** the namedCurve OID for EC, when the parameters are a named curve */
  curveOid?: string;
  /** EC parameters that are not a named curve (explicit curve), or absent */
  explicitCurve?: boolean;
}

/** AlgorithmIdentifier → OID and, for EC, its curve. */
export function readAlgorithm(node: asn1js.AsnType | undefined, what: string): AlgorithmInfo {
  const [oid, params] = seqItems(node, what);
  if (!(oid instanceof asn1js.ObjectIdentifier)) throw new PkiError('malformed', `${what} has no algorithm oid`);
  const info: AlgorithmInfo = { oid: oid.valueBlock.toString() };
  if (info.oid === OID_EC) {
    if (params instanceof asn1js.ObjectIdentifier) info.curveOid = params.valueBlock.toString();
    else info.explicitCurve = true;
  }
  return info;
}

/** The algorithm of a PKCS#8 PrivateKeyInfo. */
export function pkcs8Algorithm(der: Uint8Array): AlgorithmInfo {
  const items = seqItems(parseDer(der, 'private key'), 'private key');
  if (!(items[0] instanceof asn1js.Integer) || !(items[2] instanceof asn1js.OctetString)) {
    throw new PkiError('malformed', 'not a pkcs#8 private key');
  }
  return readAlgorithm(items[1], 'private key algorithm');
}

/** The algorithm of a SubjectPublicKeyInfo. */
export function spkiAlgorithm(der: Uint8Array): AlgorithmInfo {
  const items = seqItems(parseDer(der, 'public key'), 'public key');
  return readAlgorithm(items[0], 'public key algorithm');
}

function privateKeyInfo(algorithm: asn1js.Sequence, inner: Uint8Array): Bytes {
  const pki = new asn1js.Sequence({
    value: [new asn1js.Integer({ value: 0 }), algorithm, new asn1js.OctetString({ valueHex: toBytes(inner) })],
  });
  return toBytes(new Uint8Array(pki.toBER(false)));
}

/** PKCS#1 RSAPrivateKey → PKCS#8 (rsaEncryption with NULL parameters, RFC 8017 App. C). */
export function wrapPkcs1(pkcs1: Uint8Array): Bytes {
  const items = seqItems(parseDer(pkcs1, 'rsa private key'), 'rsa private key');
  if (items.length < 9 || !items.every((i) => i instanceof asn1js.Integer))
    throw new PkiError('malformed', 'not a pkcs#1 rsa private key');
  const alg = new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: OID_RSA }), new asn1js.Null()] });
  return privateKeyInfo(alg, pkcs1);
}

/** SEC1 ECPrivateKey → PKCS#8; the curve from its [0] parameters, else from `curve`. */
export function wrapSec1(sec1: Uint8Array, curve?: EcCurve): Bytes {
  const items = seqItems(parseDer(sec1, 'ec private key'), 'ec private key');
  if (!(items[0] instanceof asn1js.Integer) || !(items[1] instanceof asn1js.OctetString)) {
    throw new PkiError('malformed', 'not a sec1 ec private key');
  }
  let curveOid = curve ? CURVE_OID_OF[curve] : undefined;
  const params = items.find((i) => i.idBlock.tagClass === 3 && i.idBlock.tagNumber === 0) as
    asn1js.Constructed | undefined;
  if (params) {
    const inner = params.valueBlock.value[0];
    if (!(inner instanceof asn1js.ObjectIdentifier))
      throw new PkiError('unsupported', 'explicit ec curve parameters are not supported');
    curveOid = inner.valueBlock.toString();
  }
  if (!curveOid) throw new PkiError('bad-input', 'sec1 key names no curve; pass one');
  if (!CURVE_OIDS[curveOid]) throw new PkiError('unsupported', `unsupported ec curve ${curveOid}`);
  const alg = new asn1js.Sequence({
    value: [new asn1js.ObjectIdentifier({ value: OID_EC }), new asn1js.ObjectIdentifier({ value: curveOid })],
  });
  return privateKeyInfo(alg, sec1);
}
