/**
 * Opening, reading and listing a vault use stored metadata only: the PKI libraries load when a
 * PKI action starts (ARCHITECTURE §2). Here they are replaced by modules that throw when
 * loaded, so any static path to them from the vault's light entry (what the Certificates list
 * paints with) fails these tests.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('@peculiar/x509', () => {
  throw new Error('@peculiar/x509 was loaded');
});
vi.mock('pkijs', () => {
  throw new Error('pkijs was loaded');
});
vi.mock('asn1js', () => {
  throw new Error('asn1js was loaded');
});

const { openVault, EKU, isVaultError } = await import('../../../src/vault/light-entry');

const opened: { close(): void }[] = [];
afterEach(() => {
  for (const v of opened.splice(0)) v.close();
});

describe('the vault entry without the PKI libraries', () => {
  it('opens, lists, reads contacts, issuers, deleted and issued certificates, and scans lifetime actions', async () => {
    const vault = await openVault({ name: `light-${crypto.randomUUID().slice(0, 8)}` });
    opened.push(vault);
    const listed = [];
    for await (const p of vault.listPropertiesOfCertificates({ includePending: true })) listed.push(p);
    expect(listed).toEqual([]);
    expect(await vault.setContacts([{ email: 'pki@contoso.com' }])).toEqual([{ email: 'pki@contoso.com' }]);
    expect(await vault.getContacts()).toEqual([{ email: 'pki@contoso.com' }]);
    const issuers = [];
    for await (const i of vault.listPropertiesOfIssuers()) issuers.push(i);
    expect(issuers).toEqual([]);
    const deleted = [];
    for await (const d of vault.listDeletedCertificates()) deleted.push(d);
    expect(deleted).toEqual([]);
    expect(await vault.runLifetimeActions()).toEqual([]);
    // A Local issuer's log and revocation read stored rows only.
    const log = vault.listIssuedCertificates('no-such-ca')[Symbol.asyncIterator]();
    await expect(log.next()).rejects.toMatchObject({ name: 'VaultError', code: 'NotFound' });
    await expect(vault.revokeCertificate('no-such-ca', '01')).rejects.toMatchObject({ code: 'NotFound' });
    await expect(vault.getCertificate('absent')).rejects.toMatchObject({ name: 'VaultError', code: 'NotFound' });
    // What the UI takes from the light entry at first paint: the EKU names, the error check.
    expect(EKU.serverAuth).toBe('1.3.6.1.5.5.7.3.1');
    expect(isVaultError(await vault.getCertificate('absent').catch((e: unknown) => e))).toBe(true);
  });

  it('the lock screen path (access state, protect, lock, unlock, audit log) needs none of them either', async () => {
    const vault = await openVault({ name: `light-${crypto.randomUUID().slice(0, 8)}` });
    opened.push(vault);
    const prf = crypto.getRandomValues(new Uint8Array(32));
    const passkey = { credentialId: new Uint8Array([1, 2, 3]), prfSalt: crypto.getRandomValues(new Uint8Array(32)) };
    expect(await vault.getAccessState()).toEqual({ protected: false, unlocked: true });
    await vault.protect({ principal: 'Alice', prf, passkey });
    await vault.lock();
    expect((await vault.getAccessState()).principals).toEqual([{ principal: 'Alice', methods: ['passkey'], passkey }]);
    expect((await vault.unlock({ principal: 'alice', prf })).unlocked).toBe(true);
    expect((await vault.listAuditLog()).map((e) => e.action)).toEqual(['unlock', 'lock', 'protect']);
    expect(await vault.runLifetimeActions()).toEqual([]);
  });

  it('a PKI action does load them (so the replacement above is really in force)', async () => {
    const vault = await openVault({ name: `light-${crypto.randomUUID().slice(0, 8)}` });
    opened.push(vault);
    await expect(vault.createCertificate('web', { subject: 'CN=web' })).rejects.toMatchObject({
      name: 'VaultError',
    });
  });
});
