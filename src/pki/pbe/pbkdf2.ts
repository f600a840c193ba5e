import { pbkdf2Async } from '@noble/hashes/pbkdf2.js';
import type { Bytes } from '../types';
import { throwIfCancelled, type Work } from '../work';
import type { Digest } from './digests';

/**
 * PBKDF2 (RFC 8018 section 5.2). WebCrypto where it has the hash (native speed in the page
 * and in Node); noble for HMAC-SHA-224, and as a fallback when an engine refuses a
 * zero-length password as key material.
 *
 * With `work`: one native call cannot be interrupted, so progress is indeterminate (phase
 * 'deriving-key') and a cancel is seen before and after it; the key is then discarded.
 */
export async function pbkdf2(
  digest: Digest,
  password: Bytes,
  salt: Bytes,
  iterations: number,
  length: number,
  work?: Work,
): Promise<Bytes> {
  throwIfCancelled(work);
  work?.onProgress?.({ done: 0, phase: 'deriving-key' });
  const key = await derive(digest, password, salt, iterations, length);
  throwIfCancelled(work);
  return key;
}

async function derive(digest: Digest, password: Bytes, salt: Bytes, iterations: number, length: number) {
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
