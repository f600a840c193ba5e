/**
 * Encrypted PKCS#8 (RFC 5958 EncryptedPrivateKeyInfo). The PBE ciphers live in pbe/ (the
 * PKCS#12 side); this file is the seam so keys.ts does not depend on their progress.
 */
import { PkiError } from './pki-error';
import type { Bytes } from './types';

export async function decryptEncryptedPkcs8(der: Bytes, password: string | undefined): Promise<Bytes> {
  if (password === undefined) throw new PkiError('invalid-password', 'the private key is encrypted: password needed');
  void der;
  throw new PkiError('unsupported', 'encrypted private keys are not supported yet');
}
