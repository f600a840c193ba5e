import { afterEach, describe, expect, it } from 'vitest';
import { deleteVaultDatabase, openIdbVaultStore } from '../../../src/store/idb-vault-store';
import { createVaultContext, type VaultContext } from '../../../src/vault/context';
import { deleteContacts, getContacts, isValidEmail, setContacts } from '../../../src/vault/contacts';
import { openVault } from '../../../src/vault';
import { stringContaining, stringMatching } from '../../support/match';

let n = 0;
const opened: VaultContext[] = [];
async function freshContext(): Promise<VaultContext> {
  const ctx = createVaultContext(await openIdbVaultStore(`contacts-${++n}-${Date.now()}`));
  opened.push(ctx);
  return ctx;
}
afterEach(async () => {
  for (const ctx of opened.splice(0)) {
    ctx.store.close();
    await deleteVaultDatabase(ctx.name);
  }
});

describe('email syntax', () => {
  const cases: { email: string; want: boolean }[] = [
    { email: 'admin@contoso.com', want: true },
    { email: 'first.last+pki@sub.example.co.uk', want: true },
    { email: 'admin@contoso', want: false },
    { email: 'admin@@contoso.com', want: false },
    { email: '@contoso.com', want: false },
    { email: 'admin contoso@x.com', want: false },
    { email: 'admin@-contoso.com', want: false },
    { email: `${'a'.repeat(250)}@x.com`, want: false },
  ];
  it.each(cases)('$email → $want', ({ email, want }) => expect(isValidEmail(email)).toBe(want));
});

describe('contacts', () => {
  it('getContacts on a new vault is NotFound (Key Vault answers 404)', async () => {
    const ctx = await freshContext();
    await expect(getContacts(ctx)).rejects.toMatchObject({ name: 'VaultError', code: 'NotFound' });
    await expect(deleteContacts(ctx)).rejects.toMatchObject({ code: 'NotFound' });
  });

  it('sets, reads, replaces and deletes the vault-wide list', async () => {
    const ctx = await freshContext();
    const set = await setContacts(ctx, [
      { email: ' pki@contoso.com ', name: 'PKI team', phone: '+1 (425) 555-0100' },
      { email: 'oncall@contoso.com' },
    ]);
    expect(set).toEqual([
      { email: 'pki@contoso.com', name: 'PKI team', phone: '+1 (425) 555-0100' },
      { email: 'oncall@contoso.com' },
    ]);
    expect(await getContacts(ctx)).toEqual(set);
    await setContacts(ctx, [{ name: 'Only a name' }]);
    expect(await getContacts(ctx)).toEqual([{ name: 'Only a name' }]);
    expect(await deleteContacts(ctx)).toEqual([{ name: 'Only a name' }]);
    await expect(getContacts(ctx)).rejects.toMatchObject({ code: 'NotFound' });
  });

  it('refuses a bad email naming the entry, and keeps the old list', async () => {
    const ctx = await freshContext();
    await setContacts(ctx, [{ email: 'a@contoso.com' }]);
    await expect(
      setContacts(ctx, [{ email: 'ok@contoso.com' }, { email: 'not-an-email', name: 'Bob' }]),
    ).rejects.toMatchObject({
      code: 'BadParameter',
      message: stringMatching(/Contact 2.*not-an-email/),
    });
    await expect(setContacts(ctx, [{}])).rejects.toMatchObject({
      code: 'BadParameter',
      message: stringContaining('Contact 1'),
    });
    await expect(setContacts(ctx, [{ phone: 'call me' }])).rejects.toMatchObject({ code: 'BadParameter' });
    expect(await getContacts(ctx)).toEqual([{ email: 'a@contoso.com' }]);
  });

  it('an empty list removes the contacts', async () => {
    const ctx = await freshContext();
    await setContacts(ctx, [{ email: 'a@contoso.com' }]);
    expect(await setContacts(ctx, [])).toEqual([]);
    await expect(getContacts(ctx)).rejects.toMatchObject({ code: 'NotFound' });
  });
});

describe('contacts through openVault', () => {
  it('are per vault and fail only with VaultError', async () => {
    const a = await openVault({ name: `contacts-a-${Date.now()}` });
    const b = await openVault({ name: `contacts-b-${Date.now()}` });
    try {
      await a.setContacts([{ email: 'a@contoso.com' }]);
      expect(await a.getContacts()).toEqual([{ email: 'a@contoso.com' }]);
      await expect(b.getContacts()).rejects.toMatchObject({ name: 'VaultError', code: 'NotFound' });
      await expect(a.setContacts('nope' as never)).rejects.toMatchObject({ name: 'VaultError', code: 'BadParameter' });
    } finally {
      for (const v of [a, b]) {
        v.close();
        await deleteVaultDatabase(v.name);
      }
    }
  });
});
