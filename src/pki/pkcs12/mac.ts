/**
 * PKCS#12 MacData (RFC 7292 section 4, appendix B.4) and PBMAC1 (RFC 9579): reading one to
 * check candidate passwords, and writing one.
 */
import * as asn1js from 'asn1js';
import { hmac } from '@noble/hashes/hmac.js';
import { PBE } from '../asn1/oids';
import { algorithmIdentifier, children, octets, smallInt, type Node } from '../asn1/reader';
import { objectIdentifier, octetString } from '../asn1/writer';
import { equalBytes } from '../bytes';
import { bmpPassword, pbkdf2Passwords, utf8Password } from '../pbe/bmp-password';
import { DIGESTS, digestByOid, digestOid, hmacByOid, hmacOid, type Digest } from '../pbe/digests';
import { checkIterations, MAX_JS_ITERATIONS } from '../pbe/limits';
import { pbkdf2 } from '../pbe/pbkdf2';
import { pbkdf2Algorithm, readPbkdf2 } from '../pbe/pbes2';
import { KDF_MAC, pkcs12Kdf, pkcs12KdfWatched } from '../pbe/pkcs12-kdf';
import { PkiError } from '../pki-error';
import type { Bytes } from '../types';
import type { Work } from '../work';

/** MacData (RFC 7292 section 4), read once; `verify` then tries candidate passwords. */
interface MacCheck {
  digest: Digest;
  verify(password: string | undefined, work?: Work): Promise<boolean>;
}

function macValue(
  digest: Digest,
  password: string | undefined,
  salt: Uint8Array,
  iterations: number,
  data: Uint8Array,
): Bytes {
  const key = pkcs12Kdf(digest, bmpPassword(password), salt, KDF_MAC, iterations, digest.hash.outputLen);
  return new Uint8Array(hmac(digest.hash, key, data));
}

/**
 * RFC 9579 PBMAC1: PBKDF2 over the password octets (UTF-8, else Latin-1: pbkdf2Passwords)
 * makes the HMAC key; MacData's own macSalt and iterations are ignored ("NOT USED", 1). keyLength must be there and must be the HMAC's
 * output length: the RFC requires it (its appendix A.6 file, without one, is invalid, and
 * OpenSSL, GnuTLS and OpenJDK refuse that file), and a shorter key would weaken the MAC below
 * its hash while still verifying. Both are refused before any password is tried.
 */
function readPbmac1(params: Node | undefined, expected: Uint8Array, authSafeContent: Uint8Array): MacCheck {
  const [kdfNode, macNode] = children(params, 'pbmac1 params', 2);
  const kdfAlg = algorithmIdentifier(kdfNode, 'pbmac1 kdf');
  if (kdfAlg.oid !== PBE.pbkdf2) throw new PkiError('unsupported', `unsupported pbmac1 kdf ${kdfAlg.oid}`);
  const kdf = readPbkdf2(kdfAlg.params);
  const macAlg = algorithmIdentifier(macNode, 'pbmac1 mac');
  const digest = hmacByOid(macAlg.oid);
  if (!digest) throw new PkiError('unsupported', `unsupported pbmac1 mac ${macAlg.oid}`);
  const keyLength = digest.hash.outputLen;
  if (kdf.keyLength === undefined)
    throw new PkiError('malformed', 'pbmac1: the pbkdf2 key length is missing (rfc 9579 requires it)');
  if (kdf.keyLength !== keyLength)
    throw new PkiError(
      'malformed',
      `pbmac1: a ${kdf.keyLength}-byte key for hmac-${digest.name}, whose output is ${keyLength} bytes (rfc 9579 requires them equal)`,
    );
  return {
    digest,
    // PBKDF2 takes octets, so a Latin-1 console's file has its MAC over the Latin-1 octets too.
    verify: async (password, work) => {
      for (const pass of pbkdf2Passwords(password)) {
        const key = await pbkdf2(kdf.prf, pass, kdf.salt, kdf.iterations, keyLength, work);
        if (equalBytes(hmac(digest.hash, key, authSafeContent), expected)) return true;
      }
      return false;
    },
  };
}

/**
 * Reads MacData { mac DigestInfo, macSalt, iterations DEFAULT 1 }. The MAC key comes from the
 * PKCS#12 KDF (ID 3) with the MAC's own hash (appendix B.4), or from PBKDF2 with PBMAC1
 * (RFC 9579). Anything else is 'unsupported', never skipped: a MAC we cannot check must not pass.
 */
export function readMacData(node: Node, authSafeContent: Uint8Array): MacCheck {
  const fields = children(node, 'mac data', 2);
  const [digestInfo, saltNode] = fields;
  const iterNode = fields.at(2);
  const [algorithm, digestNode] = children(digestInfo, 'mac digest info', 2);
  const { oid, params } = algorithmIdentifier(algorithm, 'mac algorithm');
  const expected = octets(digestNode, 'mac digest');
  if (oid === PBE.pbmac1) return readPbmac1(params, expected, authSafeContent);
  const digest = digestByOid(oid);
  if (!digest) throw new PkiError('unsupported', `unsupported mac digest ${oid}`);
  const salt = octets(saltNode, 'mac salt');
  const iterations = iterNode ? checkIterations(smallInt(iterNode, 'mac iterations'), 'mac', MAX_JS_ITERATIONS) : 1;
  return {
    digest,
    verify: async (password, work) => {
      const key = await pkcs12KdfWatched(
        digest,
        bmpPassword(password),
        salt,
        KDF_MAC,
        iterations,
        digest.hash.outputLen,
        work,
      );
      return equalBytes(hmac(digest.hash, key, authSafeContent), expected);
    },
  };
}

/** A fresh MacData over `authSafeContent` with a random 8-byte salt (openssl's length; RFC 7292 allows any). */
export function writeMacData(
  digest: Digest,
  password: string | undefined,
  iterations: number,
  authSafeContent: Uint8Array,
): asn1js.Sequence {
  const salt = crypto.getRandomValues(new Uint8Array(8));
  const mac = macValue(digest, password, salt, iterations, authSafeContent);
  return new asn1js.Sequence({
    value: [
      new asn1js.Sequence({
        value: [
          new asn1js.Sequence({ value: [objectIdentifier(digestOid(digest)), new asn1js.Null()] }),
          octetString(mac),
        ],
      }),
      octetString(salt),
      new asn1js.Integer({ value: iterations }),
    ],
  });
}

/**
 * MacData with PBMAC1 (RFC 9579): PBKDF2-HMAC-SHA-256 with a random 16-byte salt and keyLength
 * 32 makes the key of an HMAC-SHA-256 over `authSafeContent`. The MAC key thus comes from the
 * UTF-8 password through PBKDF2 (NIST SP 800-132) instead of the PKCS#12 KDF. macSalt and
 * iterations are written as the RFC's appendix A files have them ("NOT USED", 1): readers
 * take both from the PBKDF2 parameters. OpenSSL reads PBMAC1 from 3.4 on.
 */
export async function writePbmac1MacData(
  password: string | undefined,
  iterations: number,
  authSafeContent: Uint8Array,
): Promise<asn1js.Sequence> {
  const digest = DIGESTS.sha256;
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const keyLength = digest.hash.outputLen;
  const key = await pbkdf2(digest, utf8Password(password), salt, iterations, keyLength);
  const mac = hmac(digest.hash, key, authSafeContent);
  const pbmac1 = new asn1js.Sequence({
    value: [
      objectIdentifier(PBE.pbmac1),
      new asn1js.Sequence({
        value: [
          pbkdf2Algorithm(salt, iterations, digest, keyLength),
          new asn1js.Sequence({ value: [objectIdentifier(hmacOid(digest)), new asn1js.Null()] }),
        ],
      }),
    ],
  });
  return new asn1js.Sequence({
    value: [
      new asn1js.Sequence({ value: [pbmac1, octetString(mac)] }),
      octetString(new TextEncoder().encode('NOT USED')),
      new asn1js.Integer({ value: 1 }),
    ],
  });
}
