import { expect, test, type Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { openssl, tempDir } from '../support/openssl';
import { openModuleHarness } from './harness/module-harness';
import { ecdsaRawToDer } from '../support/ecdsa-signature';

// The vault extras over Chromium's real IndexedDB and WebCrypto: the non-extractable vault key
// and issuer secrets, the CryptographyClient on stored keys after a reload, backups with
// real PBKDF2 (600 000 iterations), and lifetime actions over the byNextDue index.
test.describe.configure({ mode: 'default' });

const unb64 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'base64'));

/** Runs `body` in the page with `v` = the opened vault (clock = `now` when given); errors come back as { error }. */
async function inVault<T>(page: Page, vaultName: string, body: string, arg: unknown = null, now?: string): Promise<T> {
  return page.evaluate(
    async ({ vaultName, body, arg, now }) => {
      const api = (window as any).vault;
      const enc = (b: Uint8Array) => btoa(String.fromCharCode(...b));
      const dec = (s: string) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
      const v = await api.openVault({ name: vaultName, ...(now ? { now: () => new Date(now) } : {}) });
      try {
        // eslint-disable-next-line no-new-func
        return await new Function('v', 'api', 'enc', 'dec', 'arg', `return (async () => { ${body} })();`)(
          v,
          api,
          enc,
          dec,
          arg,
        );
      } catch (e: any) {
        return { error: { name: e.name, code: e.code, message: e.message } };
      } finally {
        v.close();
      }
    },
    { vaultName, body, arg, now },
  ) as Promise<T>;
}

async function reload(page: Page): Promise<void> {
  await page.reload();
  await page.waitForFunction(() => (window as any).vault !== undefined);
}

test.describe('vault extras in Chromium', () => {
  test.beforeEach(async ({ page }) => {
    await openModuleHarness(page, { entry: 'src/vault/index.ts', globalName: 'vault' });
  });

  test('issuer API key: sealed in IndexedDB under a non-extractable vault key, readable after a reload', async ({
    page,
  }) => {
    const name = `issuers-${Date.now()}`;
    const secret = 'digicert-api-key-7Hq2s9Lk';
    await inVault(
      page,
      name,
      `await v.createIssuer('Digi', 'DigiCert', { accountId: 'acct', password: arg, organizationId: 'org' });`,
      secret,
    );
    await reload(page);
    const raw = await page.evaluate(async (db) => {
      const open = indexedDB.open(db);
      const conn: IDBDatabase = await new Promise(
        (r, j) => ((open.onsuccess = () => r(open.result)), (open.onerror = () => j(open.error))),
      );
      const get = (s: string, k: string) =>
        new Promise<any>((r) => {
          const q = conn.transaction(s).objectStore(s).get(k);
          q.onsuccess = () => r(q.result);
        });
      const issuer = await get('issuers', 'digi');
      const key: CryptoKey = (await get('meta', 'vaultKey')).value;
      const exported = await crypto.subtle.exportKey('raw', key).then(
        () => 'exported',
        (e) => e.name,
      );
      conn.close();
      return {
        json: JSON.stringify(issuer),
        hasPassword: 'password' in issuer,
        data: Array.from(issuer.encryptedPassword.data as Uint8Array),
        extractable: key.extractable,
        exported,
      };
    }, `certkeep-vault:${name}`);
    expect(raw.hasPassword).toBe(false);
    expect(raw.json).not.toContain(secret);
    expect(Buffer.from(raw.data).includes(Buffer.from(secret))).toBe(false);
    expect(raw.extractable).toBe(false);
    expect(raw.exported).toBe('InvalidAccessError');
    const read = await inVault<any>(
      page,
      name,
      `const i = await v.getIssuer('digi'); return { password: i.password, org: i.organizationId };`,
    );
    expect(read).toEqual({ password: secret, org: 'org' });
  });

  test('CryptographyClient after a reload: ES256 on a non-exportable key and PS256 on an exportable one verify with openssl', async ({
    page,
  }) => {
    const name = `crypto-${Date.now()}`;
    const t = tempDir('certkeep-extras-e2e-');
    try {
      await inVault(
        page,
        name,
        `
        await v.createCertificate('ec', { subject: 'CN=ec', keyType: 'EC', keyCurveName: 'P-256', exportable: false });
        await v.createCertificate('rsa', { subject: 'CN=rsa', keyType: 'RSA', exportable: true });
        await v.createCertificate('hsm', { subject: 'CN=hsm', keyType: 'RSA-HSM', exportable: false });`,
      );
      await reload(page);
      const data = 'signed in chromium';
      const out = await inVault<any>(
        page,
        name,
        `
        const bytes = new TextEncoder().encode(arg);
        const ec = await v.getCryptographyClient('ec');
        const rsa = await v.getCryptographyClient('rsa');
        const hsm = await v.getCryptographyClient('hsm');
        const es = await ec.signData('ES256', bytes);
        const ps = await rsa.signData('PS256', bytes);
        const refused = await hsm.signData('PS256', bytes).then(() => null, (e) => ({ name: e.name, code: e.code }));
        const rs = await hsm.signData('RS256', bytes);
        return {
          es: enc(es.result), ps: enc(ps.result), rs: enc(rs.result), refused,
          ecCer: enc((await v.getCertificate('ec')).cer), rsaCer: enc((await v.getCertificate('rsa')).cer), hsmCer: enc((await v.getCertificate('hsm')).cer),
        };`,
        data,
      );
      expect(out.refused).toEqual({ name: 'VaultError', code: 'Unsupported' });
      writeFileSync(t.path('data'), data);
      const verify = (cer: string, sig: Uint8Array, digest: string, extra: string[] = []) => {
        writeFileSync(t.path('cer.der'), unb64(cer));
        writeFileSync(
          t.path('pub.pem'),
          openssl(['x509', '-inform', 'DER', '-in', t.path('cer.der'), '-pubkey', '-noout']),
        );
        writeFileSync(t.path('sig'), sig);
        return openssl([
          'dgst',
          `-${digest}`,
          '-verify',
          t.path('pub.pem'),
          ...extra,
          '-signature',
          t.path('sig'),
          t.path('data'),
        ]).toString();
      };
      expect(unb64(out.es)).toHaveLength(64);
      expect(verify(out.ecCer, ecdsaRawToDer(unb64(out.es)), 'sha256')).toContain('Verified OK');
      expect(
        verify(out.rsaCer, unb64(out.ps), 'sha256', [
          '-sigopt',
          'rsa_padding_mode:pss',
          '-sigopt',
          'rsa_pss_saltlen:32',
        ]),
      ).toContain('Verified OK');
      expect(verify(out.hsmCer, unb64(out.rs), 'sha256')).toContain('Verified OK');
    } finally {
      t.cleanup();
    }
  });

  test('backup (600 000 PBKDF2 iterations) restores into another vault; the non-extractable key stays behind', async ({
    page,
  }) => {
    const src = `backup-src-${Date.now()}`;
    const dst = `backup-dst-${Date.now()}`;
    const made = await inVault<any>(
      page,
      src,
      `
      await v.createCertificate('web', { subject: 'CN=web', exportable: true }, { tags: { env: 'prod' } });
      await v.createCertificate('hsm', { subject: 'CN=hsm', keyType: 'EC-HSM', exportable: false });
      return { web: enc(await v.backupCertificate('web', { password: 'pw' })), hsm: enc(await v.backupCertificate('hsm', { password: 'pw' })) };`,
    );
    const web = unb64(made.web);
    expect(new TextDecoder().decode(web.subarray(0, 15))).toBe('CERTKEEP-BACKUP');
    expect(Buffer.from(web).readUInt32BE(17)).toBeGreaterThanOrEqual(600_000);
    await reload(page);
    const restored = await inVault<any>(
      page,
      dst,
      `
      const w = await v.restoreCertificateBackup(dec(arg.web), { password: 'pw' });
      const h = await v.restoreCertificateBackup(dec(arg.hsm), { password: 'pw' });
      const sig = await (await v.getCryptographyClient('web')).signData('RS256', new Uint8Array([1, 2, 3]));
      const hsmSign = await (await v.getCryptographyClient('hsm')).signData('ES256', new Uint8Array([1])).then(() => null, (e) => e.code);
      const again = await v.restoreCertificateBackup(dec(arg.web), { password: 'pw' }).then(() => null, (e) => e.code);
      const wrong = await v.restoreCertificateBackup(dec(arg.hsm), { password: 'nope' }).then(() => null, (e) => e.code);
      return { web: [w.keyIncluded, w.properties.tags.env, sig.result.length], hsm: [h.keyIncluded, hsmSign], again, wrong };`,
      made,
    );
    expect(restored).toEqual({
      web: [true, 'prod', 256],
      hsm: [false, 'Forbidden'],
      again: 'Conflict',
      wrong: 'InvalidPassword',
    });
  });

  test('runLifetimeActions over the byNextDue index: AutoRenew once, then nothing', async ({ page }) => {
    const name = `lifetime-${Date.now()}`;
    await inVault(
      page,
      name,
      `
      await v.setContacts([{ email: 'pki@contoso.com' }]);
      await v.createCertificate('auto', { subject: 'CN=auto', keyType: 'EC', validityInMonths: 12, lifetimeActions: [{ action: 'AutoRenew', daysBeforeExpiry: 30 }] });
      await v.createCertificate('mail', { subject: 'CN=mail', keyType: 'EC', issuerName: 'Unknown', lifetimeActions: [{ action: 'EmailContacts', daysBeforeExpiry: 30 }] });`,
      null,
      '2026-01-10T00:00:00Z',
    );
    const early = await inVault<any>(
      page,
      name,
      `return (await v.runLifetimeActions()).length;`,
      null,
      '2026-06-01T00:00:00Z',
    );
    expect(early).toBe(0);
    await reload(page);
    const due = await inVault<any>(
      page,
      name,
      `
      const events = await v.runLifetimeActions();
      const again = await v.runLifetimeActions();
      return { kinds: events.map((e) => [e.kind, e.certificateName, e.issuerName, e.contacts.length]), again: again.length, versions: (await (async () => { const n = []; for await (const p of v.listPropertiesOfCertificateVersions('auto')) n.push(p.version); return n.length; })()) };`,
      null,
      '2026-12-20T00:00:00Z',
    );
    expect(due).toEqual({ kinds: [['renewed', 'auto', 'Self', 1]], again: 0, versions: 2 });
  });
});
