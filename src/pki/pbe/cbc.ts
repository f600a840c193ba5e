import { PkiError } from '../pki-error';
import type { Bytes } from '../types';
import type { BlockCipher } from './block-cipher';

/** CBC with PKCS#5 padding (RFC 8018 section 6.1.1 step 4), as every PBE here uses. */
export function cbcEncrypt(cipher: BlockCipher, iv: Uint8Array, data: Uint8Array): Bytes {
  const n = cipher.blockSize;
  const pad = n - (data.length % n);
  const out = new Uint8Array(data.length + pad);
  out.set(data);
  out.fill(pad, data.length);
  let prev: Uint8Array = iv;
  let prevAt = 0;
  for (let at = 0; at < out.length; at += n) {
    for (let i = 0; i < n; i++) out[at + i] ^= prev[prevAt + i];
    cipher.encryptBlock(out, at, out, at);
    prev = out;
    prevAt = at;
  }
  return out;
}

/**
 * Decrypts and strips the padding. A padding error almost always means a wrong key, i.e. a
 * wrong password (RFC 8018 section 6.1.2 step 5): that is how we report it.
 */
export function cbcDecrypt(cipher: BlockCipher, iv: Uint8Array, data: Uint8Array): Bytes {
  const n = cipher.blockSize;
  if (iv.length !== n) throw new PkiError('malformed', `iv of ${iv.length} bytes`);
  if (data.length === 0 || data.length % n !== 0) throw new PkiError('malformed', 'ciphertext is not whole blocks');
  const out = new Uint8Array(data.length);
  for (let at = 0; at < data.length; at += n) {
    cipher.decryptBlock(data, at, out, at);
    for (let i = 0; i < n; i++) out[at + i] ^= at === 0 ? iv[i] : data[at - n + i];
  }
  return unpad(out, n);
}

function unpad(out: Uint8Array<ArrayBuffer>, blockSize: number): Bytes {
  const pad = out[out.length - 1];
  if (pad < 1 || pad > blockSize) throw new PkiError('invalid-password', 'wrong password');
  for (let i = out.length - pad; i < out.length; i++) {
    if (out[i] !== pad) throw new PkiError('invalid-password', 'wrong password');
  }
  return out.subarray(0, out.length - pad).slice();
}
