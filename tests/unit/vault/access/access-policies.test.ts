/**
 * Access policies: only owners change them (a principal holding all 23 permissions is still
 * refused, and the refusal is audited); a new principal needs a credential; permissions are
 * Key Vault's names (case-insensitive) and nothing else; the last owner stays; a change applies
 * at once to a principal unlocked elsewhere; the audit log is append-only and its chain shows
 * an edit made around the API. Backups carry keys only for a principal who may take them out.
 */
import { describe, expect, it } from 'vitest';
import { stringContaining } from '../../../support/match';
import { allPermissions } from '../../../../src/vault/access/permissions';
import type { CertificateVault } from '../../../../src/vault/types';
import { makeVault } from '../vault-fixture';
import { fakePasskey, NO_PERMISSIONS, OWNER, protectedVault } from './access-fixture';

const OWNER_ONLY: [string, (v: CertificateVault) => Promise<unknown>][] = [
  ['setAccessPolicy', (v) => v.setAccessPolicy('eve', { passphrase: 'eve passphrase', permissions: allPermissions() })],
  ['deleteAccessPolicy', (v) => v.deleteAccessPolicy(OWNER)],
  ['listAccessPolicies', (v) => v.listAccessPolicies()],
  ['listAuditLog', (v) => v.listAuditLog()],
  ['verifyAuditLog', (v) => v.verifyAuditLog()],
  ['unprotect', (v) => v.unprotect({ prf: new Uint8Array(32) })],
];

describe('access policies', () => {
  it('are for owners only: every permission is not enough, and the refusal is in the audit log', async () => {
    const t = await protectedVault();
    const key = fakePasskey();
    await t.vault.setAccessPolicy('Bob', { ...key, permissions: allPermissions() });
    const bob = await t.reopen();
    await bob.unlock({ principal: 'bob', prf: key.prf });
    for (const [name, call] of OWNER_ONLY) {
      await expect(call(bob), name).rejects.toMatchObject({
        code: 'Forbidden',
        message: stringContaining('is for owners of the vault, and "Bob" is not one'),
      });
    }
    const log = await t.vault.listAuditLog();
    expect(log.filter((e) => e.result === 'refused').map((e) => e.action)).toEqual([
      'unprotect',
      'deleteAccessPolicy',
      'setAccessPolicy',
    ]);
    expect(await bob.getContacts().catch((e: unknown) => (e as { code: string }).code)).toBe('NotFound'); // past the gate
  });

  it('check their input: a credential for a new principal, known permission names, a valid name', async () => {
    const { vault } = await protectedVault();
    await expect(vault.setAccessPolicy('carol', { permissions: NO_PERMISSIONS })).rejects.toMatchObject({
      code: 'BadParameter',
      message: stringContaining('give a passphrase or a passkey'),
    });
    await expect(
      vault.setAccessPolicy('carol', {
        passphrase: 'carol passphrase',
        permissions: { certificates: ['get', 'Frobnicate'], keys: [], secrets: [] } as never,
      }),
    ).rejects.toMatchObject({
      code: 'BadParameter',
      field: 'permissions',
      message: stringContaining('"frobnicate"'),
    });
    await expect(
      vault.setAccessPolicy('carol', { passphrase: 'short', permissions: NO_PERMISSIONS }),
    ).rejects.toMatchObject({
      code: 'BadParameter',
      field: 'passphrase',
    });
    await expect(
      vault.setAccessPolicy('x'.repeat(65), { ...fakePasskey(), permissions: NO_PERMISSIONS }),
    ).rejects.toMatchObject({
      code: 'BadParameter',
      field: 'principal',
    });
    await expect(
      vault.setAccessPolicy('carol', { prf: new Uint8Array(32), permissions: NO_PERMISSIONS }),
    ).rejects.toMatchObject({
      code: 'BadParameter',
      field: 'passkey',
    });
    const carol = await vault.setAccessPolicy('Carol', {
      passphrase: 'carol passphrase',
      permissions: { certificates: ['LIST', 'Get', 'get'], keys: ['Sign'], secrets: [] } as never,
    });
    expect(carol).toMatchObject({
      principal: 'Carol',
      owner: false,
      methods: ['passphrase'],
      permissions: { certificates: ['get', 'list'], keys: ['sign'], secrets: [] },
    });
  });

  it('keep one owner at least; an existing principal keeps the methods not given', async () => {
    const t = await protectedVault();
    const v = t.vault;
    await expect(v.deleteAccessPolicy(OWNER)).rejects.toMatchObject({ code: 'Conflict' });
    await expect(v.setAccessPolicy(OWNER, { permissions: NO_PERMISSIONS, owner: false })).rejects.toMatchObject({
      code: 'Conflict',
      message: stringContaining('last owner'),
    });
    const key = fakePasskey();
    await v.setAccessPolicy('dave', { ...key, permissions: NO_PERMISSIONS });
    await v.setAccessPolicy('DAVE', { passphrase: 'dave passphrase', permissions: NO_PERMISSIONS, owner: true });
    expect((await v.listAccessPolicies()).find((p) => p.principal === 'dave')).toMatchObject({
      owner: true,
      methods: ['passkey', 'passphrase'],
      permissions: allPermissions(),
    });
    // Each method opens dave's slot; a second tab for the second, since lock() would lock every tab, Alice's too.
    const byPasskey = await t.reopen();
    await byPasskey.unlock({ principal: 'dave', prf: key.prf });
    byPasskey.close();
    const dave = await t.reopen();
    await dave.unlock({ principal: 'dave', passphrase: 'dave passphrase' });
    await dave.deleteAccessPolicy(OWNER); // dave is an owner now, so Alice may go
    await expect(v.getContacts()).rejects.toMatchObject({
      code: 'Locked',
      message: stringContaining('removed'),
    });
    expect((await dave.listAccessPolicies()).map((p) => p.principal)).toEqual(['dave']);
  });

  it('a change applies at once to a principal unlocked elsewhere', async () => {
    const t = await protectedVault();
    await t.vault.setContacts([{ email: 'pki@contoso.com' }]);
    const key = fakePasskey();
    await t.vault.setAccessPolicy('erin', {
      ...key,
      permissions: { ...NO_PERMISSIONS, certificates: ['managecontacts'] },
    });
    const erin = await t.reopen();
    await erin.unlock({ principal: 'erin', prf: key.prf });
    expect(await erin.getContacts()).toHaveLength(1);
    await t.vault.setAccessPolicy('erin', { permissions: NO_PERMISSIONS });
    await expect(erin.getContacts()).rejects.toMatchObject({ code: 'Forbidden' });
    await t.vault.deleteAccessPolicy('erin');
    await expect(erin.getContacts()).rejects.toMatchObject({ code: 'Locked' });
    expect((await erin.getAccessState()).unlocked).toBe(false);
  });

  it('the audit log is append-only through the API and its chain shows an edit made around it', async () => {
    const t = await protectedVault();
    await t.vault.setAccessPolicy('frank', { ...fakePasskey(), permissions: NO_PERMISSIONS });
    await t.vault.lock();
    await t.vault.unlock({ principal: OWNER, passphrase: 'correct horse battery staple' });
    const methods = Object.getOwnPropertyNames(Object.getPrototypeOf(t.vault) as object);
    expect(methods.filter((m) => /audit/i.test(m)).sort()).toEqual(['listAuditLog', 'verifyAuditLog']);
    const log = await t.vault.listAuditLog();
    expect(log.map((e) => `${e.seq} ${e.principal} ${e.action} ${e.target ?? '-'} ${e.result}`)).toEqual([
      '4 Alice unlock - ok',
      '3 Alice lock - ok',
      '2 Alice setAccessPolicy frank ok',
      '1 Alice protect Alice ok',
    ]);
    expect(await t.vault.verifyAuditLog()).toEqual({ intact: true, entries: 4 });
    const row = await t.store.read((tx) => tx.get('audit', 2));
    await t.store.write((tx) => tx.put('audit', { ...row!, target: 'someone else' }));
    expect(await t.vault.verifyAuditLog()).toEqual({ intact: false, entries: 4, brokenAt: 3 });
  });

  it('a backup carries exportable keys only for a principal who also holds secrets/get', async () => {
    const t = await protectedVault();
    await t.vault.createCertificate('web', { subject: 'CN=web', keyType: 'EC' });
    const target = await makeVault();
    for (const [name, secrets, included] of [
      ['backup-only', [], false],
      ['backup-and-secret', ['get'], true],
    ] as const) {
      const key = fakePasskey();
      await t.vault.setAccessPolicy(name, {
        ...key,
        permissions: { certificates: ['backup'], keys: [], secrets: [...secrets] },
      });
      const p = await t.reopen();
      await p.unlock({ principal: name, prf: key.prf });
      const restored = await target.vault.restoreCertificateBackup(
        await p.backupCertificate('web', { password: 'pw' }),
        {
          password: 'pw',
        },
      );
      expect(restored.keyIncluded).toBe(included);
      await target.vault.deleteCertificate('web');
      await target.vault.purgeDeletedCertificate('web');
    }
  });
});
