import type { Bytes } from '../types';
import type { Digest } from './digests';

/** RFC 7292 appendix B.3: the purpose byte ("ID") of the PKCS#12 KDF. */
export const KDF_KEY = 1;
export const KDF_IV = 2;
export const KDF_MAC = 3;

/**
 * The PKCS#12 key derivation of RFC 7292 appendix B.2, over a BMPString password
 * (see bmpPassword). Used for the legacy pbeWithSHAAnd… ciphers and for the MAC key.
 */
export function pkcs12Kdf(
  digest: Digest,
  password: Uint8Array,
  salt: Uint8Array,
  id: number,
  iterations: number,
  length: number,
): Bytes {
  const { hash } = digest;
  const u = hash.outputLen;
  const v = hash.blockLen;
  const D = new Uint8Array(v).fill(id);
  // Steps 2–4: S and P are the salt and password repeated to a multiple of v bytes; I = S || P.
  const repeat = (src: Uint8Array): Uint8Array => {
    const out = new Uint8Array(v * Math.ceil(src.length / v));
    for (let i = 0; i < out.length; i++) out[i] = src[i % src.length];
    return out;
  };
  const S = repeat(salt);
  const P = repeat(password);
  const I = new Uint8Array(S.length + P.length);
  I.set(S);
  I.set(P, S.length);
  const out = new Uint8Array(length);
  const DI = new Uint8Array(v + I.length);
  DI.set(D);
  for (let produced = 0; ;) {
    DI.set(I, v);
    let A: Uint8Array = hash(DI);
    if (digest.iterate) A = digest.iterate(A, iterations - 1);
    else for (let r = 1; r < iterations; r++) A = hash(A);
    out.set(A.subarray(0, Math.min(u, length - produced)), produced);
    produced += u;
    if (produced >= length) return out;
    // Step 6C: I_j = (I_j + B + 1) mod 2^(8v), where B is A repeated to v bytes.
    const B = new Uint8Array(v);
    for (let i = 0; i < v; i++) B[i] = A[i % u];
    for (let j = 0; j < I.length; j += v) {
      let carry = 1;
      for (let k = v - 1; k >= 0; k--) {
        const sum = I[j + k] + B[k] + carry;
        I[j + k] = sum & 0xff;
        carry = sum >> 8;
      }
    }
  }
}
