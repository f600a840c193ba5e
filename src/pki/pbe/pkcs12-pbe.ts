import * as asn1js from 'asn1js';
import { PBE } from '../asn1/oids';
import { children, octets, smallInt, type Node } from '../asn1/reader';
import { objectIdentifier, octetString } from '../asn1/writer';
import { PkiError } from '../pki-error';
import type { Bytes } from '../types';
import type { BlockCipher } from './block-cipher';
import { bmpPassword } from './bmp-password';
import { cbcDecrypt, cbcEncrypt } from './cbc';
import { createDes } from './des';
import { DIGESTS } from './digests';
import type { Work } from '../work';
import { checkIterations, MAX_JS_ITERATIONS } from './limits';
import { KDF_IV, KDF_KEY, pkcs12Kdf, pkcs12KdfWatched } from './pkcs12-kdf';
import { createRc2 } from './rc2';

interface Scheme {
  keyLength: number;
  cipher: (key: Uint8Array) => BlockCipher;
}

/** RFC 7292 appendix C: the PKCS#12 PBEs we do, with their key sizes. All use SHA-1 and an 8-byte IV. */
const SCHEMES = new Map<string, Scheme>([
  [PBE.pbeWithSHAAnd3KeyTripleDesCbc, { keyLength: 24, cipher: (k) => createDes(k) }],
  [PBE.pbeWithSHAAnd2KeyTripleDesCbc, { keyLength: 16, cipher: (k) => createDes(k) }],
  [PBE.pbeWithSHAAnd128BitRc2Cbc, { keyLength: 16, cipher: (k) => createRc2(k, 128) }],
  [PBE.pbeWithSHAAnd40BitRc2Cbc, { keyLength: 5, cipher: (k) => createRc2(k, 40) }],
]);

export function isPkcs12Pbe(oid: string): boolean {
  return SCHEMES.has(oid);
}

function schemeOf(oid: string): Scheme {
  const scheme = SCHEMES.get(oid);
  if (!scheme) throw new PkiError('unsupported', `unsupported pbe ${oid}`);
  return scheme;
}

/** pkcs-12PbeParams ::= SEQUENCE { salt OCTET STRING, iterations INTEGER } */
function readParams(params: Node | undefined): { salt: Bytes; iterations: number } {
  const [salt, iterations] = children(params, 'pkcs12 pbe params', 2);
  return {
    salt: octets(salt, 'pbe salt'),
    iterations: checkIterations(smallInt(iterations, 'pbe iterations'), 'pkcs12 pbe', MAX_JS_ITERATIONS),
  };
}

function keyAndIv(
  scheme: Scheme,
  password: string | undefined,
  salt: Uint8Array,
  iterations: number,
): { cipher: BlockCipher; iv: Bytes } {
  const pass = bmpPassword(password);
  const key = pkcs12Kdf(DIGESTS.sha1, pass, salt, KDF_KEY, iterations, scheme.keyLength);
  const iv = pkcs12Kdf(DIGESTS.sha1, pass, salt, KDF_IV, iterations, 8);
  return { cipher: scheme.cipher(key), iv };
}

/** Decrypts with a pbeWithSHAAnd… scheme; the password becomes a BMPString (undefined = zero-length). */
export async function decryptPkcs12Pbe(
  oid: string,
  params: Node | undefined,
  data: Uint8Array,
  password: string | undefined,
  work?: Work,
): Promise<Bytes> {
  const scheme = schemeOf(oid);
  const { salt, iterations } = readParams(params);
  const pass = bmpPassword(password);
  const key = await pkcs12KdfWatched(DIGESTS.sha1, pass, salt, KDF_KEY, iterations, scheme.keyLength, work);
  const iv = await pkcs12KdfWatched(DIGESTS.sha1, pass, salt, KDF_IV, iterations, 8, work);
  return cbcDecrypt(scheme.cipher(key), iv, data);
}

/** Encrypts with a pbeWithSHAAnd… scheme; returns the AlgorithmIdentifier and the ciphertext. */
export function encryptPkcs12Pbe(
  oid: string,
  data: Uint8Array,
  password: string | undefined,
  iterations: number,
  salt: Uint8Array,
): { algorithm: asn1js.Sequence; ciphertext: Bytes } {
  const { cipher, iv } = keyAndIv(schemeOf(oid), password, salt, iterations);
  const algorithm = new asn1js.Sequence({
    value: [
      objectIdentifier(oid),
      new asn1js.Sequence({ value: [octetString(salt), new asn1js.Integer({ value: iterations })] }),
    ],
  });
  return { algorithm, ciphertext: cbcEncrypt(cipher, iv, data) };
}
