/**
 * The one place the local CA takes a private key to sign certificates and CRLs with. Signing
 * uses sha256WithRSAEncryption for RSA and ECDSA with the curve's hash, which is exactly what a
 * key bound at generation (RSASSA-PKCS1-v1_5/SHA-256, ECDSA) does, so an HSM-kind key that can
 * never be exported signs too (ARCHITECTURE §8 "Local CA").
 *
 * The key comes through access/key-access.ts like every other private-key use: in a protected
 * vault a CA's sealed key is opened for this one algorithm and usage (Locked while the vault is
 * locked), and a device-bound key (RSA-HSM / EC-HSM) is used as it is stored, also while locked.
 */
import type { VaultContext } from '../context';
import type { KeySpec } from '../../pki/types';
import { usablePrivateKey, type KeyImportAlgorithm } from '../access/key-access';
import type { KeyRecord } from '../vault-store';

/** The WebCrypto algorithm a CA key signs with: RS256's for RSA, ECDSA on the key's curve. */
function caSigningAlgorithm(spec: KeySpec): KeyImportAlgorithm {
  return spec.kty === 'RSA'
    ? { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }
    : { name: 'ECDSA', namedCurve: spec.curve };
}

/**
 * The CA's private key, usable to sign with caSigningAlgorithm(keyRecord.spec). Locked when it
 * is sealed and the vault is locked; Unsupported when a non-extractable key is bound to another
 * algorithm.
 */
export function signingKeyOf(ctx: VaultContext, keyRecord: KeyRecord, caName: string): Promise<CryptoKey> {
  const algorithm = caSigningAlgorithm(keyRecord.spec);
  return usablePrivateKey(ctx, keyRecord, algorithm, 'sign', {
    label: `the key of CA certificate "${caName}" in vault "${ctx.name}"`,
    algorithmName: keyRecord.spec.kty === 'RSA' ? 'sha256WithRSAEncryption' : 'ECDSA',
  });
}
