import * as asn1js from 'asn1js';
import { CIPHER, PBE } from '../asn1/oids';
import { algorithmIdentifier, children, octets, smallInt, type Node } from '../asn1/reader';
import { objectIdentifier, octetString } from '../asn1/writer';
import { PkiError, isPkiError } from '../pki-error';
import type { Bytes } from '../types';
import { aes256CbcEncrypt, aesCbcDecrypt } from './aes-cbc';
import { pbkdf2Passwords, utf8Password } from './bmp-password';
import { cbcDecrypt } from './cbc';
import { createDes } from './des';
import { DIGESTS, hmacByOid, hmacOid, type Digest } from './digests';
import { checkIterations, MAX_ITERATIONS, MAX_JS_ITERATIONS } from './limits';
import type { Work } from '../work';
import { pbkdf2 } from './pbkdf2';
import { createRc2, rc2BitsFromVersion } from './rc2';

const AES_KEY_LENGTH = new Map<string, number>([
  [CIPHER.aes128Cbc, 16],
  [CIPHER.aes192Cbc, 24],
  [CIPHER.aes256Cbc, 32],
]);

export interface Kdf {
  salt: Bytes;
  iterations: number;
  keyLength?: number;
  prf: Digest;
}

/** PBKDF2-params (RFC 8018 appendix A.2); the PRF defaults to hmacWithSHA1. */
export function readPbkdf2(params: Node | undefined): Kdf {
  const fields = children(params, 'pbkdf2 params', 2);
  const salt = octets(fields[0], 'pbkdf2 salt'); // the otherSource choice was never defined: malformed
  const count = smallInt(fields[1], 'pbkdf2 iterations');
  let at = 2;
  let keyLength: number | undefined;
  if (fields[at] instanceof asn1js.Integer) keyLength = smallInt(fields[at++], 'pbkdf2 key length');
  let prf = DIGESTS.sha1;
  const prfNode = fields.at(at);
  if (prfNode) {
    const { oid } = algorithmIdentifier(prfNode, 'pbkdf2 prf');
    const named = hmacByOid(oid);
    if (!named) throw new PkiError('unsupported', `unsupported pbkdf2 prf ${oid}`);
    prf = named;
  }
  // WebCrypto runs PBKDF2 natively; SHA-224, which it lacks, runs in JavaScript (limits.ts).
  const iterations = checkIterations(count, 'pbkdf2', prf.webCrypto ? MAX_ITERATIONS : MAX_JS_ITERATIONS);
  return { salt, iterations, keyLength, prf };
}

/** The ciphertext decrypted under one candidate password encoding. */
type Attempt = (pass: Bytes) => Promise<Bytes>;

/** The PBES2 cipher a scheme names, as a function of the password octets. */
function attemptFor(kdf: Kdf, scheme: { oid: string; params?: Node }, data: Bytes, work?: Work): Attempt {
  const derive = (pass: Bytes, defaultLength: number): Promise<Bytes> => {
    const length = kdf.keyLength ?? defaultLength;
    if (length < 1 || length > 128) throw new PkiError('malformed', `pbkdf2 key length ${length}`);
    return pbkdf2(kdf.prf, pass, kdf.salt, kdf.iterations, length, work);
  };
  const fixedLength = (keyLength: number, cipher: string): void => {
    if (kdf.keyLength !== undefined && kdf.keyLength !== keyLength)
      throw new PkiError('malformed', `pbkdf2 key length does not fit ${cipher}`);
  };
  const aesKeyLength = AES_KEY_LENGTH.get(scheme.oid);
  if (aesKeyLength !== undefined) {
    fixedLength(aesKeyLength, 'aes');
    const iv = octets(scheme.params, 'aes iv');
    return async (pass) => aesCbcDecrypt(await derive(pass, aesKeyLength), iv, data);
  }
  if (scheme.oid === CIPHER.desEde3Cbc || scheme.oid === CIPHER.desCbc) {
    const keyLength = scheme.oid === CIPHER.desEde3Cbc ? 24 : 8;
    fixedLength(keyLength, 'des');
    const iv = octets(scheme.params, 'des iv');
    return async (pass) => cbcDecrypt(createDes(await derive(pass, keyLength)), iv, data);
  }
  if (scheme.oid === CIPHER.rc2Cbc) {
    // RC2-CBC-Parameter ::= SEQUENCE { rc2ParameterVersion INTEGER OPTIONAL, iv OCTET STRING }
    const fields = children(scheme.params, 'rc2 params', 1);
    const bits = fields.length > 1 ? rc2BitsFromVersion(smallInt(fields[0], 'rc2 version')) : 32;
    const iv = octets(fields[fields.length - 1], 'rc2 iv');
    return async (pass) => cbcDecrypt(createRc2(await derive(pass, 16), bits), iv, data);
  }
  throw new PkiError('unsupported', `unsupported pbes2 cipher ${scheme.oid}`);
}

/**
 * PBES2 (RFC 8018 section 6.2) with PBKDF2 and AES-CBC, DES-EDE3-CBC, DES-CBC or RC2-CBC. The
 * password is tried as UTF-8 and then as Latin-1 (pbkdf2Passwords); a candidate opens the data
 * only if the padding holds and `looksRight` accepts the plaintext, so a wrong key whose
 * padding happens to be valid does not hide the right one.
 */
export async function decryptPbes2(
  params: Node | undefined,
  data: Uint8Array,
  password: string | undefined,
  looksRight: (plain: Bytes) => boolean,
  work?: Work,
): Promise<Bytes> {
  const [kdfNode, schemeNode] = children(params, 'pbes2 params', 2);
  const kdfAlg = algorithmIdentifier(kdfNode, 'pbes2 kdf');
  if (kdfAlg.oid !== PBE.pbkdf2) {
    const name = kdfAlg.oid === PBE.scrypt ? 'scrypt ' : '';
    throw new PkiError('unsupported', `unsupported key derivation ${name}${kdfAlg.oid}`);
  }
  const kdf = readPbkdf2(kdfAlg.params);
  const attempt = attemptFor(
    kdf,
    algorithmIdentifier(schemeNode, 'pbes2 encryption scheme'),
    new Uint8Array(data),
    work,
  );
  for (const pass of pbkdf2Passwords(password)) {
    try {
      const plain = await attempt(pass);
      if (looksRight(plain)) return plain;
    } catch (e) {
      if (!isPkiError(e) || e.code !== 'invalid-password') throw e;
    }
  }
  throw new PkiError('invalid-password', 'wrong password');
}

/**
 * AlgorithmIdentifier { id-PBKDF2, PBKDF2-params } (RFC 8018 appendix A.2). keyLength is
 * optional for PBES2 (the cipher fixes it) and required for PBMAC1 (RFC 9579).
 */
export function pbkdf2Algorithm(salt: Bytes, iterations: number, prf: Digest, keyLength?: number): asn1js.Sequence {
  return new asn1js.Sequence({
    value: [
      objectIdentifier(PBE.pbkdf2),
      new asn1js.Sequence({
        value: [
          octetString(salt),
          new asn1js.Integer({ value: iterations }),
          ...(keyLength === undefined ? [] : [new asn1js.Integer({ value: keyLength })]),
          new asn1js.Sequence({ value: [objectIdentifier(hmacOid(prf)), new asn1js.Null()] }),
        ],
      }),
    ],
  });
}

/**
 * PBES2 with PBKDF2 (`prf`) and AES-256-CBC, the scheme openssl 3 and Windows 10+ write by
 * default. Returns the AlgorithmIdentifier and the ciphertext.
 */
export async function encryptPbes2Aes256(
  data: Uint8Array,
  password: string | undefined,
  iterations: number,
  prf: Digest = DIGESTS.sha256,
): Promise<{ algorithm: asn1js.Sequence; ciphertext: Bytes }> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(16));
  const key = await pbkdf2(prf, utf8Password(password), salt, iterations, 32);
  const ciphertext = await aes256CbcEncrypt(key, iv, data);
  const algorithm = new asn1js.Sequence({
    value: [
      objectIdentifier(PBE.pbes2),
      new asn1js.Sequence({
        value: [
          pbkdf2Algorithm(salt, iterations, prf),
          new asn1js.Sequence({ value: [objectIdentifier(CIPHER.aes256Cbc), octetString(iv)] }),
        ],
      }),
    ],
  });
  return { algorithm, ciphertext };
}
