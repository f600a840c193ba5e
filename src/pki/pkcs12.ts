import type { Bytes } from './types';
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
}
/** `password` undefined = no password; '' = empty password (they differ in PKCS#12). */
export function readPkcs12(bytes: Uint8Array, password: string | undefined): Promise<Pkcs12Contents> { throw new Error('todo'); }
export function writePkcs12(options: Pkcs12WriteOptions): Promise<Bytes> { throw new Error('todo'); }
