/**
 * What a SubjectPublicKeyInfo holds, for display ("RSA 2048", "EC P-256", "Ed25519") and for
 * a KeySpec when WebCrypto can use it (rsaEncryption, ECDSA on P-256/384/521 only).
 */
import * as asn1js from 'asn1js';
import { fromBer } from './ber';
import { curveName } from './algorithm-names';
import { CURVE_OIDS, OID_DSA, OID_EC, OID_RSA, OID_RSA_PSS } from './key-der';
import type { KeySpec } from './types';

export interface PublicKeyDescription {
  keySpec?: KeySpec;
  keyDescription: string;
}

function bitLength(int: asn1js.Integer): number {
  const bytes = new Uint8Array(int.valueBlock.valueHexView);
  let i = 0;
  while (i < bytes.length && bytes[i] === 0) i++;
  if (i === bytes.length) return 0;
  return (bytes.length - i - 1) * 8 + (32 - Math.clz32(bytes[i]));
}

function rsaModulusBits(spki: asn1js.Sequence): number | undefined {
  const bits = spki.valueBlock.value[1];
  if (!(bits instanceof asn1js.BitString)) return undefined;
  const parsed = fromBer(new Uint8Array(bits.valueBlock.valueHexView));
  const n = parsed.result instanceof asn1js.Sequence ? parsed.result.valueBlock.value[0] : undefined;
  return n instanceof asn1js.Integer ? bitLength(n) : undefined;
}

/** Display text and, when WebCrypto can use the key, its KeySpec. */
export function describePublicKey(spki: asn1js.Sequence): PublicKeyDescription {
  const alg = spki.valueBlock.value[0];
  const oidNode = alg instanceof asn1js.Sequence ? alg.valueBlock.value[0] : undefined;
  const params = alg instanceof asn1js.Sequence ? alg.valueBlock.value[1] : undefined;
  const oid = oidNode instanceof asn1js.ObjectIdentifier ? oidNode.valueBlock.toString() : '?';
  switch (oid) {
    case OID_RSA: {
      const size = rsaModulusBits(spki);
      return size ? { keySpec: { kty: 'RSA', size }, keyDescription: `RSA ${size}` } : { keyDescription: 'RSA' };
    }
    case OID_RSA_PSS: {
      const size = rsaModulusBits(spki);
      return { keyDescription: size ? `RSA-PSS ${size}` : 'RSA-PSS' };
    }
    case OID_EC: {
      if (!(params instanceof asn1js.ObjectIdentifier)) return { keyDescription: 'EC (explicit curve)' };
      const curveOid = params.valueBlock.toString();
      const curve = CURVE_OIDS[curveOid];
      return curve
        ? { keySpec: { kty: 'EC', curve }, keyDescription: `EC ${curve}` }
        : { keyDescription: `EC ${curveName(curveOid)}` };
    }
    case OID_DSA: {
      const p = params instanceof asn1js.Sequence ? params.valueBlock.value[0] : undefined;
      return { keyDescription: p instanceof asn1js.Integer ? `DSA ${bitLength(p)}` : 'DSA' };
    }
    case '1.3.101.110':
      return { keyDescription: 'X25519' };
    case '1.3.101.111':
      return { keyDescription: 'X448' };
    case '1.3.101.112':
      return { keyDescription: 'Ed25519' };
    case '1.3.101.113':
      return { keyDescription: 'Ed448' };
    default:
      return { keyDescription: oid.startsWith('1.2.643') ? `GOST (${oid})` : oid };
  }
}
