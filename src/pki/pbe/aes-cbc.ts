import { PkiError } from '../pki-error';
import type { Bytes } from '../types';

/**
 * AES-CBC with PKCS#5 padding for PBES2 (RFC 8018 appendix B.2.5). WebCrypto for 128 and 256
 * bits. Chromium's WebCrypto refuses 192-bit AES keys (Node and Firefox take them), and
 * `openssl -v2 aes-192-cbc` writes them: those go through @noble/ciphers, loaded only when
 * such a file turns up, so every browser decrypts the same way and the page's first load
 * carries no AES code of ours.
 */
export async function aesCbcDecrypt(key: Bytes, iv: Bytes, data: Bytes): Promise<Bytes> {
  if (iv.length !== 16) throw new PkiError('malformed', `aes iv of ${iv.length} bytes`);
  if (data.length === 0 || data.length % 16 !== 0) throw new PkiError('malformed', 'ciphertext is not whole blocks');
  if (key.length === 24) return aes192CbcDecrypt(key, iv, data);
  let cryptoKey: CryptoKey;
  try {
    cryptoKey = await crypto.subtle.importKey('raw', key, 'AES-CBC', false, ['decrypt']);
  } catch (cause) {
    throw new PkiError('unsupported', `aes-${key.length * 8}-cbc is not available here`, { cause });
  }
  try {
    return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-CBC', iv }, cryptoKey, data));
  } catch (cause) {
    // Bad padding: almost always the wrong key, i.e. the wrong password (RFC 8018 section 6.2.2 step 5).
    throw new PkiError('invalid-password', 'wrong password', { cause });
  }
}

async function aes192CbcDecrypt(key: Bytes, iv: Bytes, data: Bytes): Promise<Bytes> {
  const { cbc } = await import('@noble/ciphers/aes.js');
  try {
    return cbc(key, iv).decrypt(data);
  } catch (cause) {
    throw new PkiError('invalid-password', 'wrong password', { cause });
  }
}

/** AES-256-CBC encryption through WebCrypto, for the PBES2 we write. */
export async function aes256CbcEncrypt(key: Bytes, iv: Bytes, data: Uint8Array): Promise<Bytes> {
  const cryptoKey = await crypto.subtle.importKey('raw', key, 'AES-CBC', false, ['encrypt']);
  return new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-CBC', iv }, cryptoKey, new Uint8Array(data)));
}
