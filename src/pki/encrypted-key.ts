/**
 * Encrypted PKCS#8 (RFC 5958 EncryptedPrivateKeyInfo). The PBE ciphers live in pbe/ (shared
 * with PKCS#12); this seam turns "no password given" into the error the UI asks on, and
 * writes the one scheme we export.
 */
import * as asn1js from 'asn1js';
import { octetString, toDer } from './asn1/writer';
import { looksLikePkcs8, decryptPrivateKeyInfo } from './pbe/decrypt-private-key';
import { DIGESTS } from './pbe/digests';
import { MAX_ITERATIONS } from './pbe/limits';
import { encryptPbes2Aes256 } from './pbe/pbes2';
import { PkiError } from './pki-error';
import type { Bytes } from './types';
import type { Work } from './work';

/**
 * PBKDF2-HMAC-SHA-256 iterations for a key file: OWASP's 2023 figure for that PRF, as for the
 * vault's own passphrases. A PEM key sits on disk open to offline guessing, so it gets the
 * full count rather than PKCS#12's 10 000 (about a third of a second in a browser, once).
 */
const PKCS8_ITERATIONS = 600_000;

export async function decryptEncryptedPkcs8(der: Bytes, password: string | undefined, work?: Work): Promise<Bytes> {
  if (password === undefined) throw new PkiError('invalid-password', 'the private key is encrypted: password needed');
  return decryptPrivateKeyInfo(der, password, work);
}

/**
 * PrivateKeyInfo DER → EncryptedPrivateKeyInfo DER under PBES2 (PBKDF2-HMAC-SHA-256, 16-byte
 * salt, AES-256-CBC), what `openssl pkcs8 -topk8 -v2 aes-256-cbc -v2prf hmacWithSHA256` writes
 * and `openssl pkey -passin` reads. The password is UTF-8; an empty one is refused (it would
 * only look protected).
 */
export async function encryptPkcs8(
  pkcs8: Uint8Array,
  password: string,
  iterations: number = PKCS8_ITERATIONS,
): Promise<Bytes> {
  if (password === '') throw new PkiError('bad-input', 'an encrypted key needs a password');
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > MAX_ITERATIONS)
    throw new PkiError('bad-input', `iterations ${iterations}`);
  if (!looksLikePkcs8(pkcs8)) throw new PkiError('malformed', 'key is not pkcs#8 der');
  const { algorithm, ciphertext } = await encryptPbes2Aes256(pkcs8, password, iterations, DIGESTS.sha256);
  return toDer(new asn1js.Sequence({ value: [algorithm, octetString(ciphertext)] }));
}
