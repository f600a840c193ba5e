import { afterEach, describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import { deleteVaultDatabase, openIdbVaultStore } from '../../../src/store/idb-vault-store';
import { createVaultContext, type VaultContext } from '../../../src/vault/context';
import {
  createIssuer,
  deleteIssuer,
  getIssuer,
  listPropertiesOfIssuers,
  updateIssuer,
} from '../../../src/vault/issuers';
import { VAULT_KEY_META } from '../../../src/vault/secret-box';
import { createCertificateVault } from '../../../src/vault/certificate-vault';
import type { CertificateRecord } from '../../../src/vault/vault-store';
import { stringContaining } from '../../support/match';

let n = 0;
const opened: VaultContext[] = [];
async function freshContext(): Promise<VaultContext> {
  const store = await openIdbVaultStore(`issuers-${++n}-${Date.now()}`);
  const ctx = createVaultContext(store, () => new Date('2026-03-01T10:00:00Z'));
  opened.push(ctx);
  return ctx;
}
afterEach(async () => {
  for (const ctx of opened.splice(0)) {
    ctx.store.close();
    await deleteVaultDatabase(ctx.name);
  }
});

const DIGICERT_KEY = 'digicert-api-key-Zm9vYmFyMTIz';

describe('issuers', () => {
  it('keeps every DigiCert field and returns the API key decrypted', async () => {
    const ctx = await freshContext();
    const made = await createIssuer(ctx, 'Digi', 'DigiCert', {
      accountId: 'acct-1',
      password: DIGICERT_KEY,
      organizationId: 'org-9',
    });
    expect(made).toMatchObject({
      id: `${ctx.vaultUrl}/certificates/issuers/Digi`,
      name: 'Digi',
      provider: 'DigiCert',
      accountId: 'acct-1',
      password: DIGICERT_KEY,
      organizationId: 'org-9',
      enabled: true,
      properties: { name: 'Digi', provider: 'DigiCert' },
    });
    expect(made.createdOn.toISOString()).toBe('2026-03-01T10:00:00.000Z');
    const read = await getIssuer(ctx, 'digi');
    expect(read.password).toBe(DIGICERT_KEY);
    expect(read.organizationId).toBe('org-9');
  });

  it('keeps GlobalSign administrator contacts and validates their email', async () => {
    const ctx = await freshContext();
    const admins = [{ firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', phone: '+44 20 7946 0000' }];
    await createIssuer(ctx, 'GS', 'GlobalSign', {
      accountId: 'gs-acct',
      password: 'gs pw ',
      administratorContacts: admins,
    });
    const read = await getIssuer(ctx, 'GS');
    expect(read.administratorContacts).toEqual(admins);
    expect(read.password).toBe('gs pw ');
    await expect(
      createIssuer(ctx, 'GS2', 'GlobalSign', {
        administratorContacts: [admins[0], { firstName: 'Bob', email: 'bob@' }],
      }),
    ).rejects.toMatchObject({
      name: 'VaultError',
      code: 'BadParameter',
      message: stringContaining('Administrator contact 2'),
    });
  });

  it('stores the password only encrypted, under a non-extractable vault key', async () => {
    const ctx = await freshContext();
    await createIssuer(ctx, 'Digi', 'DigiCert', { password: DIGICERT_KEY });
    const db = await openDB(`certkeep-vault:${ctx.name}`);
    const raw = (await db.get('issuers', 'digi')) as { encryptedPassword: { data: Uint8Array } };
    const meta = (await db.get('meta', VAULT_KEY_META)) as { value: CryptoKey };
    db.close();
    const secret = new TextEncoder().encode(DIGICERT_KEY);
    const haystack = Buffer.from(raw.encryptedPassword.data);
    expect(haystack.length).toBeGreaterThanOrEqual(secret.length);
    expect(haystack.includes(Buffer.from(secret))).toBe(false);
    expect(JSON.stringify(raw)).not.toContain(DIGICERT_KEY);
    expect('password' in raw).toBe(false);
    const vaultKey = meta.value;
    expect(vaultKey.extractable).toBe(false);
    expect(vaultKey.algorithm).toMatchObject({ name: 'AES-GCM', length: 256 });
    await expect(crypto.subtle.exportKey('raw', vaultKey)).rejects.toThrow();
  });

  it('uses one vault key for every issuer, made once', async () => {
    const ctx = await freshContext();
    await Promise.all([
      createIssuer(ctx, 'A', 'DigiCert', { password: 'a' }),
      createIssuer(ctx, 'B', 'DigiCert', { password: 'b' }),
    ]);
    expect((await getIssuer(ctx, 'A')).password).toBe('a');
    expect((await getIssuer(ctx, 'B')).password).toBe('b');
  });

  it('refuses bad names, reserved names, an empty provider and duplicates (case-insensitive)', async () => {
    const ctx = await freshContext();
    await expect(createIssuer(ctx, 'bad name', 'DigiCert')).rejects.toMatchObject({ code: 'BadParameter' });
    await expect(createIssuer(ctx, 'x'.repeat(128), 'DigiCert')).rejects.toMatchObject({ code: 'BadParameter' });
    await expect(createIssuer(ctx, 'Self', 'DigiCert')).rejects.toMatchObject({ code: 'BadParameter' });
    await expect(createIssuer(ctx, 'unknown', 'DigiCert')).rejects.toMatchObject({ code: 'BadParameter' });
    await expect(createIssuer(ctx, 'Ok', '  ')).rejects.toMatchObject({ code: 'BadParameter' });
    await createIssuer(ctx, 'Acme', 'OneCertV2-PrivateCA');
    await expect(createIssuer(ctx, 'ACME', 'DigiCert')).rejects.toMatchObject({
      code: 'Conflict',
      message: stringContaining('"Acme"'),
    });
  });

  it('NotFound for a missing issuer on get, update and delete', async () => {
    const ctx = await freshContext();
    await expect(getIssuer(ctx, 'nope')).rejects.toMatchObject({ code: 'NotFound' });
    await expect(updateIssuer(ctx, 'nope', { accountId: 'x' })).rejects.toMatchObject({ code: 'NotFound' });
    await expect(deleteIssuer(ctx, 'nope')).rejects.toMatchObject({ code: 'NotFound' });
  });

  it('updates only the given fields; an empty password removes it', async () => {
    const ctx = await freshContext();
    await createIssuer(ctx, 'Digi', 'DigiCert', { accountId: 'a1', password: 'old', organizationId: 'o1' });
    const later = { ...ctx, now: () => new Date('2026-04-01T00:00:00Z') };
    const u = await updateIssuer(later, 'Digi', { password: 'new-key', organizationId: 'o2' });
    expect(u).toMatchObject({ accountId: 'a1', password: 'new-key', organizationId: 'o2', provider: 'DigiCert' });
    expect(u.updatedOn.toISOString()).toBe('2026-04-01T00:00:00.000Z');
    expect(u.createdOn.toISOString()).toBe('2026-03-01T10:00:00.000Z');
    const cleared = await updateIssuer(ctx, 'Digi', { password: '', enabled: false });
    expect(cleared.password).toBeUndefined();
    expect(cleared.enabled).toBe(false);
    expect((await getIssuer(ctx, 'Digi')).password).toBeUndefined();
  });

  it('lists id, name and provider of every issuer', async () => {
    const ctx = await freshContext();
    await createIssuer(ctx, 'Digi', 'DigiCert', { password: 'x' });
    await createIssuer(ctx, 'GS', 'GlobalSign');
    const listed = [];
    for await (const p of listPropertiesOfIssuers(ctx)) listed.push(p);
    expect(listed).toEqual([
      { id: `${ctx.vaultUrl}/certificates/issuers/Digi`, name: 'Digi', provider: 'DigiCert' },
      { id: `${ctx.vaultUrl}/certificates/issuers/GS`, name: 'GS', provider: 'GlobalSign' },
    ]);
  });

  it('deletes an unused issuer and returns it; refuses one a policy names, naming the certificate', async () => {
    const ctx = await freshContext();
    await createIssuer(ctx, 'Digi', 'DigiCert', { password: 'k' });
    await createIssuer(ctx, 'Spare', 'GlobalSign');
    const cert: CertificateRecord = {
      key: 'web',
      name: 'Web',
      policy: { issuerName: 'digi' },
      createdOn: new Date(),
      updatedOn: new Date(),
      versionCount: 0,
    };
    await ctx.store.write((tx) => tx.put('certificates', cert));
    await expect(deleteIssuer(ctx, 'Digi')).rejects.toMatchObject({
      code: 'Conflict',
      message: stringContaining('"Web"'),
    });
    expect((await getIssuer(ctx, 'Digi')).password).toBe('k');
    const gone = await deleteIssuer(ctx, 'spare');
    expect(gone.name).toBe('Spare');
    await expect(getIssuer(ctx, 'Spare')).rejects.toMatchObject({ code: 'NotFound' });
  });
});

describe('issuers through the vault API', () => {
  it('a pending request names the issuer: deleting it is a Conflict naming the certificate', async () => {
    const ctx = await freshContext();
    const vault = createCertificateVault(ctx);
    await vault.createIssuer('Digi', 'DigiCert', { accountId: 'a', password: 'api-key', organizationId: 'o' });
    const op = await vault.createCertificate('Shop', { subject: 'CN=shop.contoso.com', issuerName: 'Digi' });
    expect(op).toMatchObject({ status: 'inProgress', issuerName: 'Digi' });
    await expect(vault.deleteIssuer('Digi')).rejects.toMatchObject({
      name: 'VaultError',
      code: 'Conflict',
      message: stringContaining('"Shop"'),
    });
    await vault.deleteCertificateOperation('Shop');
    const issuers = [];
    for await (const p of vault.listPropertiesOfIssuers()) issuers.push(p.name);
    expect(issuers).toEqual(['Digi']);
    await expect(vault.getIssuer('nope')).rejects.toMatchObject({ name: 'VaultError', code: 'NotFound' });
  });

  it('a sealed password copied into another issuer record does not open there', async () => {
    const ctx = await freshContext();
    await createIssuer(ctx, 'A', 'DigiCert', { password: 'secret-a' });
    await createIssuer(ctx, 'B', 'DigiCert', { password: 'secret-b' });
    await ctx.store.write(async (tx) => {
      const a = (await tx.get('issuers', 'a'))!;
      const b = (await tx.get('issuers', 'b'))!;
      await tx.put('issuers', { ...b, encryptedPassword: a.encryptedPassword });
    });
    await expect(getIssuer(ctx, 'B')).rejects.toMatchObject({
      code: 'Malformed',
      message: stringContaining('Set the credential again'),
    });
    expect((await getIssuer(ctx, 'A')).password).toBe('secret-a');
  });
});
