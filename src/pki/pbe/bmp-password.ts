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

/**
 * The octets to try for PBKDF2 (PBES2, PBMAC1): UTF-8 first, then ISO-8859-1 when that differs and can spell
 * the password. RFC 8018 section 3 leaves the encoding to the application, and files made by
 * openssl on a Latin-1 or Windows-1252 console, or by older Java/JSafe code that narrows each
 * char to a byte, hold the Latin-1 octets (their PKCS#12 MAC, a BMPString, still matches).
 * Each candidate is checked by the caller (padding, then the plaintext's structure), so a
 * wrong password still fails: it opens neither.
 */
export function pbkdf2Passwords(password: string | undefined): Bytes[] {
  const utf8 = utf8Password(password);
  const codes = Array.from(password ?? '', (c) => c.codePointAt(0) ?? 0);
  if (codes.every((c) => c < 0x80) || codes.some((c) => c > 0xff)) return [utf8];
  return [utf8, Uint8Array.from(codes)];
}
