/**
 * Key pairs for versions. A key is generated `extractable: false` unless the policy says
 * exportable (ARCHITECTURE §5), except in a protected vault, where a software key is generated
 * extractable in memory only to be sealed at once (its PKCS#8 is all that is stored, and
 * key-access.ts hands it out only when exportable). Its at-rest form is key-access.ts's decision.
 */
import { generateKeyPair } from '../pki/keys';
import type { KeySpec } from '../pki/types';
import { newKeyForm, storeNewKey } from './access/key-access';
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
  hsm: boolean,
): Promise<NewKey> {
  const form = await newKeyForm(ctx, hsm);
  const pair = await generateKeyPair(spec, form.form === 'sealed' || exportable);
  const record = await storeNewKey(ctx, certificateKey, { pair }, spec, exportable, { id: newVersionId(), form });
  return { record, pair };
}

export function sameSpec(a: KeySpec, b: KeySpec): boolean {
  return a.kty === 'RSA' ? b.kty === 'RSA' && a.size === b.size : b.kty === 'EC' && a.curve === b.curve;
}
