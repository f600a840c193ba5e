import type { Bytes } from './types';
import { readPfx } from './pkcs12/read-pfx';
import { writePfx } from './pkcs12/write-pfx';

export interface Pkcs12Contents {
  keys: { pkcs8: Bytes; friendlyName?: string; localKeyId?: Bytes }[];
  certificates: { der: Bytes; friendlyName?: string; localKeyId?: Bytes }[];
}
export interface Pkcs12WriteOptions {
  /** PKCS#8 DER of the private key, when it is exported */
  key?: Uint8Array;
  /** leaf first */
  certificates: Uint8Array[];
  password: string;
  friendlyName?: string;
  /** PBE-SHA1-3DES + SHA-1 MAC for old Windows/macOS/Android; default AES-256-CBC/PBKDF2-SHA256 + HMAC-SHA256 */
  legacy?: boolean;
  /**
   * KDF and MAC iterations. Default 10 000 (keytool's PKCS#12 default; PBKDF2 runs natively so
   * it costs little), 2048 with `legacy` (openssl's PKCS12_DEFAULT_ITER, which old readers expect).
   */
  iterations?: number;
}

/**
 * Reads a PFX/PKCS#12 file (RFC 7292): checks the MAC (HMAC-SHA-1/224/256/384/512, or PBMAC1 of
 * RFC 9579), decrypts PBES2 (AES-CBC, 3DES) and the legacy pbeWithSHAAnd… safes and key bags, and returns every
 * private key (PKCS#8 DER) and X.509 certificate with its friendlyName and localKeyId, in file order.
 * A file without a MAC (-nomac) is accepted.
 *
 * `password` undefined = no password; '' = empty password (they differ in PKCS#12). Either one
 * also tries the other, as openssl does, because writers mix them up.
 *
 * Errors (always PkiError): 'invalid-password', 'malformed', 'unsupported' (names the OID).
 */
export function readPkcs12(bytes: Uint8Array, password: string | undefined): Promise<Pkcs12Contents> {
  return readPfx(bytes, password);
}

/**
 * Writes a PFX that openssl, keytool, Windows and macOS read: the certificates (leaf first) in
 * an encrypted safe, the key in a pkcs8ShroudedKeyBag, friendlyName and localKeyId (SHA-1 of
 * the leaf) on the key and the leaf, and a MAC. Default AES-256-CBC with PBKDF2-HMAC-SHA-256
 * and an HMAC-SHA-256 MAC (openssl 3's default); `legacy` uses pbeWithSHAAnd3-KeyTripleDES-CBC
 * and an HMAC-SHA-1 MAC.
 */
export function writePkcs12(options: Pkcs12WriteOptions): Promise<Bytes> {
  return writePfx(options);
}
