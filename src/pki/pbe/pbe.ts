import { PBE } from '../asn1/oids';
import { algorithmIdentifier, type Node } from '../asn1/reader';
import { PkiError } from '../pki-error';
import type { Bytes } from '../types';
import { decryptPbes1, isPbes1 } from './pbes1';
import { decryptPbes2 } from './pbes2';
import { decryptPkcs12Pbe, isPkcs12Pbe } from './pkcs12-pbe';
import { throwIfCancelled, type Work } from '../work';

const KNOWN_UNSUPPORTED = new Map<string, string>([
  [PBE.pbeWithSHAAnd128BitRC4, 'pbeWithSHAAnd128BitRC4'],
  [PBE.pbeWithSHAAnd40BitRC4, 'pbeWithSHAAnd40BitRC4'],
  [PBE.pbeWithMD2AndDesCbc, 'pbeWithMD2AndDES-CBC'],
]);

/**
 * Decrypts `data` under a password-based encryption AlgorithmIdentifier: the PKCS#12 PBEs,
 * PBES1 or PBES2. `password` undefined means "no password" (a zero-length BMPString for the
 * PKCS#12 PBEs, which differs from '' there; the same empty octets for PBES1/2).
 * `looksRight` checks the plaintext's structure: a wrong key passes the padding check about
 * one time in 256, and PBES2 tries a second password encoding when the first fails it.
 * Errors: 'invalid-password' (bad padding or a plaintext `looksRight` refuses), 'unsupported'
 * (names the OID), 'malformed', 'cancelled' (`work`'s signal, checked between KDF blocks).
 */
export async function decryptPbe(
  algorithm: Node,
  data: Uint8Array,
  password: string | undefined,
  looksRight: (plain: Bytes) => boolean,
  work?: Work,
): Promise<Bytes> {
  throwIfCancelled(work);
  const { oid, params } = algorithmIdentifier(algorithm, 'encryption algorithm');
  if (oid === PBE.pbes2) return decryptPbes2(params, data, password, looksRight, work);
  let plain: Bytes;
  if (isPkcs12Pbe(oid)) plain = await decryptPkcs12Pbe(oid, params, data, password, work);
  else if (isPbes1(oid)) plain = decryptPbes1(oid, params, data, password);
  else {
    const name = KNOWN_UNSUPPORTED.get(oid);
    throw new PkiError('unsupported', `unsupported encryption ${name ? `${name} (${oid})` : oid}`);
  }
  if (!looksRight(plain)) throw new PkiError('invalid-password', 'wrong password');
  return plain;
}
