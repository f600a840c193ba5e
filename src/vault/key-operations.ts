/**
 * Key usage → permitted key operations, and JWA algorithm names → WebCrypto parameters.
 * Pure tables; crypto-client.ts applies them.
 */
import type { EncryptionAlgorithm, KeyUsageType, SignatureAlgorithm } from './types';

/** The SDK's KeyOperation names that a CryptographyClient can perform. */
export type KeyOperation = 'sign' | 'verify' | 'encrypt' | 'decrypt' | 'wrapKey' | 'unwrapKey';

/**
 * ARCHITECTURE §5 (seed 001): how Key Vault derives a certificate key's key_ops from the policy's
 * key usage. keyAgreement grants nothing a CryptographyClient offers.
 */
const OPS_BY_USAGE: Record<KeyUsageType, readonly KeyOperation[]> = {
  dataEncipherment: ['encrypt', 'decrypt'],
  decipherOnly: ['decrypt'],
  digitalSignature: ['sign', 'verify'],
  encipherOnly: ['encrypt'],
  keyCertSign: ['sign', 'verify'],
  keyEncipherment: ['wrapKey', 'unwrapKey'],
  nonRepudiation: ['sign', 'verify'],
  cRLSign: ['sign', 'verify'],
  keyAgreement: [],
};

/** Key Vault's default when a policy names no usage. */
const DEFAULT_KEY_USAGE: readonly KeyUsageType[] = ['digitalSignature', 'keyEncipherment'];

/** The operations a key with these usages may perform (none given → the default usages). */
export function keyOperationsFor(keyUsage: readonly KeyUsageType[] | undefined): Set<KeyOperation> {
  const usages = keyUsage && keyUsage.length > 0 ? keyUsage : DEFAULT_KEY_USAGE;
  const ops = new Set<KeyOperation>();
  // Widened: a stored policy written by another Certkeep version may name a usage this one lacks.
  const table: Partial<Record<string, readonly KeyOperation[]>> = OPS_BY_USAGE;
  for (const usage of usages) for (const op of table[usage] ?? []) ops.add(op);
  return ops;
}

/** The usages as the message of a Forbidden error lists them. */
export function describeKeyUsage(keyUsage: readonly KeyUsageType[] | undefined): string {
  return keyUsage && keyUsage.length > 0 ? keyUsage.join(', ') : `${DEFAULT_KEY_USAGE.join(', ')} (the default)`;
}

type Hash = 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512';

/** WebCrypto parameters of a JWA signature algorithm (RFC 7518 §3.1). */
export type SignatureScheme =
  | { kty: 'RSA'; name: 'RSASSA-PKCS1-v1_5'; hash: Hash }
  | { kty: 'RSA'; name: 'RSA-PSS'; hash: Hash; saltLength: number }
  | { kty: 'EC'; name: 'ECDSA'; hash: Hash; curve: 'P-256' | 'P-384' | 'P-521' };

export const SIGNATURE_SCHEMES: Record<SignatureAlgorithm, SignatureScheme> = {
  RS256: { kty: 'RSA', name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
  RS384: { kty: 'RSA', name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-384' },
  RS512: { kty: 'RSA', name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-512' },
  // RFC 7518 §3.5: the PSS salt is as long as the hash output.
  PS256: { kty: 'RSA', name: 'RSA-PSS', hash: 'SHA-256', saltLength: 32 },
  PS384: { kty: 'RSA', name: 'RSA-PSS', hash: 'SHA-384', saltLength: 48 },
  PS512: { kty: 'RSA', name: 'RSA-PSS', hash: 'SHA-512', saltLength: 64 },
  // RFC 7518 §3.4: ESxxx names the curve as well as the hash (ES256 = P-256 + SHA-256).
  ES256: { kty: 'EC', name: 'ECDSA', hash: 'SHA-256', curve: 'P-256' },
  ES384: { kty: 'EC', name: 'ECDSA', hash: 'SHA-384', curve: 'P-384' },
  ES512: { kty: 'EC', name: 'ECDSA', hash: 'SHA-512', curve: 'P-521' },
};

/** WebCrypto parameters of a JWA key-encryption algorithm (RFC 7518 §4.3: OAEP with SHA-1 / SHA-256). */
export const ENCRYPTION_SCHEMES: Record<EncryptionAlgorithm, { name: 'RSA-OAEP'; hash: Hash }> = {
  'RSA-OAEP': { name: 'RSA-OAEP', hash: 'SHA-1' },
  'RSA-OAEP-256': { name: 'RSA-OAEP', hash: 'SHA-256' },
};

export function isSignatureAlgorithm(a: unknown): a is SignatureAlgorithm {
  return typeof a === 'string' && Object.hasOwn(SIGNATURE_SCHEMES, a);
}

export function isEncryptionAlgorithm(a: unknown): a is EncryptionAlgorithm {
  return typeof a === 'string' && Object.hasOwn(ENCRYPTION_SCHEMES, a);
}

/** The WebCrypto import algorithm for a key to be used with a signature scheme. */
export function signatureImportAlgorithm(s: SignatureScheme): RsaHashedImportParams | EcKeyImportParams {
  return s.kty === 'EC' ? { name: 'ECDSA', namedCurve: s.curve } : { name: s.name, hash: s.hash };
}

/** The WebCrypto sign/verify parameters for a signature scheme. */
export function signatureParams(s: SignatureScheme): AlgorithmIdentifier | RsaPssParams | EcdsaParams {
  if (s.name === 'RSA-PSS') return { name: 'RSA-PSS', saltLength: s.saltLength };
  if (s.name === 'ECDSA') return { name: 'ECDSA', hash: s.hash };
  return { name: s.name };
}
