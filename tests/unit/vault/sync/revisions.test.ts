/**
 * Two tabs editing one certificate: each save may name the revision it showed (`ifMatch`), and
 * the second of two saves from the same revision is refused (code Changed) with nothing stored,
 * instead of silently overwriting the first. Contacts: the list shown (`ifUnchanged`).
 */
import { describe, expect, it } from 'vitest';
import { stringContaining } from '../../../support/match';
import { makeVault } from '../vault-fixture';

describe('certificate revisions', () => {
  it('move with every change a person sees: create, policy, properties, a new version', async () => {
    const { vault } = await makeVault();
    await vault.createCertificate('r', { subject: 'CN=r', keyType: 'EC' });
    const r1 = (await vault.getCertificate('r')).properties.revision!;
    expect(r1).toBeGreaterThan(0);
    await vault.updateCertificatePolicy('r', { validityInMonths: 6 });
    const r2 = (await vault.getCertificate('r')).properties.revision!;
    await vault.updateCertificateProperties('r', undefined, { tags: { env: 'prod' } });
    const r3 = (await vault.getCertificate('r')).properties.revision!;
    await vault.createCertificate('r', { subject: 'CN=r', keyType: 'EC' });
    const r4 = (await vault.getCertificate('r')).properties.revision!;
    expect([r1 < r2, r2 < r3, r3 < r4]).toEqual([true, true, true]);
    // Listing shows the same revision, so a screen may take it from either.
    const [listed] = await (async () => {
      const out = [];
      for await (const p of vault.listPropertiesOfCertificates()) out.push(p);
      return out;
    })();
    expect(listed.revision).toBe(r4);
  });

  it('two tabs save the policy from the same revision: the second is told, and nothing of it is kept', async () => {
    const t = await makeVault();
    const b = await t.reopen();
    await t.vault.createCertificate('p', { subject: 'CN=p', keyType: 'EC', validityInMonths: 12 });
    const shown = (await t.vault.getCertificate('p')).properties.revision;
    const shownInB = (await b.getCertificate('p')).properties.revision;
    expect(shownInB).toBe(shown);
    await t.vault.updateCertificatePolicy('p', { validityInMonths: 6 }, { ifMatch: shown });
    const before = await t.dump();
    await expect(b.updateCertificatePolicy('p', { validityInMonths: 3 }, { ifMatch: shownInB })).rejects.toMatchObject({
      name: 'VaultError',
      code: 'Changed',
      message: stringContaining('Reload'),
    });
    expect(await t.dump()).toEqual(before);
    expect((await b.getCertificatePolicy('p')).validityInMonths).toBe(6);
    // Reloaded: the fresh revision saves.
    const fresh = (await b.getCertificate('p')).properties.revision;
    expect((await b.updateCertificatePolicy('p', { validityInMonths: 3 }, { ifMatch: fresh })).validityInMonths).toBe(
      3,
    );
    // Without ifMatch the last writer wins, as in Key Vault (existing callers unchanged).
    await t.vault.updateCertificatePolicy('p', { validityInMonths: 9 });
    b.close();
  });

  it('tags and enabled: the same, for any version (one revision covers all versions)', async () => {
    const t = await makeVault();
    const b = await t.reopen();
    await t.vault.createCertificate('v', { subject: 'CN=v', keyType: 'EC' });
    const first = (await t.vault.getCertificate('v')).properties.version!;
    await t.vault.createCertificate('v', { subject: 'CN=v', keyType: 'EC' });
    const shown = (await b.getCertificate('v')).properties.revision;
    await t.vault.updateCertificateProperties('v', first, { tags: { owner: 'a' }, ifMatch: shown });
    const before = await t.dump();
    await expect(
      b.updateCertificateProperties('v', undefined, { tags: { owner: 'b' }, ifMatch: shown }),
    ).rejects.toMatchObject({ code: 'Changed' });
    await expect(b.updateCertificateProperties('v', first, { enabled: false, ifMatch: shown })).rejects.toMatchObject({
      code: 'Changed',
    });
    expect(await t.dump()).toEqual(before);
    await expect(t.vault.updateCertificateProperties('v', first, { ifMatch: -1 })).rejects.toMatchObject({
      code: 'BadParameter',
    });
    b.close();
  });

  it('contacts: a save from a list that is no longer stored is refused; the same list saves', async () => {
    const t = await makeVault();
    const b = await t.reopen();
    await t.vault.setContacts([{ email: 'a@contoso.com' }]);
    const shownA = await t.vault.getContacts();
    const shownB = await b.getContacts();
    await t.vault.setContacts([...shownA, { email: 'new@contoso.com' }], { ifUnchanged: shownA });
    await expect(b.setContacts([{ email: 'b@contoso.com' }], { ifUnchanged: shownB })).rejects.toMatchObject({
      code: 'Changed',
      message: stringContaining('contacts were changed'),
    });
    expect((await b.getContacts()).map((c) => c.email)).toEqual(['a@contoso.com', 'new@contoso.com']);
    // None shown ([]), none stored: saves.
    await t.vault.deleteContacts();
    await b.setContacts([{ email: 'b@contoso.com' }], { ifUnchanged: [] });
    expect((await t.vault.getContacts()).map((c) => c.email)).toEqual(['b@contoso.com']);
    b.close();
  });
});
