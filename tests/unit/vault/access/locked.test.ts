/**
 * A locked protected vault answers Locked to every gated method (looping over the table's
 * methods, so a method added to the vault is covered at once), and only getAccessState,
 * unlock, lock, protect (Conflict: already protected) and runLifetimeActions work. An unlock
 * belongs to one open vault: another instance (tab, service worker) starts locked.
 */
import { describe, expect, it } from 'vitest';
import { METHOD_REQUIREMENTS } from '../../../../src/vault/access/permissions';
import type { CertificateVault } from '../../../../src/vault/types';
import { OWNER, OWNER_PASSPHRASE, protectedVault } from './access-fixture';

/** Calls a method by name with throwaway arguments; iterables are drained. */
async function callByName(v: CertificateVault, method: string): Promise<unknown> {
  const fn = (v as unknown as Record<string, (...args: unknown[]) => unknown>)[method];
  const result = fn.call(v, 'x', { password: 'p' }, { password: 'p' });
  if (result && typeof result === 'object' && Symbol.asyncIterator in result) {
    return (result as AsyncIterable<unknown>)[Symbol.asyncIterator]().next();
  }
  return result;
}

describe('a locked protected vault', () => {
  it('answers Locked to every method of the table that needs an unlock', async () => {
    const t = await protectedVault();
    await t.vault.createCertificate('c', { subject: 'CN=c' });
    const locked = await t.reopen();
    const answers: Record<string, string> = {};
    for (const [method, requirement] of Object.entries(METHOD_REQUIREMENTS)) {
      const got = await callByName(locked, method).then(
        () => 'ok',
        (e: unknown) => {
          const err = e as { code: string; message: string };
          return err.code === 'Locked' ? `Locked: ${err.message}` : err.code;
        },
      );
      answers[method] =
        requirement === 'none' ? got : got === 'Locked: The vault is locked: unlock it first.' ? 'Locked' : got;
    }
    const expected = Object.fromEntries(
      Object.entries(METHOD_REQUIREMENTS).map(([m, r]) => [m, r === 'none' ? 'ok' : 'Locked']),
    );
    // The methods allowed while locked, past the gate: their own checks refuse the throwaway arguments.
    Object.assign(expected, { protect: 'BadParameter', unlock: 'BadParameter' });
    expect(answers).toEqual(expected);
    expect(Object.keys(answers)).toHaveLength(53);
    expect(await locked.getAccessState()).toMatchObject({ protected: true, unlocked: false });
    expect(await locked.runLifetimeActions()).toEqual([]);
    await expect(locked.protect({ principal: 'Mallory', passphrase: 'a long passphrase' })).rejects.toMatchObject({
      code: 'Conflict',
    });
  });

  it('lock() drops the unlock at once, also for a CryptographyClient already held', async () => {
    const t = await protectedVault();
    await t.vault.createCertificate('c', { subject: 'CN=c', keyType: 'EC' });
    const client = await t.vault.getCryptographyClient('c');
    await client.signData('ES256', new Uint8Array([1]));
    await t.vault.lock();
    await expect(client.signData('ES256', new Uint8Array([1]))).rejects.toMatchObject({ code: 'Locked' });
    await expect(client.verifyData('ES256', new Uint8Array([1]), new Uint8Array(64))).rejects.toMatchObject({
      code: 'Locked',
    });
    await expect(t.vault.getCertificate('c')).rejects.toMatchObject({
      name: 'VaultError',
      code: 'Locked',
      message: 'The vault is locked: unlock it first.',
    });
    expect(await t.vault.getAccessState()).toMatchObject({ protected: true, unlocked: false });
    expect((await t.vault.unlock({ principal: OWNER, passphrase: OWNER_PASSPHRASE })).unlocked).toBe(true);
    expect((await client.signData('ES256', new Uint8Array([1]))).result).toHaveLength(64);
  });

  it('an unlock is per open vault: another instance is locked, and close() locks', async () => {
    const t = await protectedVault();
    const other = await t.reopen();
    await expect(other.setContacts([{ email: 'pki@contoso.com' }])).rejects.toMatchObject({ code: 'Locked' });
    expect(await t.vault.setContacts([{ email: 'pki@contoso.com' }])).toHaveLength(1);
    await expect(other.getContacts()).rejects.toMatchObject({ code: 'Locked' });
    t.vault.close();
    const again = await t.reopen();
    expect((await again.getAccessState()).unlocked).toBe(false);
  });

  it('an unprotected vault allows every call and reports no principal', async () => {
    const { makeVault } = await import('../vault-fixture');
    const { vault } = await makeVault();
    expect(await vault.getAccessState()).toEqual({ protected: false, unlocked: true });
    expect(await vault.listAccessPolicies()).toEqual([]);
    await expect(
      vault.setAccessPolicy('bob', {
        passphrase: 'long enough pass',
        permissions: { certificates: [], keys: [], secrets: [] },
      }),
    ).rejects.toMatchObject({ code: 'Conflict' });
    await expect(vault.unlock({ principal: 'bob', passphrase: 'x' })).rejects.toMatchObject({ code: 'Conflict' });
    await vault.lock();
    expect(await vault.setContacts([{ email: 'pki@contoso.com' }])).toHaveLength(1);
  });
});
