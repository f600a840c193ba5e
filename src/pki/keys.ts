import type { Bytes, KeySpec } from './types';
/**
 * Generates a key pair with WebCrypto. RSA keys are RSASSA-PKCS1-v1_5/SHA-256, EC keys ECDSA.
 * `extractable: false` makes a key nothing can ever export.
 */
export function generateKeyPair(spec: KeySpec, extractable: boolean): Promise<CryptoKeyPair> { throw new Error('todo'); }
export interface ImportedKey { keyPair: CryptoKeyPair; spec: KeySpec; pkcs8: Bytes }
/** PKCS#8 DER into a key pair (the public key is derived), extractable as asked. */
export function importPkcs8(pkcs8: Uint8Array, extractable: boolean): Promise<ImportedKey> { throw new Error('todo'); }
/** PEM or DER: PKCS#8, PKCS#1 RSA, SEC1 EC, encrypted PKCS#8 (PBES2 and legacy PBEs). */
export function importPrivateKey(bytes: Uint8Array, options: { password?: string; extractable: boolean }): Promise<ImportedKey> { throw new Error('todo'); }
export function exportSpki(publicKey: CryptoKey): Promise<Bytes> { throw new Error('todo'); }
export function keySpecOf(key: CryptoKey): KeySpec { throw new Error('todo'); }
/** SPKI equality between a public key and a certificate's subject public key. */
export function publicKeyMatchesCertificate(publicKey: CryptoKey, certificateDer: Uint8Array): Promise<boolean> { throw new Error('todo'); }
