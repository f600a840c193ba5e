/**
 * Private key containers as DER: PKCS#8 PrivateKeyInfo (RFC 5208/5958), PKCS#1 RSAPrivateKey
 * (RFC 8017 App. A.1.2) and SEC1 ECPrivateKey (RFC 5915). WebCrypto imports only PKCS#8, so the
 * other two are wrapped into it here.
 */
import * as asn1js from 'asn1js';
import { CURVE, KEY_ALGORITHM } from './asn1/oids';
import { children, isContextTag, nodesOf, readDer, type Node } from './asn1/reader';
import { objectIdentifier, octetString, toDer } from './asn1/writer';
import { PkiError } from './pki-error';
import type { Bytes, EcCurve } from './types';

/** The curves WebCrypto does, by OID. */
const WEBCRYPTO_CURVES = new Map<string, EcCurve>([
  [CURVE['P-256'], 'P-256'],
  [CURVE['P-384'], 'P-384'],
  [CURVE['P-521'], 'P-521'],
]);

/** The WebCrypto curve a namedCurve OID names; undefined for curves WebCrypto does not do. */
export function webCryptoCurve(oid: string): EcCurve | undefined {
  return WEBCRYPTO_CURVES.get(oid);
}

/** Names for OIDs we refuse, so the error says what the key is. */
const KNOWN_ALGORITHMS = new Map<string, string>([
  [KEY_ALGORITHM.rsassaPss, 'rsassa-pss'],
  [KEY_ALGORITHM.dsa, 'dsa'],
  [KEY_ALGORITHM.x25519, 'x25519'],
  [KEY_ALGORITHM.x448, 'x448'],
  [KEY_ALGORITHM.ed25519, 'ed25519'],
  [KEY_ALGORITHM.ed448, 'ed448'],
  [KEY_ALGORITHM.gost2001, 'gost r 34.10-2001'],
  [KEY_ALGORITHM.dh, 'dh'],
]);

/** "name (oid)" for a key algorithm we know by name, else the OID. */
export function algorithmLabel(oid: string): string {
  const name = KNOWN_ALGORITHMS.get(oid);
  return name ? `${name} (${oid})` : oid;
}

export interface AlgorithmInfo {
  oid: string;
  /** the namedCurve OID for EC, when the parameters are a named curve */
  curveOid?: string;
  /** EC parameters that are not a named curve (explicit curve), or absent */
  explicitCurve?: boolean;
}

/** AlgorithmIdentifier → OID and, for EC, its curve. */
function readAlgorithm(node: Node | undefined, what: string): AlgorithmInfo {
  const items = children(node, what);
  const id = items.at(0);
  const params = items.at(1);
  if (!(id instanceof asn1js.ObjectIdentifier)) throw new PkiError('malformed', `${what} has no algorithm oid`);
  const info: AlgorithmInfo = { oid: id.valueBlock.toString() };
  if (info.oid === KEY_ALGORITHM.ecPublicKey) {
    if (params instanceof asn1js.ObjectIdentifier) info.curveOid = params.valueBlock.toString();
    else info.explicitCurve = true;
  }
  return info;
}

/** The algorithm of a PKCS#8 PrivateKeyInfo. */
export function pkcs8Algorithm(der: Uint8Array): AlgorithmInfo {
  const items = children(readDer(der, 'private key'), 'private key');
  if (!(items.at(0) instanceof asn1js.Integer) || !(items.at(2) instanceof asn1js.OctetString)) {
    throw new PkiError('malformed', 'not a pkcs#8 private key');
  }
  return readAlgorithm(items[1], 'private key algorithm');
}

function privateKeyInfo(algorithm: asn1js.Sequence, inner: Uint8Array): Bytes {
  return toDer(new asn1js.Sequence({ value: [new asn1js.Integer({ value: 0 }), algorithm, octetString(inner)] }));
}

/** PKCS#1 RSAPrivateKey → PKCS#8 (rsaEncryption with NULL parameters, RFC 8017 App. C). */
export function wrapPkcs1(pkcs1: Uint8Array): Bytes {
  const items = children(readDer(pkcs1, 'rsa private key'), 'rsa private key');
  if (items.length < 9 || !items.every((i) => i instanceof asn1js.Integer))
    throw new PkiError('malformed', 'not a pkcs#1 rsa private key');
  const alg = new asn1js.Sequence({ value: [objectIdentifier(KEY_ALGORITHM.rsaEncryption), new asn1js.Null()] });
  return privateKeyInfo(alg, pkcs1);
}

/** SEC1 ECPrivateKey → PKCS#8; the curve from its [0] parameters, else from `curve`. */
export function wrapSec1(sec1: Uint8Array, curve?: EcCurve): Bytes {
  const items = children(readDer(sec1, 'ec private key'), 'ec private key');
  if (!(items.at(0) instanceof asn1js.Integer) || !(items.at(1) instanceof asn1js.OctetString)) {
    throw new PkiError('malformed', 'not a sec1 ec private key');
  }
  let curveOid: string | undefined = curve ? CURVE[curve] : undefined;
  const params = items.find((i) => isContextTag(i, 0));
  if (params) {
    const inner = nodesOf(params).at(0);
    if (!(inner instanceof asn1js.ObjectIdentifier))
      throw new PkiError('unsupported', 'explicit ec curve parameters are not supported');
    curveOid = inner.valueBlock.toString();
  }
  if (!curveOid) throw new PkiError('bad-input', 'sec1 key names no curve; pass one');
  if (!webCryptoCurve(curveOid)) throw new PkiError('unsupported', `unsupported ec curve ${curveOid}`);
  const alg = new asn1js.Sequence({
    value: [objectIdentifier(KEY_ALGORITHM.ecPublicKey), objectIdentifier(curveOid)],
  });
  return privateKeyInfo(alg, sec1);
}
