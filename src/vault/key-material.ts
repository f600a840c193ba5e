/**
 * Key pairs for versions. A key is generated `extractable: false` unless the policy says
 * exportable (ARCHITECTURE §5): the browser then refuses every export, and so does the vault.
 */
import { exportSpki, generateKeyPair } from '../pki/keys';
import type { KeySpec } from '../pki/types';
import { newVersionId } from './ids';
import type { KeyRecord } from './vault-store';

export async function newKeyRecord(certificateKey: string, spec: KeySpec, exportable: boolean): Promise<KeyRecord> {
  const pair = await generateKeyPair(spec, exportable);
  return keyRecordOf(certificateKey, pair, spec, exportable, false);
}

export async function keyRecordOf(
  certificateKey: string,
  pair: CryptoKeyPair,
  spec: KeySpec,
  exportable: boolean,
  merged: boolean,
): Promise<KeyRecord> {
  return {
    id: newVersionId(),
    certificateKey,
    privateKey: pair.privateKey,
    publicKey: pair.publicKey,
    spec,
    exportable,
    spki: await exportSpki(pair.publicKey),
    merged,
  };
}

export function sameSpec(a: KeySpec, b: KeySpec): boolean {
  return a.kty === 'RSA' ? b.kty === 'RSA' && a.size === b.size : b.kty === 'EC' && a.curve === b.curve;
}
