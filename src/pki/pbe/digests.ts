import { md5, sha1 } from '@noble/hashes/legacy.js';
import { sha224, sha256, sha384, sha512 } from '@noble/hashes/sha2.js';
import type { CHash } from '@noble/hashes/utils.js';
import { DIGEST, HMAC } from '../asn1/oids';
import { PkiError } from '../pki-error';
import { sha1Iterate } from './sha1-iterate';

/** A digest as the PBE code needs it: noble for the JS KDFs, the WebCrypto name where one exists. */
export interface Digest {
  name: string;
  hash: CHash;
  /** WebCrypto's name; SHA-224 and MD5 have none. */
  webCrypto?: 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512';
  /** hash(hash(…(digest))) `times` more times, when a faster path than calling `hash` exists */
  iterate?: (digest: Uint8Array, times: number) => Uint8Array;
}

const SHA1: Digest = { name: 'sha1', hash: sha1, webCrypto: 'SHA-1', iterate: sha1Iterate };
const SHA224: Digest = { name: 'sha224', hash: sha224 };
const SHA256: Digest = { name: 'sha256', hash: sha256, webCrypto: 'SHA-256' };
const SHA384: Digest = { name: 'sha384', hash: sha384, webCrypto: 'SHA-384' };
const SHA512: Digest = { name: 'sha512', hash: sha512, webCrypto: 'SHA-512' };
export const MD5: Digest = { name: 'md5', hash: md5 };

/** By digest algorithm OID, as in a PKCS#12 MacData DigestInfo. */
const BY_DIGEST_OID = new Map<string, Digest>([
  [DIGEST.sha1, SHA1],
  [DIGEST.sha224, SHA224],
  [DIGEST.sha256, SHA256],
  [DIGEST.sha384, SHA384],
  [DIGEST.sha512, SHA512],
]);

/** By HMAC PRF OID, as in PBKDF2 and PBMAC1 parameters. */
const BY_HMAC_OID = new Map<string, Digest>([
  [HMAC.hmacWithSHA1, SHA1],
  [HMAC.hmacWithSHA224, SHA224],
  [HMAC.hmacWithSHA256, SHA256],
  [HMAC.hmacWithSHA384, SHA384],
  [HMAC.hmacWithSHA512, SHA512],
]);

export const DIGESTS = { sha1: SHA1, sha256: SHA256, sha384: SHA384, sha512: SHA512 } as const;

/** The digest a DigestInfo names; undefined for one we do not do. */
export function digestByOid(oid: string): Digest | undefined {
  return BY_DIGEST_OID.get(oid);
}

/** The hash under an HMAC PRF OID; undefined for one we do not do. */
export function hmacByOid(oid: string): Digest | undefined {
  return BY_HMAC_OID.get(oid);
}

function oidIn(table: Map<string, Digest>, digest: Digest, what: string): string {
  for (const [oid, d] of table) if (d === digest) return oid;
  throw new PkiError('unsupported', `${digest.name} has no ${what} oid`);
}

/** The digest algorithm OID of a digest (to write a MacData). */
export function digestOid(digest: Digest): string {
  return oidIn(BY_DIGEST_OID, digest, 'digest');
}

/** The HMAC PRF OID of a digest (to write PBKDF2 parameters). */
export function hmacOid(digest: Digest): string {
  return oidIn(BY_HMAC_OID, digest, 'hmac');
}
