/**
 * The integrity checker the kill test runs: silent on a vault that went through every kind of
 * write, and naming each kind of damage a write split over two transactions would leave.
 */
import { describe, expect, it } from 'vitest';
import { checkVaultIntegrity } from '../../../src/vault/integrity/check-integrity';
import { makeVault, T0 } from './vault-fixture';

const CA = {
  subject: 'CN=Test CA',
  keyType: 'EC' as const,
  basicConstraints: { ca: true },
  keyUsage: ['keyCertSign' as const, 'cRLSign' as const],
  validityInDays: 3650,
};

describe('checkVaultIntegrity', () => {
  it('finds nothing after create, merge, import, delete, recover, restore, cancel, delete operation and renewal', async () => {
    const t = await makeVault();
    const v = t.vault;
    await v.createCertificate('ca', CA);
    await v.createIssuer('Local', 'Local', { certificateName: 'ca' });
    await v.createCertificate('self', { subject: 'CN=self', keyType: 'EC', validityInMonths: 1 });
    const op = await v.createCertificate('pending', { subject: 'CN=p', keyType: 'EC', issuerName: 'Unknown' });
    const signed = await v.signCertificateRequest('Local', op.csr!);
    await v.mergeCertificate('pending', [signed.certificate]);
    const pfx = await v.getSecret('self', { password: 'p' });
    await v.importCertificate('imported', pfx.value, { password: 'p' });
    await v.deleteCertificate('imported');
    await v.recoverDeletedCertificate('imported');
    const backup = await v.backupCertificate('imported', { password: 'b' });
    await v.deleteCertificate('imported');
    await v.purgeDeletedCertificate('imported');
    await v.restoreCertificateBackup(backup, { password: 'b' });
    await v.createCertificate('cancelled', { subject: 'CN=c', keyType: 'EC', issuerName: 'Unknown' });
    await v.cancelCertificateOperation('cancelled');
    await v.createCertificate('dropped', { subject: 'CN=d', keyType: 'EC', issuerName: 'Unknown' });
    await v.deleteCertificateOperation('dropped');
    await v.createCertificate('self', { subject: 'CN=self', keyType: 'EC', validityInMonths: 1 });
    t.clock.now = new Date(+T0 + 40 * 86_400_000);
    const events = await v.runLifetimeActions();
    expect(events.some((e) => e.kind === 'renewed')).toBe(true);
    expect(await checkVaultIntegrity(t.store)).toEqual([]);
  });

  it('names an orphan key, a half version, a stale latest, a stranded certificate and a broken operation', async () => {
    const t = await makeVault();
    await t.vault.createCertificate('a', { subject: 'CN=a', keyType: 'EC' });
    await t.vault.createCertificate('b', { subject: 'CN=b', keyType: 'EC', issuerName: 'Unknown' });
    await t.store.write(async (tx) => {
      const [key] = await tx.keysOf('a');
      await tx.put('keys', { ...key, id: 'f'.repeat(32) }); // a key nothing uses
      const [version] = await tx.versionsOf('a');
      await tx.put('versions', { ...version, certificateKey: 'gone', version: 'e'.repeat(32) }); // no certificate row
      await tx.put('versions', { ...version, version: 'd'.repeat(32), ordinal: 5 }); // newer than latest
      const b = await tx.get('certificates', 'b');
      await tx.put('certificates', { ...b!, key: 'c', name: 'c' }); // no version, no operation
      const op = await tx.get('operations', 'b');
      await tx.delete('keys', op!.keyId);
    });
    const kinds = (await checkVaultIntegrity(t.store)).map((p) => `${p.kind} ${p.subject}`).sort();
    expect(kinds).toEqual(
      expect.arrayContaining([
        `orphanKey ${'f'.repeat(32)}`,
        'halfVersion gone',
        'staleLatest a',
        'strandedCertificate c',
        'brokenOperation b',
      ]),
    );
  });
});
