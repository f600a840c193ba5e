/**
 * importCertificate (ARCHITECTURE §5): a PFX (password may be empty) or PEM with key and
 * certificates becomes a new version. The key is imported extractable only when the policy is
 * exportable. Expired certificates are accepted: the vault keeps history, and the attributes
 * (expiresOn) show the state; their key and secret are then Forbidden like any expired version.
 */
import { importPkcs8 } from '../pki/keys';
import { findLeafForKey, orderChain } from '../pki/chain';
import { readKeyBundle, type KeyBundle } from '../pki/key-bundle';
import { parseCertificate } from '../pki/certificate-info';
import { validateAttributes } from './attributes';
import type { VaultContext } from './context';
import { derivePolicy } from './import-policy';
import { keyProtectionOf, storeNewKey } from './access/key-access';
import { newVersionId } from './ids';
import { sameSpec } from './key-material';
import { assertNoPendingOperation, assertNotDeleted, discardOldOperation, knownIssuers } from './lookups';
import { KEY_MISMATCH } from './merge';
import { certificateKey } from './names';
import { defaultPolicy, isExportable, isHsmPolicy, keySpecOfPolicy, validatePolicy } from './policy';
import type { ImportCertificateOptions, KeyVaultCertificateWithPolicy } from './types';
import { buildVersion, commitVersion } from './version-records';
import { parsing, toVaultError, VaultError } from './vault-error';
import { toCertificateWithPolicy } from './views';
import { watchWork } from './long-work';

export async function importCertificate(
  ctx: VaultContext,
  name: string,
  bytes: Uint8Array,
  options: ImportCertificateOptions = {},
): Promise<KeyVaultCertificateWithPolicy> {
  const key = certificateKey(name);
  validateAttributes(options);
  // Cancel is seen between the key derivation's blocks (pki/work.ts) and right before the one
  // write; once that runs the certificate is imported whole.
  const watched = watchWork(options, 'Importing the file');
  watched.check();
  // Checked at run time: the bytes come from the caller, whatever its static type said.
  const given: unknown = bytes;
  if (!(given instanceof Uint8Array) || given.length === 0) {
    throw new VaultError(
      'BadParameter',
      'The file to import is empty: choose a PFX/P12 file or a PEM file with a private key and its certificate.',
      { field: 'file' },
    );
  }
  const before = await ctx.store.read(async (tx) => {
    await assertNotDeleted(tx, key, name);
    await assertNoPendingOperation(tx, key, name);
    return { existing: await tx.get('certificates', key), issuers: await knownIssuers(tx) };
  });

  let bundle: KeyBundle;
  try {
    watched.step('deriving-key');
    bundle = await readKeyBundle(bytes, options.password, watched.work);
  } catch (e) {
    watched.check();
    throw toVaultError(e, 'The file', { parsing: true });
  }
  if (!bundle.pkcs8) {
    throw new VaultError(
      'BadParameter',
      `The ${bundle.format === 'pem' ? 'PEM' : 'PFX'} file holds no private key: import needs the key with its certificate (a PFX, or a PEM with a PRIVATE KEY block). To store a certificate without its key, create the certificate with issuer "Unknown" and merge it.`,
      { field: 'file' },
    );
  }
  if (bundle.certificates.length === 0) {
    throw new VaultError(
      'BadParameter',
      `The ${bundle.format === 'pem' ? 'PEM' : 'PFX'} file holds a private key but no certificate: add the certificate (and its chain) to the file.`,
      { field: 'file' },
    );
  }

  const explicit = options.policy ? defaultPolicy(options.policy) : undefined;
  const exportable = isExportable(explicit ?? defaultPolicy(before.existing?.policy ?? {}));
  const imported = await importPkcs8(bundle.pkcs8, exportable).catch((e: unknown) => {
    throw toVaultError(e, 'The private key in the file', { parsing: true });
  });
  const leaf = await parsing('The certificate in the file', () =>
    findLeafForKey(bundle.certificates, imported.keyPair.publicKey),
  );
  if (!leaf) throw new VaultError('BadParameter', KEY_MISMATCH, { field: 'file' });
  const info = await parsing('The certificate in the file', () => parseCertificate(leaf));
  if (explicit && !sameSpec(keySpecOfPolicy(explicit), imported.spec)) {
    const actual = imported.spec.kty === 'RSA' ? `RSA ${imported.spec.size}` : `EC ${imported.spec.curve}`;
    throw new VaultError(
      'BadParameter',
      `The policy asks for keyType ${explicit.keyType} ${explicit.keyType?.startsWith('EC') ? explicit.keyCurveName : explicit.keySize} but the key in the file is ${actual}: change the policy's key fields or leave the policy out.`,
      { field: 'keyType' },
    );
  }
  const policy = explicit ?? derivePolicy(info, imported.spec, exportable, before.existing?.policy).policy;
  validatePolicy(policy, { ...before.issuers, imported: !explicit });

  const keyRecord = await storeNewKey(
    ctx,
    key,
    { pair: imported.keyPair, pkcs8: imported.pkcs8 },
    imported.spec,
    exportable,
    { id: newVersionId(), merged: true, hsm: isHsmPolicy(policy) },
  );
  const chain = await parsing('The certificate chain in the file', () =>
    orderChain(bundle.certificates, { preserveOrder: options.preserveCertificateOrder, leafSpki: keyRecord.spki }),
  );
  const version = await parsing('The certificate in the file', () =>
    buildVersion(ctx, {
      certificateKey: key,
      cer: leaf,
      chain: chain.length ? chain : [leaf],
      keyId: keyRecord.id,
      keyExportable: exportable,
      keyProtection: keyProtectionOf(keyRecord),
      enabled: options.enabled ?? policy.enabled ?? true,
      tags: options.tags,
    }),
  );
  watched.step('writing', 1, 1);
  return ctx.store.write(async (tx) => {
    await assertNotDeleted(tx, key, name);
    await assertNoPendingOperation(tx, key, name);
    await discardOldOperation(tx, key);
    const { cert, version: written } = await commitVersion(tx, ctx, { name, version, key: keyRecord, policy });
    return toCertificateWithPolicy(ctx, cert, written);
  });
}
