/**
 * Unlocking: a wrong credential is InvalidPassword and changes nothing but the failure count
 * and the audit log; 10 failures in a row make each further try wait 2^(n−10) s (capped at 15
 * min), refused without looking at the credential; a success resets the count. The passkey
 * path takes the PRF bytes. Stored access rows are integrity-checked, and a slot does not open
 * for another principal.
 */
import { describe, expect, it } from 'vitest';
import { stringContaining } from '../../../support/match';
import { openVault } from '../../../../src/vault';
import type { AccessRecord } from '../../../../src/vault/access/access-store';
import { dumpStore, type TestVault } from '../vault-fixture';
import { fakePasskey, NO_PERMISSIONS, OWNER, OWNER_PASSPHRASE, protectedVault } from './access-fixture';

/** The vault's rows without the two that a failed unlock is meant to change. */
async function rowsBesidesThrottleAndAudit(t: TestVault) {
  const all = (await dumpStore(t.store)) as Record<string, { key?: string }[]>;
  return { ...all, audit: undefined, meta: all.meta.filter((m) => m.key !== 'unlockThrottle') };
}

const later = (t: TestVault, ms: number) => {
  t.clock.now = new Date(t.clock.now.getTime() + ms);
};

describe('unlock', () => {
  it('a wrong passphrase is InvalidPassword and changes nothing; the right one unlocks, any case of the name', async () => {
    const t = await protectedVault();
    await t.vault.createCertificate('c', { subject: 'CN=c', keyType: 'EC' });
    await t.vault.lock();
    const before = await rowsBesidesThrottleAndAudit(t);
    await expect(t.vault.unlock({ principal: OWNER, passphrase: 'wrong horse' })).rejects.toMatchObject({
      name: 'VaultError',
      code: 'InvalidPassword',
      field: 'passphrase',
    });
    expect(await rowsBesidesThrottleAndAudit(t)).toEqual(before);
    expect(await t.vault.getAccessState()).toMatchObject({ unlocked: false, failedUnlocks: 1 });
    await expect(t.vault.getCertificate('c')).rejects.toMatchObject({ code: 'Locked' });
    await expect(t.vault.unlock({ principal: 'Nobody', passphrase: 'x' })).rejects.toMatchObject({
      code: 'NotFound',
      field: 'principal',
    });
    const state = await t.vault.unlock({ principal: '  aLiCe ', passphrase: OWNER_PASSPHRASE });
    expect(state).toMatchObject({ unlocked: true, principal: 'Alice', owner: true, failedUnlocks: 0 });
    expect((await t.vault.getCertificate('c')).name).toBe('c');
  });

  it('10 wrong tries in a row make each further try wait 2^(n−10) s; a success resets the count', async () => {
    const t = await protectedVault();
    await t.vault.lock();
    const wrong = () => t.vault.unlock({ principal: OWNER, passphrase: 'not the passphrase' });
    for (let i = 0; i < 10; i++) await expect(wrong()).rejects.toMatchObject({ code: 'InvalidPassword' });
    // The 11th try at once: refused before the credential is looked at, even the right one.
    await expect(t.vault.unlock({ principal: OWNER, passphrase: OWNER_PASSPHRASE })).rejects.toMatchObject({
      code: 'Locked',
      message: stringContaining('try again in 1 s'),
    });
    expect(await t.vault.getAccessState()).toMatchObject({
      failedUnlocks: 10,
      retryAfter: new Date(t.clock.now.getTime() + 1000),
    });
    later(t, 1000);
    await expect(wrong()).rejects.toMatchObject({ code: 'InvalidPassword' }); // 11th failure: the wait doubles
    later(t, 1999);
    await expect(wrong()).rejects.toMatchObject({ code: 'Locked', message: stringContaining('in 1 s') });
    later(t, 1);
    for (let n = 12; n <= 30; n++) {
      await expect(wrong()).rejects.toMatchObject({ code: 'InvalidPassword' });
      later(t, Math.min(2 ** (n - 10), 900) * 1000);
    }
    // Capped at 15 minutes however many failures.
    const { retryAfter, failedUnlocks } = await t.vault.getAccessState();
    expect(failedUnlocks).toBe(30);
    expect(retryAfter).toBeUndefined();
    await expect(wrong()).rejects.toMatchObject({ code: 'InvalidPassword' });
    expect((await t.vault.getAccessState()).retryAfter).toEqual(new Date(t.clock.now.getTime() + 900_000));
    later(t, 900_000);
    expect((await t.vault.unlock({ principal: OWNER, passphrase: OWNER_PASSPHRASE })).failedUnlocks).toBe(0);
    const log = await t.vault.listAuditLog();
    expect(log.filter((e) => e.action === 'unlock').map((e) => e.result)).toContain('refused');
    expect(log[0]).toMatchObject({ action: 'unlock', result: 'ok', principal: OWNER });
  });

  it('a passkey principal unlocks with its 32 PRF bytes; others do not open its slot', async () => {
    const t = await protectedVault();
    const key = fakePasskey();
    await t.vault.setAccessPolicy('Bob', { ...key, permissions: NO_PERMISSIONS });
    const guest = await t.reopen();
    await expect(guest.unlock({ principal: 'bob', prf: fakePasskey().prf })).rejects.toMatchObject({
      code: 'InvalidPassword',
      field: 'prf',
    });
    await expect(guest.unlock({ principal: 'bob', passphrase: 'no passphrase' })).rejects.toMatchObject({
      code: 'BadParameter',
    });
    await expect(guest.unlock({ principal: 'bob', prf: key.prf.slice(0, 16) })).rejects.toMatchObject({
      code: 'BadParameter',
      field: 'prf',
    });
    expect(await guest.unlock({ principal: 'bob', prf: key.prf })).toMatchObject({ principal: 'Bob', owner: false });
    // The lock screen learns the passkey's public half while locked.
    const locked = await t.reopen();
    const bob = (await locked.getAccessState()).principals?.find((p) => p.principal === 'Bob');
    expect(bob).toEqual({ principal: 'Bob', methods: ['passkey'], passkey: key.passkey });
  });

  it("a slot copied into another principal's row does not open; an edited permission is refused as tampering", async () => {
    const t = await protectedVault();
    await t.vault.setAccessPolicy('bob', { ...fakePasskey(), permissions: NO_PERMISSIONS });
    await t.vault.lock();
    const rows = await t.store.read((tx) => tx.getAll('access'));
    const alice = rows.find((r) => r.key === 'alice')!;
    const bob = rows.find((r) => r.key === 'bob')!;
    await t.store.write((tx) => tx.put('access', { ...bob, slots: alice.slots }));
    await expect(t.vault.unlock({ principal: 'bob', passphrase: OWNER_PASSPHRASE })).rejects.toMatchObject({
      code: 'InvalidPassword',
    });
    // Granting bob owner by editing the stored row: the MAC no longer matches.
    const forged: AccessRecord = { ...bob, owner: true, slots: alice.slots };
    await t.store.write((tx) => tx.put('access', forged));
    await t.store.write((tx) => tx.put('access', { ...alice, permissions: { ...alice.permissions, keys: [] } }));
    await expect(t.vault.unlock({ principal: OWNER, passphrase: OWNER_PASSPHRASE })).rejects.toMatchObject({
      code: 'Malformed',
      message: stringContaining('changed outside Certkeep'),
    });
    await t.store.write((tx) => tx.put('access', alice));
    await t.vault.unlock({ principal: OWNER, passphrase: OWNER_PASSPHRASE });
    await expect(t.vault.listAccessPolicies()).rejects.toMatchObject({ code: 'Malformed' });
    // An edit while unlocked is caught at the next call.
    await t.store.write((tx) => tx.put('access', { ...alice, owner: false }));
    await expect(t.vault.listAuditLog()).rejects.toMatchObject({ code: 'Malformed' });
    expect((await t.vault.listAuditLog().catch(() => [])).length).toBe(0);
  });

  it('openVault protects with PBKDF2-SHA256 at 600 000 iterations and a 16-byte salt per slot', async () => {
    const vault = await openVault({ name: `kdf-${crypto.randomUUID().slice(0, 8)}` });
    await vault.protect({ principal: 'root', passphrase: 'a real passphrase' });
    await vault.lock();
    expect((await vault.unlock({ principal: 'root', passphrase: 'a real passphrase' })).unlocked).toBe(true);
    const policies = await vault.listAccessPolicies();
    expect(policies).toMatchObject([{ principal: 'root', owner: true, methods: ['passphrase'] }]);
    vault.close();
    const { openIdbVaultStore } = await import('../../../../src/store/idb-vault-store');
    const store = await openIdbVaultStore(vault.name);
    const [row] = await store.read((tx) => tx.getAll('access'));
    store.close();
    expect(row.slots).toMatchObject([{ method: 'passphrase', iterations: 600_000 }]);
    const slot = row.slots[0];
    expect(slot.method === 'passphrase' && slot.salt.length).toBe(16);
  });
});
