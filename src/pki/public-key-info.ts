/**
 * What a SubjectPublicKeyInfo holds, for display ("RSA 2048", "EC P-256", "Ed25519") and for
 * a KeySpec when WebCrypto can use it (rsaEncryption, ECDSA on P-256/384/521 only).
 */
import * as asn1js from 'asn1js';
import { curveName } from './algorithm-names';
import { GOST_ARC, KEY_ALGORITHM } from './asn1/oids';
import { leadingElements } from './asn1/reader';
import { webCryptoCurve } from './key-der';
import type { KeySpec } from './types';

export interface PublicKeyDescription {
  keySpec?: KeySpec;
  keyDescription: string;
}

/** Display names of the key types we only describe. */
const NAMES = new Map<string, string>([
  [KEY_ALGORITHM.x25519, 'X25519'],
  [KEY_ALGORITHM.x448, 'X448'],
  [KEY_ALGORITHM.ed25519, 'Ed25519'],
  [KEY_ALGORITHM.ed448, 'Ed448'],
]);

function bitLength(int: asn1js.Integer): number {
  const bytes = int.valueBlock.valueHexView;
  let i = 0;
  while (i < bytes.length && bytes[i] === 0) i++;
  if (i === bytes.length) return 0;
  return (bytes.length - i - 1) * 8 + (32 - Math.clz32(bytes[i]));
}

function rsaModulusBits(spki: asn1js.Sequence): number | undefined {
  const bits = spki.valueBlock.value.at(1);
  if (!(bits instanceof asn1js.BitString)) return undefined;
  // RSAPublicKey ::= SEQUENCE { modulus, publicExponent }: the modulus is all the size needs.
  const n = leadingElements(bits.valueBlock.valueHexView).at(0);
  return n instanceof asn1js.Integer ? bitLength(n) : undefined;
}

/** Display text and, when WebCrypto can use the key, its KeySpec. */
export function describePublicKey(spki: asn1js.Sequence): PublicKeyDescription {
  const alg = spki.valueBlock.value.at(0);
  const oidNode = alg instanceof asn1js.Sequence ? alg.valueBlock.value.at(0) : undefined;
  const params = alg instanceof asn1js.Sequence ? alg.valueBlock.value.at(1) : undefined;
  const oid = oidNode instanceof asn1js.ObjectIdentifier ? oidNode.valueBlock.toString() : '?';
  switch (oid) {
    case KEY_ALGORITHM.rsaEncryption: {
      const size = rsaModulusBits(spki);
      return size ? { keySpec: { kty: 'RSA', size }, keyDescription: `RSA ${size}` } : { keyDescription: 'RSA' };
    }
    case KEY_ALGORITHM.rsassaPss: {
      const size = rsaModulusBits(spki);
      return { keyDescription: size ? `RSA-PSS ${size}` : 'RSA-PSS' };
    }
    case KEY_ALGORITHM.ecPublicKey: {
      if (!(params instanceof asn1js.ObjectIdentifier)) return { keyDescription: 'EC (explicit curve)' };
      const curveOid = params.valueBlock.toString();
      const curve = webCryptoCurve(curveOid);
      return curve
        ? { keySpec: { kty: 'EC', curve }, keyDescription: `EC ${curve}` }
        : { keyDescription: `EC ${curveName(curveOid)}` };
    }
    case KEY_ALGORITHM.dsa: {
      const p = params instanceof asn1js.Sequence ? params.valueBlock.value.at(0) : undefined;
      return { keyDescription: p instanceof asn1js.Integer ? `DSA ${bitLength(p)}` : 'DSA' };
    }
    default:
      return { keyDescription: NAMES.get(oid) ?? (oid.startsWith(GOST_ARC) ? `GOST (${oid})` : oid) };
  }
}
