/**
 * The one place the local CA takes a private key to sign certificates and CRLs with. Signing
 * uses sha256WithRSAEncryption for RSA and ECDSA with the curve's hash, which is exactly what a
 * key bound at generation (RSASSA-PKCS1-v1_5/SHA-256, ECDSA) does, so an HSM-kind key that can
 * never be exported signs too.
 */
import type { VaultContext } from '../context';
import type { KeySpec } from '../../pki/types';
import { VaultError } from '../vault-error';
import type { KeyRecord } from '../vault-store';

/** The WebCrypto algorithm a CA key signs with: RS256's for RSA, ECDSA on the key's curve. */
function caSigningAlgorithm(spec: KeySpec): RsaHashedImportParams | EcKeyImportParams {
  return spec.kty === 'RSA'
    ? { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }
    : { name: 'ECDSA', namedCurve: spec.curve };
}

/**
 * The CA's private key, usable to sign with caSigningAlgorithm(keyRecord.spec). Every signature
 * the local CA makes gets its key here, so protecting keys at rest changes this one function.
 */
export function signingKeyOf(ctx: VaultContext, keyRecord: KeyRecord, caName: string): Promise<CryptoKey> {
  const key = keyRecord.privateKey;
  const wanted = caSigningAlgorithm(keyRecord.spec);
  const bound = key.algorithm as KeyAlgorithm & { hash?: { name: string } };
  // A key bound to another hash (a backup restored as it was bound) signs with that hash: pki reads it from the key.
  if (bound.name !== wanted.name || !key.usages.includes('sign')) {
    return Promise.reject(
      new VaultError(
        'Unsupported',
        `The key of CA certificate "${caName}" in vault "${ctx.name}" is bound to ${bound.name}${bound.hash ? `/${bound.hash.name}` : ''}, which cannot sign certificates here (sha256WithRSAEncryption or ECDSA).`,
      ),
    );
  }
  return Promise.resolve(key);
}
