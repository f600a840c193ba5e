/**
 * runLifetimeActions on a locked protected vault (what the service worker runs: it never holds
 * an unlock). AutoRenew of a Self certificate makes a new key sealed to the vault's sealing
 * public key, no secret needed; after an unlock that key signs. A renewal that must reuse the
 * sealed key cannot run locked: one 'renewalFailed' saying so, no repeat while locked, and the
 * next run of an unlocked vault renews it. EmailContacts notices are raised as before.
 */
import { describe, expect, it } from 'vitest';
import { stringContaining } from '../../../support/match';
import type { TestVault } from '../vault-fixture';
import { OWNER, OWNER_PASSPHRASE, protectedVault } from './access-fixture';

const data = new Uint8Array([7, 7, 7]);
const ELEVEN_MONTHS = 335 * 86_400_000;

async function keyRowOf(t: TestVault, name: string, version: string) {
  return t.store.read(async (tx) => {
    const v = await tx.get('versions', [name, version]);
    return tx.get('keys', v!.keyId!);
  });
}

describe('lifetime actions of a locked protected vault', () => {
  it('renews an AutoRenew Self certificate with a new key sealed to the sealing key; after unlock it signs', async () => {
    const t = await protectedVault();
    for (const [name, exportable] of [
      ['web', true],
      ['bound', false],
    ] as const) {
      await t.vault.createCertificate(name, { subject: `CN=${name}`, exportable, keyType: 'EC' });
    }
    await t.vault.createCertificate('mail', {
      subject: 'CN=mail',
      keyType: 'EC',
      lifetimeActions: [{ action: 'EmailContacts', lifetimePercentage: 80 }],
    });
    await t.vault.setContacts([{ email: 'pki@contoso.com' }]);
    const old = (await t.vault.getCertificate('web')).properties.version!;
    t.clock.now = new Date(t.clock.now.getTime() + ELEVEN_MONTHS);

    const worker = await t.reopen();
    expect((await worker.getAccessState()).unlocked).toBe(false);
    const events = await worker.runLifetimeActions();
    expect(events.map((e) => `${e.certificateName}:${e.kind}`).sort()).toEqual([
      'bound:renewed',
      'mail:notify',
      'web:renewed',
    ]);
    expect(events.find((e) => e.kind === 'notify')!.contacts).toEqual([{ email: 'pki@contoso.com' }]);
    expect(await worker.runLifetimeActions()).toEqual([]);
    const renewed = events.find((e) => e.certificateName === 'web')!;
    expect(renewed.version).toBe(old);
    const row = await keyRowOf(t, 'web', renewed.newVersion!);
    expect(row).toMatchObject({ sealed: { form: 'sealing-key' } });
    expect(row!.privateKey).toBeUndefined();
    await expect(worker.getCertificate('web')).rejects.toMatchObject({ code: 'Locked' });

    // A fresh unlock opens keys sealed either way.
    await worker.unlock({ principal: OWNER, passphrase: OWNER_PASSPHRASE });
    const cert = await worker.getCertificate('web');
    expect(cert).toMatchObject({ keyProtection: 'sealed', properties: { version: renewed.newVersion } });
    for (const name of ['web', 'bound']) {
      const client = await worker.getCryptographyClient(name);
      const sig = (await client.signData('ES256', data)).result;
      expect((await client.verifyData('ES256', data, sig)).result).toBe(true);
    }
    // So does the session that was unlocked all along (it holds the sealing private key).
    expect((await (await t.vault.getCryptographyClient('web')).signData('ES256', data)).result).toHaveLength(64);
  });

  it('a renewal that reuses the sealed key waits for an unlock: one notice, then the unlocked run renews', async () => {
    const t = await protectedVault();
    await t.vault.createCertificate('same', { subject: 'CN=same', keyType: 'EC', reuseKey: true });
    const before = await t.vault.getCertificate('same');
    const beforeKey = await keyRowOf(t, 'same', before.properties.version!);
    t.clock.now = new Date(t.clock.now.getTime() + ELEVEN_MONTHS);
    const worker = await t.reopen();
    const [waiting] = await worker.runLifetimeActions();
    expect(waiting).toMatchObject({
      kind: 'renewalFailed',
      certificateName: 'same',
      message: stringContaining('renewed the next time the vault is unlocked'),
    });
    expect(await worker.runLifetimeActions()).toEqual([]);
    const [done] = await t.vault.runLifetimeActions(); // the unlocked instance
    expect(done).toMatchObject({ kind: 'renewed', certificateName: 'same' });
    const after = await keyRowOf(t, 'same', done.newVersion!);
    expect(after!.id).toBe(beforeKey!.id);
    expect(await worker.runLifetimeActions()).toEqual([]);
  });
});
