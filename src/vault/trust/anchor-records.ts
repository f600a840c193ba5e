/**
 * Trust anchors as stored (schema v6) and as the API returns them, and the reads that need no
 * certificate parsing (list, remove), so they load with the vault and not with the PKI code.
 */
import type { VaultContext } from '../context';
import { VaultError } from '../vault-error';
import type { TrustAnchorRecord } from '../vault-store';
import type { TrustAnchor } from './trust-types';

export function toTrustAnchor(r: TrustAnchorRecord): TrustAnchor {
  return {
    sha256: r.sha256,
    subject: r.subject,
    issuer: r.issuer,
    notBefore: new Date(r.notBefore),
    expiresOn: new Date(r.expiresOn),
    selfSigned: r.selfSigned,
    addedOn: new Date(r.addedOn),
    cer: new Uint8Array(r.cer),
  };
}

/** "AB:CD…", "abcd…" and "AB CD …" all name the same fingerprint; anything else is BadParameter. */
function fingerprintOf(sha256: string): string {
  const hex = typeof sha256 === 'string' ? sha256.replace(/[\s:]/g, '').toUpperCase() : '';
  if (!/^[0-9A-F]{64}$/.test(hex)) {
    throw new VaultError(
      'BadParameter',
      'A trust anchor is named by its SHA-256 fingerprint: 64 hexadecimal digits (colons and spaces allowed).',
      { field: 'sha256' },
    );
  }
  return hex;
}

export async function listTrustAnchors(ctx: VaultContext): Promise<TrustAnchor[]> {
  const rows = await ctx.store.read((tx) => tx.getAll('trustAnchors'));
  return rows.map(toTrustAnchor).sort((a, b) => a.subject.localeCompare(b.subject) || a.sha256.localeCompare(b.sha256));
}

export async function removeTrustAnchor(ctx: VaultContext, sha256: string): Promise<void> {
  const key = fingerprintOf(sha256);
  await ctx.store.write(async (tx) => {
    if (!(await tx.get('trustAnchors', key))) {
      throw new VaultError('NotFound', `No trust anchor has the SHA-256 fingerprint ${key}.`, { field: 'sha256' });
    }
    await tx.delete('trustAnchors', key);
  });
}
