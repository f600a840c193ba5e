/**
 * The CryptographyClient shapes (@azure/keyvault-keys names): what getCryptographyClient
 * returns. Split from types.ts to keep each file about one thing.
 */
import type { Bytes } from '../pki/types';

/** JWA names as the SDK's KnownSignatureAlgorithms / KnownEncryptionAlgorithms. */
export type SignatureAlgorithm =
  'RS256' | 'RS384' | 'RS512' | 'PS256' | 'PS384' | 'PS512' | 'ES256' | 'ES384' | 'ES512';
export type EncryptionAlgorithm = 'RSA-OAEP' | 'RSA-OAEP-256';
export type KeyWrapAlgorithm = EncryptionAlgorithm;

export interface SignResult {
  result: Bytes;
  algorithm: SignatureAlgorithm;
  keyID: string;
}
export interface VerifyResult {
  result: boolean;
  keyID: string;
}
export interface EncryptParameters {
  algorithm: EncryptionAlgorithm;
  plaintext: Uint8Array;
}
export interface EncryptResult {
  result: Bytes;
  algorithm: EncryptionAlgorithm;
  keyID: string;
}
export interface DecryptParameters {
  algorithm: EncryptionAlgorithm;
  ciphertext: Uint8Array;
}
export interface DecryptResult {
  result: Bytes;
  algorithm: EncryptionAlgorithm;
  keyID: string;
}
export interface WrapResult {
  result: Bytes;
  algorithm: KeyWrapAlgorithm;
  keyID: string;
}
export interface UnwrapResult {
  result: Bytes;
  algorithm: KeyWrapAlgorithm;
  keyID: string;
}

/** Shaped like the SDK's CryptographyClient; the key never leaves the vault. */
export interface CryptographyClient {
  readonly keyID: string;
  signData(algorithm: SignatureAlgorithm, data: Uint8Array): Promise<SignResult>;
  verifyData(algorithm: SignatureAlgorithm, data: Uint8Array, signature: Uint8Array): Promise<VerifyResult>;
  encrypt(parameters: EncryptParameters): Promise<EncryptResult>;
  decrypt(parameters: DecryptParameters): Promise<DecryptResult>;
  wrapKey(algorithm: KeyWrapAlgorithm, key: Uint8Array): Promise<WrapResult>;
  unwrapKey(algorithm: KeyWrapAlgorithm, encryptedKey: Uint8Array): Promise<UnwrapResult>;
}
