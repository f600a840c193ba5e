import type { Bytes } from '../types';
import { nextTurn, throwIfCancelled, type Work } from '../work';
import type { Digest } from './digests';

/** RFC 7292 appendix B.3: the purpose byte ("ID") of the PKCS#12 KDF. */
export const KDF_KEY = 1;
export const KDF_IV = 2;
export const KDF_MAC = 3;

/** Iterations between two turns of the event loop when the work is watched (tens of ms). */
const BLOCK = 20_000;

/**
 * The PKCS#12 key derivation of RFC 7292 appendix B.2, over a BMPString password (see
 * bmpPassword), as steps: the generator yields the iterations done after each block of the
 * H^r loop, so a watched derivation (pkcs12KdfWatched) can report, pause and stop between
 * blocks; the plain one (pkcs12Kdf) runs them straight through.
 */
function* pkcs12KdfSteps(
  digest: Digest,
  password: Uint8Array,
  salt: Uint8Array,
  id: number,
  iterations: number,
  length: number,
): Generator<number, Bytes> {
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
  const blocks = Math.ceil(length / u);
  for (let produced = 0, block = 0; ; block++) {
    DI.set(I, v);
    let A: Uint8Array = hash(DI);
    for (let r = 1; r < iterations;) {
      const n = Math.min(BLOCK, iterations - r);
      if (digest.iterate) A = digest.iterate(A, n);
      else for (let k = 0; k < n; k++) A = hash(A);
      r += n;
      yield block * iterations + r;
    }
    out.set(A.subarray(0, Math.min(u, length - produced)), produced);
    produced += u;
    if (produced >= length || block + 1 >= blocks) return out;
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

/** The PKCS#12 KDF in one go (writing, and reading when no one watches). */
export function pkcs12Kdf(
  digest: Digest,
  password: Uint8Array,
  salt: Uint8Array,
  id: number,
  iterations: number,
  length: number,
): Bytes {
  const steps = pkcs12KdfSteps(digest, password, salt, id, iterations, length);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The PKCS#12 KDF with `work`: progress in iterations (phase 'deriving-key'), a turn of the
 * event loop between blocks, PkiError('cancelled') once the signal is aborted. Without `work`
 * it is pkcs12Kdf.
 */
export async function pkcs12KdfWatched(
  digest: Digest,
  password: Uint8Array,
  salt: Uint8Array,
  id: number,
  iterations: number,
  length: number,
  work: Work | undefined,
): Promise<Bytes> {
  if (!work) return pkcs12Kdf(digest, password, salt, id, iterations, length);
  throwIfCancelled(work);
  const total = iterations * Math.ceil(length / digest.hash.outputLen);
  const steps = pkcs12KdfSteps(digest, password, salt, id, iterations, length);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    work.onProgress?.({ done: step.value, total, phase: 'deriving-key' });
    await nextTurn();
    throwIfCancelled(work);
  }
}
