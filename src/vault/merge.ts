/**
 * mergeCertificate (ARCHITECTURE §5): the CA's answer to a pending CSR becomes a version. Each
 * element may be DER, PEM (one or many certificates) or PKCS#7 (PEM or DER).
 */
import { readCertificates } from '../pki/certificate-bundle';
import { findLeafForKey, orderChain } from '../pki/chain';
import type { Bytes } from '../pki/types';
import { keyProtectionOf, publicKeyOf } from './access/key-access';
import type { VaultContext } from './context';
import { certificateKey } from './names';
import type { KeyVaultCertificateWithPolicy, MergeCertificateOptions } from './types';
import { buildVersion, commitVersion } from './version-records';
import { parsing, toVaultError, VaultError } from './vault-error';
import type { KeyRecord, OperationRecord } from './vault-store';
import { toCertificateWithPolicy } from './views';

/** Key Vault's words, kept exactly (scripts match on them). */
export const KEY_MISMATCH =
  'The public key of the end-entity certificate in the specified X.509 certificate content does not match the public part of the specified private key. Please check if certificate is valid';
export const CSR_ALREADY_USED =
  'The CSR used to get your certificate has already been used to merge a certificate. Create a new certificate request (or set reuseKey in the policy) to merge another certificate.';

export async function mergeCertificate(
  ctx: VaultContext,
  name: string,
  x509Certificates: Uint8Array[],
  options: MergeCertificateOptions = {},
): Promise<KeyVaultCertificateWithPolicy> {
  const key = certificateKey(name);
  // Checked at run time: the list comes from the caller, whatever its static type said.
  const given: unknown = x509Certificates;
  if (!Array.isArray(given) || given.length === 0) {
    throw new VaultError(
      'BadParameter',
      'x509Certificates is empty: give the signed certificate (DER, PEM or PKCS#7), optionally with its chain.',
      { field: 'file' },
    );
  }
  const { op, keyRecord } = await ctx.store.read(async (tx) => {
    const op = await tx.get('operations', key);
    if (!op)
      throw new VaultError(
        'NotFound',
        `Certificate "${name}" has no pending certificate request to merge into: create it with issuer "Unknown" first.`,
      );
    return { op, keyRecord: await tx.get('keys', op.keyId) };
  });
  assertMergeable(op, name);
  if (!keyRecord)
    throw new VaultError(
      'NotFound',
      `The key of the pending request for "${name}" is gone: create the certificate again.`,
    );

  const certificates: Bytes[] = [];
  x509Certificates.forEach((bytes, i) => {
    try {
      certificates.push(...readCertificates(bytes));
    } catch (e) {
      throw toVaultError(e, `Certificate ${i + 1} of ${x509Certificates.length}`, { parsing: true });
    }
  });
  if (certificates.length === 0)
    throw new VaultError('BadParameter', 'No certificate was found in x509Certificates.', { field: 'file' });
  const publicKey = await publicKeyOf(keyRecord);
  const leaf = await parsing('The certificate', () => findLeafForKey(certificates, publicKey));
  if (!leaf) throw new VaultError('BadParameter', KEY_MISMATCH, { field: 'file' });
  // A CSR's key is used once, unless the policy keeps keys across versions (Key Vault's rule).
  if (keyRecord.merged && !op.policy.reuseKey) throw new VaultError('BadParameter', CSR_ALREADY_USED);
  const chain = await parsing('The certificate chain', () =>
    orderChain(certificates, { preserveOrder: options.preserveCertificateOrder, leafSpki: keyRecord.spki }),
  );
  const version = await parsing('The certificate', () =>
    buildVersion(ctx, {
      certificateKey: key,
      cer: leaf,
      chain: chain.length ? chain : [leaf],
      keyId: keyRecord.id,
      keyExportable: keyRecord.exportable,
      keyProtection: keyProtectionOf(keyRecord),
      enabled: op.enabled,
      tags: op.tags,
    }),
  );

  return ctx.store.write(async (tx) => {
    // Re-read: the operation may have changed since the checks above (another tab).
    const current = await tx.get('operations', key);
    if (!current || current.requestId !== op.requestId) {
      throw new VaultError(
        'Conflict',
        `The certificate request of "${name}" changed while merging: read the operation again and retry.`,
      );
    }
    assertMergeable(current, name);
    const merged: KeyRecord = { ...keyRecord, merged: true };
    // createCertificate already made the request's policy the certificate's (as Key Vault does),
    // and updateCertificatePolicy may have changed it since: the current policy stands.
    const { cert, version: written } = await commitVersion(tx, ctx, { name, version, key: merged });
    await tx.put('operations', {
      ...current,
      status: 'completed',
      statusDetails: '',
      updatedOn: ctx.now(),
    });
    return toCertificateWithPolicy(ctx, cert, written);
  });
}

function assertMergeable(op: OperationRecord, name: string): void {
  if (op.status === 'cancelled' || op.cancellationRequested) {
    throw new VaultError(
      'BadParameter',
      `The certificate request of "${name}" was cancelled: create the certificate again to get a new CSR.`,
    );
  }
  if (op.status === 'failed') {
    throw new VaultError(
      'BadParameter',
      `The certificate request of "${name}" failed${op.error ? ` (${op.error.message})` : ''}: create the certificate again.`,
    );
  }
}
