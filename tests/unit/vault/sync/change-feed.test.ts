/**
 * Two tabs of one vault (two open vaults on one database): every committed write is announced on
 * the vault's BroadcastChannel with what changed and nothing else, lock() in one locks the
 * other, and the UI's watcher hears only what was done elsewhere.
 */
import { describe, expect, it } from 'vitest';
import { watchVaultChanges, type VaultChange } from '../../../../src/vault';
import { channelName, readChangeMessage } from '../../../../src/vault/sync/change-message';
import { OWNER, OWNER_PASSPHRASE, protectedVault } from '../access/access-fixture';
import { makeVault } from '../vault-fixture';

/** Every message posted on vault `name`'s channel, as another tab receives it. */
function listen(name: string) {
  const messages: unknown[] = [];
  const channel = new BroadcastChannel(channelName(name));
  channel.onmessage = (e: MessageEvent) => messages.push(e.data);
  const changes = () => messages.flatMap((m) => readChangeMessage(m)?.changes ?? []);
  return {
    messages,
    changes,
    /** resolves once a change matching `want` has arrived (at most 1 s: the promise of two tabs) */
    until: async (want: VaultChange) => {
      const start = Date.now();
      while (!changes().some((c) => c.kind === want.kind && c.name === want.name)) {
        if (Date.now() - start > 1000)
          throw new Error(`no ${JSON.stringify(want)} within 1 s: ${JSON.stringify(changes())}`);
        await new Promise((r) => setTimeout(r, 5));
      }
    },
    close: () => channel.close(),
  };
}

const settle = () => new Promise((r) => setTimeout(r, 30));

describe('change messages', () => {
  it('each committed write names what changed: certificate, deleted, issuer, contacts', async () => {
    const t = await makeVault();
    const other = listen(t.vault.name);
    try {
      await t.vault.createCertificate('Web-1', { subject: 'CN=web', keyType: 'EC' });
      await other.until({ kind: 'certificate', name: 'web-1' });
      await t.vault.updateCertificatePolicy('web-1', { validityInMonths: 6 });
      await t.vault.deleteCertificate('Web-1');
      await other.until({ kind: 'deleted', name: 'web-1' });
      await t.vault.createIssuer('Corp-CA', 'Unknown');
      await other.until({ kind: 'issuer', name: 'corp-ca' });
      await t.vault.setContacts([{ email: 'ops@contoso.com' }]);
      await other.until({ kind: 'contacts' });
      // One message per write, each a deduplicated list.
      for (const m of other.messages) {
        const read = readChangeMessage(m);
        expect(read).toBeDefined();
        const keys = read!.changes.map((c) => `${c.kind}/${c.name ?? ''}`);
        expect(new Set(keys).size).toBe(keys.length);
      }
    } finally {
      other.close();
      t.vault.close();
    }
  });

  it('a write that fails announces nothing; reads announce nothing', async () => {
    const t = await makeVault();
    await t.vault.createCertificate('a', { subject: 'CN=a', keyType: 'EC' });
    const other = listen(t.vault.name);
    try {
      await expect(
        t.vault.createCertificate('A', { subject: 'CN=a', keyType: 'RSA', keySize: 1 }),
      ).rejects.toMatchObject({ code: 'BadParameter' });
      await expect(t.vault.updateCertificatePolicy('a', { validityInMonths: 0 })).rejects.toMatchObject({
        name: 'VaultError',
      });
      await t.vault.getCertificate('a');
      await settle();
      expect(other.messages).toEqual([]);
    } finally {
      other.close();
      t.vault.close();
    }
  });

  it('the UI watcher hears writes of another tab within a second, not those of vaults open in its own page', async () => {
    const t = await makeVault();
    const seen: VaultChange[][] = [];
    const stop = watchVaultChanges(t.vault.name, (c) => seen.push(c));
    try {
      // Same realm: this page's own vault. Its screen refreshed itself already.
      await t.vault.createCertificate('mine', { subject: 'CN=mine', keyType: 'EC' });
      await settle();
      expect(seen).toEqual([]);
      // Another tab's message (another realm: a vault id not open here).
      const tab = new BroadcastChannel(channelName(t.vault.name));
      tab.postMessage({
        type: 'certkeep-vault-change',
        vault: t.vault.name,
        from: 'another-tab',
        changes: [{ kind: 'certificate', name: 'theirs' }],
      });
      // Garbage on the channel is ignored, not passed on.
      tab.postMessage({ type: 'certkeep-vault-change', vault: t.vault.name, from: 'x', changes: [{ kind: 'rm -rf' }] });
      tab.postMessage('hello');
      const start = Date.now();
      while (seen.length === 0 && Date.now() - start < 1000) await new Promise((r) => setTimeout(r, 5));
      await settle();
      expect(seen).toEqual([[{ kind: 'certificate', name: 'theirs' }]]);
      tab.close();
    } finally {
      stop();
      t.vault.close();
    }
  });

  it('lock() in one tab locks the vault in every other tab (the master key is dropped there too)', async () => {
    const t = await protectedVault();
    const b = await t.reopen();
    try {
      await b.unlock({ principal: OWNER, passphrase: OWNER_PASSPHRASE });
      await t.vault.createCertificate('c', { subject: 'CN=c', keyType: 'EC' });
      expect((await b.getCertificate('c')).name).toBe('c');
      expect((await b.getAccessState()).unlocked).toBe(true);
      await t.vault.lock();
      const start = Date.now();
      while ((await b.getAccessState()).unlocked && Date.now() - start < 1000)
        await new Promise((r) => setTimeout(r, 5));
      expect((await b.getAccessState()).unlocked).toBe(false);
      await expect(b.getCertificate('c')).rejects.toMatchObject({ code: 'Locked' });
      // Unlocking stays per tab: b's unlock does not unlock a.
      await b.unlock({ principal: OWNER, passphrase: OWNER_PASSPHRASE });
      await settle();
      expect((await t.vault.getAccessState()).unlocked).toBe(false);
    } finally {
      b.close();
      t.vault.close();
    }
  });
});

describe('the channel never carries a secret', () => {
  it('through protect, unlock, create, export, import, issuer credentials, backup and restore', async () => {
    const secrets = {
      passphrase: 'river tango seventeen lanterns',
      second: 'another long passphrase here',
      pfx: 'pfx-password-ZQ9',
      issuer: 'issuer-api-key-77f1',
      backup: 'backup-password-41',
    };
    const t = await makeVault({ iterations: 1000 });
    const other = listen(t.vault.name);
    try {
      await t.vault.protect({ principal: 'Alice', passphrase: secrets.passphrase });
      await t.vault.setAccessPolicy('Bob', {
        passphrase: secrets.second,
        permissions: { certificates: ['get', 'list'], keys: [], secrets: [] },
      });
      await t.vault.lock();
      await t.vault.unlock({ principal: 'Alice', passphrase: secrets.passphrase });
      await t.vault.createCertificate('Src', { subject: 'CN=src', keyType: 'EC' });
      const pfx = await t.vault.getSecret('Src', { password: secrets.pfx });
      await t.vault.importCertificate('Copy', pfx.value, { password: secrets.pfx });
      await t.vault.createIssuer('DigiCert-1', 'DigiCert', { accountId: 'acct', password: secrets.issuer });
      const backup = await t.vault.backupCertificate('Copy', { password: secrets.backup });
      await t.vault.deleteCertificate('Copy');
      await t.vault.purgeDeletedCertificate('Copy');
      await t.vault.restoreCertificateBackup(backup, { password: secrets.backup });
      await t.vault.setContacts([{ email: 'ops@contoso.com', name: 'Ops', phone: '+1 555 0100' }]);
      await other.until({ kind: 'contacts' });
      expect(other.messages.length).toBeGreaterThan(10);
      for (const m of other.messages) {
        // Exactly the fields of a change message, each change a kind and at most a lowercase name.
        expect(m).toEqual(readChangeMessage(m));
        const text = JSON.stringify(m);
        for (const s of Object.values(secrets)) expect(text).not.toContain(s);
        // No principal, contact, subject or bytes either: only kinds and certificate/issuer names.
        for (const word of ['alice', 'bob', 'ops@', 'CN=', '555'])
          expect(text.toLowerCase()).not.toContain(word.toLowerCase());
      }
      const kinds = new Set(other.changes().map((c) => c.kind));
      expect([...kinds].sort()).toEqual(['access', 'certificate', 'contacts', 'deleted', 'issuer', 'lock']);
    } finally {
      other.close();
      t.vault.close();
    }
  });
});
