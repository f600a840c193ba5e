import { sha256 } from '@noble/hashes/sha2.js';

/**
 * Which fragments a fountain part mixes (BCR-2020-005 §4): parts 1…seqLen are the fragments
 * themselves; every later part XORs a pseudo-random subset, drawn from Xoshiro256** seeded with
 * SHA-256(seqNum ‖ checksum), with degree d chosen with probability ∝ 1/d. Encoder and decoder
 * derive the same subset from the part's header, so the subset is never sent. Every floating
 * step follows the reference implementation's order, so our parts equal its parts bit for bit.
 */

const MASK64 = (1n << 64n) - 1n;
const TWO_64 = 2 ** 64;

const rotl = (x: bigint, k: bigint): bigint => ((x << k) | (x >> (64n - k))) & MASK64;

/** Xoshiro256** (Blackman and Vigna) over BigInt, seeded from a SHA-256 digest read big-endian. */
function xoshiro(seed: Uint8Array): () => number {
  const digest = sha256(seed);
  const s: bigint[] = [0n, 0n, 0n, 0n];
  for (let i = 0; i < 4; i++) {
    let v = 0n;
    for (let n = 0; n < 8; n++) v = (v << 8n) | BigInt(digest[i * 8 + n] ?? 0);
    s[i] = v;
  }
  let [s0, s1, s2, s3] = s as [bigint, bigint, bigint, bigint];
  return () => {
    const result = (rotl((s1 * 5n) & MASK64, 7n) * 9n) & MASK64;
    const t = (s1 << 17n) & MASK64;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 45n);
    // A double in [0, 1): the 64-bit value rounded to a double, then scaled by 2^-64 (exact).
    return Number(result) / TWO_64;
  };
}

/** Vose's alias table for the degree distribution, drawn as the reference sampler draws it. */
function aliasSampler(weights: number[], next: () => number): () => number {
  const n = weights.length;
  const sum = weights.reduce((acc, w) => acc + w, 0);
  const scaled = weights.map((w) => (w * n) / sum);
  const prob = new Array<number>(n).fill(0);
  const alias = new Array<number>(n).fill(0);
  const small: number[] = [];
  const large: number[] = [];
  for (let i = n - 1; i >= 0; i--) ((scaled[i] ?? 0) < 1 ? small : large).push(i);
  while (small.length > 0 && large.length > 0) {
    const less = small.pop() ?? 0;
    const more = large.pop() ?? 0;
    prob[less] = scaled[less] ?? 0;
    alias[less] = more;
    scaled[more] = (scaled[more] ?? 0) + (scaled[less] ?? 0) - 1;
    ((scaled[more] ?? 0) < 1 ? small : large).push(more);
  }
  for (const i of large) prob[i] = 1;
  for (const i of small) prob[i] = 1;
  return () => {
    const c = Math.floor(next() * n);
    return next() < (prob[c] ?? 0) ? c : (alias[c] ?? 0);
  };
}

const be32 = (v: number): number[] => [v >>> 24, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff];

/** The zero-based fragment indexes part `seqNum` (1-based) of `seqLen` mixes, for a message with CRC-32 `checksum`. */
export function chooseFragments(seqNum: number, seqLen: number, checksum: number): number[] {
  if (seqNum <= seqLen) return [seqNum - 1];
  const next = xoshiro(Uint8Array.from([...be32(seqNum), ...be32(checksum)]));
  const nextInt = (low: number, high: number): number => Math.floor(next() * (high - low + 1) + low);
  const degree =
    aliasSampler(
      Array.from({ length: seqLen }, (_, i) => 1 / (i + 1)),
      next,
    )() + 1;
  const remaining = Array.from({ length: seqLen }, (_, i) => i);
  const shuffled: number[] = [];
  while (remaining.length > 0) shuffled.push(...remaining.splice(nextInt(0, remaining.length - 1), 1));
  return shuffled.slice(0, degree);
}
