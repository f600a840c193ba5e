import { PkiError } from '../pki-error';
import type { BlockCipher } from './block-cipher';
import { IP, P, PC1, PC2, S, SHIFTS } from './des-tables';

/*
 * DES per FIPS 46-3, and TDEA (EDE, SP 800-67) on top. The tables in des-tables.ts are the
 * standard's; here they are folded once into lookup tables: IP/FP by input byte, and each
 * S-box fused with the P permutation (the usual "SP" trick), so a block costs ~150 lookups.
 * A 64-bit block is two uint32 halves, hi = bytes 0–3.
 */

/** For a 64→64 bit permutation given as "input position p goes to output position to[p]": per byte lookup. */
function byteTables(to: number[]): Uint32Array {
  const t = new Uint32Array(8 * 256 * 2);
  for (let b = 0; b < 8; b++) {
    for (let x = 0; x < 256; x++) {
      let hi = 0;
      let lo = 0;
      for (let k = 0; k < 8; k++) {
        if (!(x & (0x80 >> k))) continue;
        const out = to[8 * b + k + 1] - 1;
        if (out < 32) hi |= 1 << (31 - out);
        else lo |= 1 << (63 - out);
      }
      t[(b * 256 + x) * 2] = hi >>> 0;
      t[(b * 256 + x) * 2 + 1] = lo >>> 0;
    }
  }
  return t;
}

const ipTo: number[] = [];
const fpTo: number[] = [];
IP.forEach((p, j) => {
  ipTo[p] = j + 1; // IP: output j+1 takes input p
  fpTo[j + 1] = p; // FP = IP⁻¹: input j+1 goes back to p
});
const IP_T = byteTables(ipTo);
const FP_T = byteTables(fpTo);

/** SP[i*64 + x]: S-box i on the 6-bit x, its 4 bits placed at 4i+1…4i+4 and then permuted by P. */
const SP = new Uint32Array(8 * 64);
for (let i = 0; i < 8; i++) {
  for (let x = 0; x < 64; x++) {
    const s = S[i][(((x >> 4) & 2) | (x & 1)) * 16 + ((x >> 1) & 15)];
    let out = 0;
    for (let k = 0; k < 4; k++) {
      if (!(s & (8 >> k))) continue;
      const pos = 4 * i + k + 1;
      out |= 1 << (31 - P.indexOf(pos));
    }
    SP[i * 64 + x] = out >>> 0;
  }
}

function permute(t: Uint32Array, hi: number, lo: number, out: Uint32Array): void {
  let h = 0;
  let l = 0;
  for (let b = 0; b < 4; b++) {
    const i1 = (b * 256 + ((hi >>> (24 - 8 * b)) & 0xff)) * 2;
    const i2 = ((b + 4) * 256 + ((lo >>> (24 - 8 * b)) & 0xff)) * 2;
    h |= t[i1] | t[i2];
    l |= t[i1 + 1] | t[i2 + 1];
  }
  out[0] = h;
  out[1] = l;
}

/** The 16 round keys, each as eight 6-bit chunks (PC1, the left shifts, PC2). */
function keySchedule(key: Uint8Array, offset: number): Uint8Array {
  const bit = (p: number): number => (key[offset + ((p - 1) >> 3)] >> (7 - ((p - 1) & 7))) & 1;
  const cd = PC1.map(bit);
  const c = cd.slice(0, 28);
  const d = cd.slice(28);
  const sub = new Uint8Array(16 * 8);
  for (let r = 0; r < 16; r++) {
    for (let s = 0; s < SHIFTS[r]; s++) {
      c.push(...c.splice(0, 1));
      d.push(...d.splice(0, 1));
    }
    const both = c.concat(d);
    for (let i = 0; i < 8; i++) {
      let v = 0;
      for (let k = 0; k < 6; k++) v = (v << 1) | both[PC2[6 * i + k] - 1];
      sub[r * 8 + i] = v;
    }
  }
  return sub;
}

const rotl = (x: number, n: number): number => ((x << n) | (x >>> (32 - n))) >>> 0;

function crypt(sub: Uint8Array, decrypt: boolean, io: Uint32Array): void {
  permute(IP_T, io[0], io[1], io);
  let l = io[0];
  let r = io[1];
  for (let round = 0; round < 16; round++) {
    const k = (decrypt ? 15 - round : round) * 8;
    // E expands R: chunk i is bits 4i … 4i+5 (cyclic), i.e. the top six bits of R rotated left by 4i−1.
    let f = SP[(rotl(r, 31) >>> 26) ^ sub[k]];
    for (let i = 1; i < 8; i++) f |= SP[i * 64 + (((rotl(r, 4 * i - 1) >>> 26) ^ sub[k + i]) & 63)];
    const next = (l ^ f) >>> 0;
    l = r;
    r = next;
  }
  permute(FP_T, r, l, io);
}

function load(src: Uint8Array, at: number, io: Uint32Array): void {
  io[0] = (src[at] << 24) | (src[at + 1] << 16) | (src[at + 2] << 8) | src[at + 3];
  io[1] = (src[at + 4] << 24) | (src[at + 5] << 16) | (src[at + 6] << 8) | src[at + 7];
}

function store(io: Uint32Array, dst: Uint8Array, at: number): void {
  for (let i = 0; i < 4; i++) {
    dst[at + i] = io[0] >>> (24 - 8 * i);
    dst[at + 4 + i] = io[1] >>> (24 - 8 * i);
  }
}

/**
 * DES with one 8-byte key, or TDEA (EDE3) with a 24-byte key, or two-key TDEA (EDE2, K3 = K1)
 * with a 16-byte key. Parity bits are ignored, as every implementation does.
 */
export function createDes(key: Uint8Array): BlockCipher {
  if (key.length !== 8 && key.length !== 16 && key.length !== 24)
    throw new PkiError('bad-input', `des key of ${key.length} bytes`);
  const k1 = keySchedule(key, 0);
  const k2 = key.length > 8 ? keySchedule(key, 8) : undefined;
  const k3 = key.length === 24 ? keySchedule(key, 16) : k1;
  const io = new Uint32Array(2);
  return {
    blockSize: 8,
    encryptBlock(src, srcOffset, dst, dstOffset) {
      load(src, srcOffset, io);
      crypt(k1, false, io);
      if (k2) {
        crypt(k2, true, io);
        crypt(k3, false, io);
      }
      store(io, dst, dstOffset);
    },
    decryptBlock(src, srcOffset, dst, dstOffset) {
      load(src, srcOffset, io);
      if (k2) {
        crypt(k3, true, io);
        crypt(k2, false, io);
      }
      crypt(k1, true, io);
      store(io, dst, dstOffset);
    },
  };
}
