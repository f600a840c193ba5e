import { PBE } from '../asn1/oids';
import { children, octets, smallInt, type Node } from '../asn1/reader';
import { PkiError } from '../pki-error';
import type { Bytes } from '../types';
import { utf8Password } from './bmp-password';
import { cbcDecrypt } from './cbc';
import { createDes } from './des';
import { DIGESTS, MD5, type Digest } from './digests';
import { checkIterations, MAX_JS_ITERATIONS } from './limits';
import { createRc2 } from './rc2';

/** RFC 8018 section 6.1 (PBES1) schemes; MD2 is gone from every library we could test against. */
const SCHEMES = new Map<string, { digest: Digest; rc2: boolean }>([
  [PBE.pbeWithMD5AndDesCbc, { digest: MD5, rc2: false }],
  [PBE.pbeWithMD5AndRc2Cbc, { digest: MD5, rc2: true }],
  [PBE.pbeWithSHA1AndDesCbc, { digest: DIGESTS.sha1, rc2: false }],
  [PBE.pbeWithSHA1AndRc2Cbc, { digest: DIGESTS.sha1, rc2: true }],
]);

export function isPbes1(oid: string): boolean {
  return SCHEMES.has(oid);
}

/**
 * PBES1: PBKDF1 (T = H^c(P || S), section 5.1) gives the DES key (first 8 bytes) and IV (next 8).
 * RC2 here has 64 effective bits (appendix B.2.2 via PKCS#5 v1.5).
 */
export function decryptPbes1(
  oid: string,
  params: Node | undefined,
  data: Uint8Array,
  password: string | undefined,
): Bytes {
  const scheme = SCHEMES.get(oid);
  if (!scheme) throw new PkiError('unsupported', `unsupported pbe ${oid}`);
  const [saltNode, iterNode] = children(params, 'pbes1 params', 2);
  const salt = octets(saltNode, 'pbes1 salt');
  if (salt.length !== 8) throw new PkiError('malformed', 'pbes1 salt must be 8 bytes');
  const iterations = checkIterations(smallInt(iterNode, 'pbes1 iterations'), 'pbes1', MAX_JS_ITERATIONS);
  const pass = utf8Password(password);
  const input = new Uint8Array(pass.length + 8);
  input.set(pass);
  input.set(salt, pass.length);
  let t = scheme.digest.hash(input);
  for (let i = 1; i < iterations; i++) t = scheme.digest.hash(t);
  const key = t.subarray(0, 8);
  const cipher = scheme.rc2 ? createRc2(key, 64) : createDes(key);
  return cbcDecrypt(cipher, t.subarray(8, 16), data);
}
