import { describe, expect, it } from 'vitest';
import { listVaults, openVault, VaultError } from '../../../src/vault/index';

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
