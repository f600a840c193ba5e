/**
 * Encrypted PKCS#8 (RFC 5958 EncryptedPrivateKeyInfo). The PBE ciphers live in pbe/ (shared
 * with PKCS#12); this seam turns "no password given" into the error the UI asks on.
 */
import { decryptPrivateKeyInfo } from './pbe/decrypt-private-key';
import { PkiError } from './pki-error';
import type { Bytes } from './types';

export async function decryptEncryptedPkcs8(der: Bytes, password: string | undefined): Promise<Bytes> {
  if (password === undefined) throw new PkiError('invalid-password', 'the private key is encrypted: password needed');
  return decryptPrivateKeyInfo(der, password);
}
