import { children, octets, rawOf, readDer, smallInt } from '../asn1/reader';
import { PkiError, isPkiError } from '../pki-error';
import type { Bytes } from '../types';
import type { Work } from '../work';
import { decryptPbe } from './pbe';

/**
 * A decrypted PrivateKeyInfo must at least be SEQUENCE { INTEGER 0|1, SEQUENCE, OCTET STRING }.
 * A wrong key passes the padding check about one time in 256; this catches those.
 */
export function looksLikePkcs8(der: Uint8Array): boolean {
  try {
    const node = readDer(der, 'pkcs8');
    if (rawOf(node).length !== der.length) return false;
    const [version, alg, key] = children(node, 'pkcs8', 3);
    children(alg, 'pkcs8 algorithm', 1);
    octets(key, 'pkcs8 key');
    return smallInt(version, 'pkcs8 version') <= 1;
  } catch {
    return false;
  }
}

/**
 * EncryptedPrivateKeyInfo DER (RFC 5958 section 3) → PrivateKeyInfo (PKCS#8) DER.
 * Wrong password → PkiError('invalid-password'); an algorithm we do not do → 'unsupported'
 * naming the OID (RC4, scrypt, …); broken structure or iteration count 0 → 'malformed'.
 */
export async function decryptPrivateKeyInfo(der: Uint8Array, password: string, work?: Work): Promise<Bytes> {
  try {
    const [algorithm, data] = children(readDer(der, 'encrypted private key'), 'encrypted private key', 2);
    return await decryptPbe(algorithm, octets(data, 'encrypted private key data'), password, looksLikePkcs8, work);
  } catch (e) {
    if (isPkiError(e)) throw e;
    throw new PkiError('malformed', 'encrypted private key: cannot read', { cause: e });
  }
}
