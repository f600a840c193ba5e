import type { Bytes } from '../types';

/**
 * RFC 7292 appendix B.1: the PKCS#12 KDF takes the password as a BMPString, UTF-16BE with two
 * zero bytes appended; so '' is two zero bytes. `undefined` ("no password") is zero-length,
 * which is what openssl passes for a NULL password. Characters outside the BMP are written as
 * surrogate pairs, as openssl's OPENSSL_utf82uni does.
 */
export function bmpPassword(password: string | undefined): Bytes {
  if (password === undefined) return new Uint8Array(0);
  const out = new Uint8Array(password.length * 2 + 2);
  for (let i = 0; i < password.length; i++) {
    const c = password.charCodeAt(i);
    out[2 * i] = c >> 8;
    out[2 * i + 1] = c & 0xff;
  }
  return out;
}

/** PBES1/PBES2 (RFC 8018) take the password as octets: UTF-8, as openssl passes them. */
export function utf8Password(password: string | undefined): Bytes {
  return new TextEncoder().encode(password ?? '');
}
