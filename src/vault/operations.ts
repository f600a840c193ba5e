/**
 * The pending certificate operation: read, cancel, delete (Key Vault's
 * get/cancel/deleteCertificateOperation). Cancel keeps the record, marked cancelled, so a late
 * merge is refused; delete removes it, and with it a certificate that never got a version.
 */
import type { VaultContext } from './context';
import { requireOperation } from './lookups';
import { certificateKey } from './names';
import type { CertificateOperation } from './types';
import { VaultError } from './vault-error';
import { toOperation } from './views';

export async function getCertificateOperation(ctx: VaultContext, name: string): Promise<CertificateOperation> {
  const key = certificateKey(name);
  return ctx.store.read(async (tx) => toOperation(ctx, await requireOperation(tx, key, name)));
}

export async function cancelCertificateOperation(ctx: VaultContext, name: string): Promise<CertificateOperation> {
  const key = certificateKey(name);
  return ctx.store.write(async (tx) => {
    const op = await requireOperation(tx, key, name);
    if (op.status !== 'inProgress') {
      throw new VaultError(
        'BadParameter',
        `The certificate operation of "${name}" is ${op.status}: only a pending operation can be cancelled.`,
      );
    }
    const cancelled = {
      ...op,
      cancellationRequested: true,
      status: 'cancelled' as const,
      statusDetails: 'The certificate request was cancelled. Delete the operation, or create the certificate again.',
      updatedOn: ctx.now(),
    };
    await tx.put('operations', cancelled);
    return toOperation(ctx, cancelled);
  });
}

export async function deleteCertificateOperation(ctx: VaultContext, name: string): Promise<CertificateOperation> {
  const key = certificateKey(name);
  return ctx.store.write(async (tx) => {
    const op = await requireOperation(tx, key, name);
    await tx.delete('operations', key);
    const keyRecord = await tx.get('keys', op.keyId);
    // The pending key was never used by a version: nothing else can reach it.
    if (keyRecord && !keyRecord.merged) await tx.delete('keys', op.keyId);
    const cert = await tx.get('certificates', key);
    if (cert && !cert.latest) await tx.delete('certificates', key);
    return toOperation(ctx, op);
  });
}
