import { expect, test, type Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { openssl, tempDir } from '../support/openssl';
import { openVaultHarness } from './harness/module-harness';
import { ecdsaRawToDer } from '../support/ecdsa-signature';

// The vault extras over Chromium's real IndexedDB and WebCrypto: the non-extractable vault key
// and issuer secrets, the CryptographyClient on stored keys after a reload, backups with
// real PBKDF2 (600 000 iterations), and lifetime actions over the byNextDue index.
test.describe.configure({ mode: 'default' });

const unb64 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'base64'));

async function reload(page: Page): Promise<void> {
  await page.reload();
  await page.waitForFunction(() => 'vaultPage' in window);
}

test.describe('vault extras in Chromium', () => {
  test.beforeEach(async ({ page }) => {
    await openVaultHarness(page);
  });

  test('issuer API key: sealed in IndexedDB under a non-extractable vault key, readable after a reload', async ({
    page,
  }) => {
    const name = `issuers-${Date.now()}`;
    const secret = 'digicert-api-key-7Hq2s9Lk';
    await page.evaluate(
      ({ name, secret }) =>
        window.vaultPage.withVault(name, async (v) => {
          await v.createIssuer('Digi', 'DigiCert', { accountId: 'acct', password: secret, organizationId: 'org' });
        }),
      { name, secret },
    );
    await reload(page);
    const raw = await page.evaluate(async (db) => {
      const open = indexedDB.open(db);
      const conn = await new Promise<IDBDatabase>((resolve, reject) => {
        open.onsuccess = () => {
          resolve(open.result);
        };
        open.onerror = () => {
          reject(open.error ?? new Error('open failed'));
        };
      });
      const get = (store: string, key: string) =>
        new Promise<unknown>((resolve) => {
          const q = conn.transaction(store).objectStore(store).get(key);
          q.onsuccess = () => {
            resolve(q.result);
          };
        });
      const issuer = (await get('issuers', 'digi')) as { encryptedPassword: { data: Uint8Array } };
      const key = ((await get('meta', 'vaultKey')) as { value: CryptoKey }).value;
      const exported = await crypto.subtle.exportKey('raw', key).then(
        () => 'exported',
        (e: unknown) => (e instanceof Error ? e.name : String(e)),
      );
      conn.close();
      return {
        json: JSON.stringify(issuer),
        hasPassword: 'password' in issuer,
        data: Array.from(issuer.encryptedPassword.data),
        extractable: key.extractable,
        exported,
      };
    }, `certkeep-vault:${name}`);
    expect(raw.hasPassword).toBe(false);
    expect(raw.json).not.toContain(secret);
    expect(Buffer.from(raw.data).includes(Buffer.from(secret))).toBe(false);
    expect(raw.extractable).toBe(false);
    expect(raw.exported).toBe('InvalidAccessError');
    const read = await page.evaluate(
      (name) =>
        window.vaultPage.withVault(name, async (v) => {
          const i = await v.getIssuer('digi');
          return { password: i.password, org: i.organizationId };
        }),
      name,
    );
    expect(read).toEqual({ password: secret, org: 'org' });
  });

  test('CryptographyClient after a reload: ES256 on a non-exportable key and PS256 on an exportable one verify with openssl', async ({
    page,
  }) => {
    const name = `crypto-${Date.now()}`;
    const t = tempDir('certkeep-extras-e2e-');
    try {
      await page.evaluate(
        (name) =>
          window.vaultPage.withVault(name, async (v) => {
            await v.createCertificate('ec', {
              subject: 'CN=ec',
              keyType: 'EC',
              keyCurveName: 'P-256',
              exportable: false,
            });
            await v.createCertificate('rsa', { subject: 'CN=rsa', keyType: 'RSA', exportable: true });
            await v.createCertificate('hsm', { subject: 'CN=hsm', keyType: 'RSA-HSM', exportable: false });
          }),
        name,
      );
      await reload(page);
      const data = 'signed in chromium';
      const out = await page.evaluate(
        ({ name, data }) =>
          window.vaultPage.withVault(name, async (v, { enc, errorOf }) => {
            const bytes = new TextEncoder().encode(data);
            const ec = await v.getCryptographyClient('ec');
            const rsa = await v.getCryptographyClient('rsa');
            const hsm = await v.getCryptographyClient('hsm');
            const es = await ec.signData('ES256', bytes);
            const ps = await rsa.signData('PS256', bytes);
            const refusal = await errorOf(hsm.signData('PS256', bytes));
            const rs = await hsm.signData('RS256', bytes);
            return {
              es: enc(es.result),
              ps: enc(ps.result),
              rs: enc(rs.result),
              refused: refusal && { name: refusal.name, code: refusal.code },
              ecCer: enc((await v.getCertificate('ec')).cer),
              rsaCer: enc((await v.getCertificate('rsa')).cer),
              hsmCer: enc((await v.getCertificate('hsm')).cer),
            };
          }),
        { name, data },
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
    const made = await page.evaluate(
      (src) =>
        window.vaultPage.withVault(src, async (v, { enc }) => {
          await v.createCertificate('web', { subject: 'CN=web', exportable: true }, { tags: { env: 'prod' } });
          await v.createCertificate('hsm', { subject: 'CN=hsm', keyType: 'EC-HSM', exportable: false });
          return {
            web: enc(await v.backupCertificate('web', { password: 'pw' })),
            hsm: enc(await v.backupCertificate('hsm', { password: 'pw' })),
          };
        }),
      src,
    );
    const web = unb64(made.web);
    expect(new TextDecoder().decode(web.subarray(0, 15))).toBe('CERTKEEP-BACKUP');
    expect(Buffer.from(web).readUInt32BE(17)).toBeGreaterThanOrEqual(600_000);
    await reload(page);
    const restored = await page.evaluate(
      ({ dst, made }) =>
        window.vaultPage.withVault(dst, async (v, { dec, codeOf }) => {
          const w = await v.restoreCertificateBackup(dec(made.web), { password: 'pw' });
          const h = await v.restoreCertificateBackup(dec(made.hsm), { password: 'pw' });
          const sig = await (await v.getCryptographyClient('web')).signData('RS256', new Uint8Array([1, 2, 3]));
          const hsmSign = await codeOf((await v.getCryptographyClient('hsm')).signData('ES256', new Uint8Array([1])));
          const again = await codeOf(v.restoreCertificateBackup(dec(made.web), { password: 'pw' }));
          const wrong = await codeOf(v.restoreCertificateBackup(dec(made.hsm), { password: 'nope' }));
          return {
            web: [w.keyIncluded, w.properties.tags.env, sig.result.length],
            hsm: [h.keyIncluded, hsmSign],
            again,
            wrong,
          };
        }),
      { dst, made },
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
    await page.evaluate(
      (name) =>
        window.vaultPage.withVault(
          name,
          async (v) => {
            await v.setContacts([{ email: 'pki@contoso.com' }]);
            await v.createCertificate('auto', {
              subject: 'CN=auto',
              keyType: 'EC',
              validityInMonths: 12,
              lifetimeActions: [{ action: 'AutoRenew', daysBeforeExpiry: 30 }],
            });
            await v.createCertificate('mail', {
              subject: 'CN=mail',
              keyType: 'EC',
              issuerName: 'Unknown',
              lifetimeActions: [{ action: 'EmailContacts', daysBeforeExpiry: 30 }],
            });
          },
          { now: '2026-01-10T00:00:00Z' },
        ),
      name,
    );
    const early = await page.evaluate(
      (name) =>
        window.vaultPage.withVault(name, async (v) => (await v.runLifetimeActions()).length, {
          now: '2026-06-01T00:00:00Z',
        }),
      name,
    );
    expect(early).toBe(0);
    await reload(page);
    const due = await page.evaluate(
      (name) =>
        window.vaultPage.withVault(
          name,
          async (v, { collect }) => {
            const events = await v.runLifetimeActions();
            const again = await v.runLifetimeActions();
            return {
              kinds: events.map((e) => [e.kind, e.certificateName, e.issuerName, e.contacts.length]),
              again: again.length,
              versions: (await collect(v.listPropertiesOfCertificateVersions('auto'))).length,
            };
          },
          { now: '2026-12-20T00:00:00Z' },
        ),
      name,
    );
    expect(due).toEqual({ kinds: [['renewed', 'auto', 'Self', 1]], again: 0, versions: 2 });
  });
});
