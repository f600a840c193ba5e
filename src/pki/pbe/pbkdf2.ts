import { pbkdf2Async } from '@noble/hashes/pbkdf2.js';
import type { Bytes } from '../types';
import type { Digest } from './digests';

/**
 * PBKDF2 (RFC 8018 section 5.2). WebCrypto where it has the hash (native speed in the page
 * and in Node); noble for HMAC-SHA-224, and as a fallback when an engine refuses a
 * zero-length password as key material.
 */
export async function pbkdf2(
  digest: Digest,
  password: Bytes,
  salt: Bytes,
  iterations: number,
  length: number,
): Promise<Bytes> {
  if (digest.webCrypto) {
    try {
      const base = await crypto.subtle.importKey('raw', password, 'PBKDF2', false, ['deriveBits']);
      const bits = await crypto.subtle.deriveBits(
        { name: 'PBKDF2', hash: digest.webCrypto, salt, iterations },
        base,
        length * 8,
      );
      return new Uint8Array(bits);
    } catch {
      // fall through to the JS implementation
    }
  }
  return new Uint8Array(await pbkdf2Async(digest.hash, password, salt, { c: iterations, dkLen: length }));
}
