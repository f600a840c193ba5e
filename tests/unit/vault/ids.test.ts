import { describe, expect, it } from 'vitest';
import { collect, makeVault } from './vault-fixture';

describe("identifiers shaped like Key Vault's", () => {
  it('certificate, key, secret, operation and recovery ids under https://<vault>.vault.local', async () => {
    const { vault } = await makeVault();
    const base = vault.vaultUrl;
    expect(base).toMatch(/^https:\/\/[0-9a-z-]+\.vault\.local$/);
    await vault.createCertificate('Ids', { subject: 'CN=ids', keyType: 'EC' });
    const c = await vault.getCertificate('ids');
    const v = c.properties.version!;
    expect(v).toMatch(/^[0-9a-f]{32}$/);
    expect(c).toMatchObject({
      id: `${base}/certificates/Ids/${v}`,
      keyId: `${base}/keys/Ids/${v}`,
      secretId: `${base}/secrets/Ids/${v}`,
      properties: { vaultUrl: base, recoverableDays: 90, recoveryLevel: 'Recoverable' },
    });
    expect(await vault.getCertificateOperation('ids')).toMatchObject({
      id: `${base}/certificates/Ids/pending`,
      target: `${base}/certificates/Ids`,
    });
    expect((await vault.deleteCertificate('ids')).recoveryId).toBe(`${base}/deletedcertificates/Ids`);
  });

  it('versions are unique 32-hex ids; a pending-only certificate lists without a version', async () => {
    const { vault } = await makeVault();
    for (let i = 0; i < 3; i++) await vault.createCertificate('many', { subject: 'CN=m', keyType: 'EC' });
    const versions = (await collect(vault.listPropertiesOfCertificateVersions('many'))).map((p) => p.version);
    expect(new Set(versions).size).toBe(3);
    await vault.createCertificate('waiting', { subject: 'CN=w', keyType: 'EC', issuerName: 'Unknown' });
    const listed = await collect(vault.listPropertiesOfCertificates({ includePending: true }));
    expect(listed.map((p) => [p.name, p.version === undefined, p.pending ?? false])).toEqual([
      ['many', false, false],
      ['waiting', true, true],
    ]);
    expect(listed[1].id).toBe(`${vault.vaultUrl}/certificates/waiting`);
  });
});
