import { describe, expect, it } from 'vitest';
import { LIST_PAGE_SIZE } from '../../../src/vault/versions';
import { collect, makeVault, T0 } from './vault-fixture';
import { stringContaining } from '../../support/match';

const ec = { keyType: 'EC' } as const;

describe('versions and properties', () => {
  it('getCertificateVersion reads an older version; unknown version → NotFound', async () => {
    const { vault } = await makeVault();
    await vault.createCertificate('v', { ...ec, subject: 'CN=one' });
    const first = (await vault.getCertificate('v')).properties.version!;
    await vault.createCertificate('v', { ...ec, subject: 'CN=two' });
    expect((await vault.getCertificateVersion('v', first)).properties.subject).toBe('CN=one');
    expect((await vault.getCertificateVersion('v', '')).properties.subject).toBe('CN=two');
    await expect(vault.getCertificateVersion('v', '0'.repeat(32))).rejects.toMatchObject({ code: 'NotFound' });
  });

  it('updateCertificateProperties: latest by default, a named version otherwise; the list reflects it', async () => {
    const { vault, clock } = await makeVault();
    await vault.createCertificate('u', { ...ec, subject: 'CN=u' });
    const old = (await vault.getCertificate('u')).properties.version!;
    await vault.createCertificate('u', { ...ec, subject: 'CN=u' });
    clock.now = new Date(T0.getTime() + 60_000);
    const latest = await vault.updateCertificateProperties('u', undefined, { tags: { team: 'web' } });
    expect(latest.properties.tags).toEqual({ team: 'web' });
    expect(latest.properties.updatedOn).toEqual(clock.now);
    await vault.updateCertificateProperties('u', old, { enabled: false });
    const versions = await collect(vault.listPropertiesOfCertificateVersions('u'));
    expect(versions.map((v) => [v.enabled, v.tags])).toEqual([
      [true, { team: 'web' }],
      [false, {}],
    ]);
    const [listed] = await collect(vault.listPropertiesOfCertificates());
    expect(listed.tags).toEqual({ team: 'web' });
    await expect(vault.updateCertificateProperties('u', '', { tags: { n: 1 as never } })).rejects.toMatchObject({
      code: 'BadParameter',
    });
  });

  it('updateCertificatePolicy merges, validates, applies to the next version', async () => {
    const { vault } = await makeVault();
    await vault.createCertificate('p', { ...ec, subject: 'CN=p' });
    const created = await vault.getCertificatePolicy('p');
    const updated = await vault.updateCertificatePolicy('p', { validityInMonths: 3, keyType: 'RSA' });
    expect(updated).toMatchObject({ validityInMonths: 3, keyType: 'RSA', keySize: 2048, subject: 'CN=p' });
    expect(updated.keyCurveName).toBeUndefined();
    expect(updated.createdOn).toEqual(created.createdOn);
    await expect(vault.updateCertificatePolicy('p', { keySize: 1000 })).rejects.toMatchObject({
      code: 'BadParameter',
      message: stringContaining('keySize 1000'),
    });
    expect((await vault.getCertificatePolicy('p')).validityInMonths).toBe(3);
    await vault.createCertificate('p', await vault.getCertificatePolicy('p'));
    expect((await vault.getCertificate('p')).properties.expiresOn?.toISOString().slice(0, 7)).toBe('2026-04');
  });

  it('listing pages through more than one page, in name order', async () => {
    const { vault, store } = await makeVault();
    await vault.createCertificate('seed', { ...ec, subject: 'CN=seed' });
    // Copy the seed's records under many names through the store (keygen per name would be slow).
    await store.write(async (tx) => {
      const cert = (await tx.get('certificates', 'seed'))!;
      for (let i = 0; i < LIST_PAGE_SIZE * 2 + 5; i++) {
        const key = `c${String(i).padStart(4, '0')}`;
        await tx.put('certificates', { ...cert, key, name: key });
      }
    });
    const names = (await collect(vault.listPropertiesOfCertificates())).map((p) => p.name);
    expect(names).toHaveLength(LIST_PAGE_SIZE * 2 + 6);
    expect(names).toEqual([...names].sort());
  });
});
