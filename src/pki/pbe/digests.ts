import { md5, sha1 } from '@noble/hashes/legacy.js';
import { sha224, sha256, sha384, sha512 } from '@noble/hashes/sha2.js';
import type { CHash } from '@noble/hashes/utils.js';
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

/** Digest algorithm OIDs (RFC 3279, RFC 5758), as in a PKCS#12 MacData DigestInfo. */
export const DIGEST_BY_OID: Record<string, Digest> = {
  '1.3.14.3.2.26': SHA1,
  '2.16.840.1.101.3.4.2.4': SHA224,
  '2.16.840.1.101.3.4.2.1': SHA256,
  '2.16.840.1.101.3.4.2.2': SHA384,
  '2.16.840.1.101.3.4.2.3': SHA512,
};

/** HMAC PRF OIDs for PBKDF2 (RFC 8018 appendix B.1). */
export const HMAC_BY_OID: Record<string, Digest> = {
  '1.2.840.113549.2.7': SHA1,
  '1.2.840.113549.2.8': SHA224,
  '1.2.840.113549.2.9': SHA256,
  '1.2.840.113549.2.10': SHA384,
  '1.2.840.113549.2.11': SHA512,
};

export const DIGESTS = { sha1: SHA1, sha256: SHA256, sha384: SHA384, sha512: SHA512 } as const;

export function digestOid(digest: Digest): string {
  return Object.keys(DIGEST_BY_OID).find((k) => DIGEST_BY_OID[k] === digest)!;
}

export function hmacOid(digest: Digest): string {
  return Object.keys(HMAC_BY_OID).find((k) => HMAC_BY_OID[k] === digest)!;
}
