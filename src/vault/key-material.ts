/**
 * Key pairs for versions. A key is generated `extractable: false` unless the policy says
 * exportable (ARCHITECTURE §5); its at-rest form is key-access.ts's decision.
 */
import { generateKeyPair } from '../pki/keys';
import type { KeySpec } from '../pki/types';
import { storeNewKey } from './access/key-access';
import type { VaultContext } from './context';
import { newVersionId } from './ids';
import type { KeyRecord } from './vault-store';

/** A new key: the row to store, and the pair in memory to sign the CSR or certificate with now. */
export interface NewKey {
  record: KeyRecord;
  pair: CryptoKeyPair;
}

export async function newKeyRecord(
  ctx: VaultContext,
  certificateKey: string,
  spec: KeySpec,
  exportable: boolean,
): Promise<NewKey> {
  const pair = await generateKeyPair(spec, exportable);
  const record = await storeNewKey(ctx, certificateKey, { pair }, spec, exportable, { id: newVersionId() });
  return { record, pair };
}

export function sameSpec(a: KeySpec, b: KeySpec): boolean {
  return a.kty === 'RSA' ? b.kty === 'RSA' && a.size === b.size : b.kty === 'EC' && a.curve === b.curve;
}
