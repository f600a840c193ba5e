import { describe, expect, it } from 'vitest';
import { listVaults, openVault, VaultError } from '../../../src/vault/index';
import { stringContaining } from '../../support/match';

describe('openVault / listVaults', () => {
  it('each vault is its own database, listed by name; certificates do not cross vaults', async () => {
    const a = await openVault({ name: 'Alpha-1' });
    const b = await openVault({ name: 'beta' });
    await a.createCertificate('only-in-a', { subject: 'CN=a', keyType: 'EC' });
    await expect(b.getCertificate('only-in-a')).rejects.toMatchObject({ code: 'NotFound' });
    expect(await listVaults()).toEqual(expect.arrayContaining(['Alpha-1', 'beta']));
    expect(a.vaultUrl).toBe('https://alpha-1.vault.local');
    a.close();
    b.close();
  });

  it('the default vault is "default"; a bad vault name is BadParameter', async () => {
    const v = await openVault();
    expect(v.name).toBe('default');
    v.close();
    const err = await openVault({ name: 'no spaces' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(VaultError);
    expect(err).toMatchObject({ name: 'VaultError', code: 'BadParameter' });
  });

  it('the injected clock sets createdOn', async () => {
    const at = new Date('2030-06-01T12:00:00Z');
    const v = await openVault({ name: 'clocked', now: () => at });
    await v.createCertificate('c', { subject: 'CN=c', keyType: 'EC' });
    expect((await v.getCertificate('c')).properties.createdOn).toEqual(at);
    v.close();
  });
});

describe('scheduled purge and closed vaults', () => {
  it('openVault purges deleted certificates whose scheduledPurgeDate has passed, and only those', async () => {
    let now = new Date('2026-01-01T00:00:00Z');
    const name = `purge-${Date.now()}`;
    const v = await openVault({ name, now: () => now });
    await v.createCertificate('old', { subject: 'CN=old', keyType: 'EC' });
    await v.createCertificate('young', { subject: 'CN=young', keyType: 'EC' });
    await v.deleteCertificate('old');
    now = new Date('2026-02-15T00:00:00Z');
    await v.deleteCertificate('young');
    v.close();
    now = new Date('2026-04-01T00:00:01Z'); // old: deleted + 90 days = 2026-04-01T00:00Z
    const again = await openVault({ name, now: () => now });
    const names: string[] = [];
    for await (const d of again.listDeletedCertificates()) names.push(d.name);
    expect(names).toEqual(['young']);
    await again.createCertificate('old', { subject: 'CN=old', keyType: 'EC' });
    again.close();
  });

  it('a closed vault answers with a VaultError that says so', async () => {
    const v = await openVault({ name: `closed-${Date.now()}` });
    v.close();
    await expect(v.getCertificate('x')).rejects.toMatchObject({
      name: 'VaultError',
      code: 'Forbidden',
      message: stringContaining('vault is closed'),
    });
  });
});
