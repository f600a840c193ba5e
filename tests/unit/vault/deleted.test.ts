import { describe, expect, it } from 'vitest';
import { collect, makeVault, T0 } from './vault-fixture';
import { stringContaining } from '../../support/match';

describe('soft delete', () => {
  it('delete → listed as deleted with recoveryId and purge date 90 days on; recover restores everything', async () => {
    const { vault, dump } = await makeVault();
    await vault.createCertificate('d', { subject: 'CN=d1', keyType: 'EC' }, { tags: { a: 'b' } });
    await vault.createCertificate('d', { subject: 'CN=d2', keyType: 'EC' });
    const before = await dump();
    const deleted = await vault.deleteCertificate('D');
    expect(deleted.recoveryId).toBe(`${vault.vaultUrl}/deletedcertificates/d`);
    expect(deleted.deletedOn).toEqual(T0);
    expect(deleted.scheduledPurgeDate).toEqual(new Date(T0.getTime() + 90 * 86400e3));
    expect(deleted.policy.subject).toBe('CN=d2');
    await expect(vault.getCertificate('d')).rejects.toMatchObject({
      code: 'NotFound',
      message: stringContaining('recover it first'),
    });
    expect(await collect(vault.listPropertiesOfCertificates())).toEqual([]);
    expect((await collect(vault.listDeletedCertificates())).map((x) => x.name)).toEqual(['d']);
    expect((await vault.getDeletedCertificate('d')).properties.version).toBe(deleted.properties.version);

    const recovered = await vault.recoverDeletedCertificate('d');
    expect(recovered.properties.version).toBe(deleted.properties.version);
    expect(await dump()).toEqual(before);
    expect(await collect(vault.listPropertiesOfCertificateVersions('d'))).toHaveLength(2);
  });

  it('a deleted name cannot be reused (Conflict) until purged', async () => {
    const { vault } = await makeVault();
    await vault.createCertificate('n', { subject: 'CN=n', keyType: 'EC' });
    await vault.deleteCertificate('n');
    await expect(vault.createCertificate('N', { subject: 'CN=n', keyType: 'EC' })).rejects.toMatchObject({
      code: 'Conflict',
    });
    await expect(vault.importCertificate('n', new Uint8Array([1]))).rejects.toMatchObject({ code: 'Conflict' });
    await vault.purgeDeletedCertificate('n');
    await expect(vault.getDeletedCertificate('n')).rejects.toMatchObject({ code: 'NotFound' });
    await expect(vault.purgeDeletedCertificate('n')).rejects.toMatchObject({ code: 'NotFound' });
    await expect(vault.recoverDeletedCertificate('n')).rejects.toMatchObject({ code: 'NotFound' });
    await vault.createCertificate('n', { subject: 'CN=n', keyType: 'EC' });
    expect(await collect(vault.listPropertiesOfCertificateVersions('n'))).toHaveLength(1);
  });

  it('the hold covers import and restore too: Conflict in the same words, nothing changes, recover still works', async () => {
    const { vault, dump } = await makeVault();
    await vault.createCertificate('held', { subject: 'CN=held', keyType: 'EC' });
    const pfx = (await vault.getSecret('held')).value;
    const backup = await vault.backupCertificate('held', { password: 'pw' });
    const deleted = await vault.deleteCertificate('held');
    const before = await dump();
    const words =
      'A deleted certificate named "Held" still exists: recover it or purge it before using the name again.';
    await expect(vault.importCertificate('Held', pfx)).rejects.toMatchObject({ code: 'Conflict', message: words });
    await expect(vault.restoreCertificateBackup(backup, { password: 'pw' })).rejects.toMatchObject({
      code: 'Conflict',
      message: 'A deleted certificate named "held" still exists: recover it or purge it before using the name again.',
    });
    expect(await dump()).toEqual(before);
    expect((await vault.recoverDeletedCertificate('held')).properties.version).toBe(deleted.properties.version);
  });

  it('purge removes the keys too', async () => {
    const { vault, store } = await makeVault();
    await vault.createCertificate('p', { subject: 'CN=p', keyType: 'EC' });
    await vault.deleteCertificate('p');
    await vault.purgeDeletedCertificate('p');
    expect(
      await store.read(async (tx) => [await tx.count('keys'), await tx.count('versions'), await tx.count('deleted')]),
    ).toEqual([0, 0, 0]);
  });

  it('unknown names → NotFound', async () => {
    const { vault } = await makeVault();
    await expect(vault.deleteCertificate('nope')).rejects.toMatchObject({ name: 'VaultError', code: 'NotFound' });
  });
});
