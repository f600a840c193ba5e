import * as asn1js from 'asn1js';
import { hmac } from '@noble/hashes/hmac.js';
import { PkiError } from '../pki-error';
import type { Bytes } from '../types';
import { bmpPassword } from '../pbe/bmp-password';
import { algorithmIdentifier, children, octets, smallInt, type Node } from '../pbe/der';
import { DIGEST_BY_OID, digestOid, type Digest } from '../pbe/digests';
import { checkIterations } from '../pbe/limits';
import { OID } from '../pbe/oids';
import { KDF_MAC, pkcs12Kdf } from '../pbe/pkcs12-kdf';

/** MacData (RFC 7292 section 4), read once; `verify` then tries candidate passwords. */
export interface MacCheck {
  digest: Digest;
  verify(password: string | undefined): boolean;
}

function macValue(digest: Digest, password: string | undefined, salt: Uint8Array, iterations: number, data: Uint8Array): Bytes {
  const key = pkcs12Kdf(digest, bmpPassword(password), salt, KDF_MAC, iterations, digest.hash.outputLen);
  return new Uint8Array(hmac(digest.hash, key, data));
}

function equal(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i] ^ b[i];
  return diff === 0;
}

/**
 * Reads MacData { mac DigestInfo, macSalt, iterations DEFAULT 1 }. The MAC key comes from the
 * PKCS#12 KDF (ID 3) with the MAC's own hash (appendix B.4). PBMAC1 (RFC 9579) is refused as
 * unsupported rather than skipped: a MAC we cannot check must never pass silently.
 */
export function readMacData(node: Node, authSafeContent: Uint8Array): MacCheck {
  const [digestInfo, saltNode, iterNode] = children(node, 'mac data', 2);
  const [algorithm, digestNode] = children(digestInfo, 'mac digest info', 2);
  const { oid } = algorithmIdentifier(algorithm, 'mac algorithm');
  if (oid === OID.pbmac1) throw new PkiError('unsupported', `unsupported mac pbmac1 (${oid})`);
  const digest = DIGEST_BY_OID[oid];
  if (!digest) throw new PkiError('unsupported', `unsupported mac digest ${oid}`);
  const expected = octets(digestNode, 'mac digest');
  const salt = octets(saltNode, 'mac salt');
  const iterations = iterNode ? checkIterations(smallInt(iterNode, 'mac iterations'), 'mac') : 1;
  return { digest, verify: (password) => equal(macValue(digest, password, salt, iterations, authSafeContent), expected) };
}

/** A fresh MacData over `authSafeContent` with a random 8-byte salt (openssl's length; RFC 7292 allows any). */
export function writeMacData(digest: Digest, password: string | undefined, iterations: number, authSafeContent: Uint8Array): asn1js.Sequence {
  const salt = crypto.getRandomValues(new Uint8Array(8));
  const mac = macValue(digest, password, salt, iterations, authSafeContent);
  return new asn1js.Sequence({
    value: [
      new asn1js.Sequence({
        value: [
          new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: digestOid(digest) }), new asn1js.Null()] }),
          new asn1js.OctetString({ valueHex: mac.buffer }),
        ],
      }),
      new asn1js.OctetString({ valueHex: salt.buffer }),
      new asn1js.Integer({ value: iterations }),
    ],
  });
}
