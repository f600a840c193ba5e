import { expect, test, type Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { openssl, tempDir } from '../support/openssl';
import { makeOpensslCa, type OpensslCa } from '../unit/vault/openssl-ca';
import { DB_VERSION } from '../../src/store/schema';
import { openModuleHarness } from './harness/module-harness';

// The vault's main paths once more over Chromium's real IndexedDB and WebCrypto: CryptoKeys
// stored by structured clone, non-extractable keys, a reload between writes and reads.
test.describe.configure({ mode: 'default' });

let ca: OpensslCa;
let t: ReturnType<typeof tempDir>;
test.beforeAll(() => {
  ca = makeOpensslCa();
  t = tempDir('certkeep-vault-e2e-');
});
test.afterAll(() => {
  ca?.cleanup();
  t?.cleanup();
});

const b64 = (b: Uint8Array): string => Buffer.from(b).toString('base64');
const unb64 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'base64'));

/** Runs `body` in the page with `v` = the opened vault; errors come back as { error }. */
async function inVault<T>(page: Page, vaultName: string, body: string, arg: unknown = null): Promise<T> {
  return page.evaluate(
    async ({ vaultName, body, arg }) => {
      const api = (window as any).vault;
      const enc = (b: Uint8Array) => btoa(String.fromCharCode(...b));
      const dec = (s: string) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
      const v = await api.openVault({ name: vaultName });
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
    { vaultName, body, arg },
  ) as Promise<T>;
}

test.describe('vault in Chromium', () => {
  test.beforeEach(async ({ page }) => {
    await openModuleHarness(page, { entry: 'src/vault/index.ts', globalName: 'vault' });
  });

  test('create Self, survive a reload, list and export', async ({ page }) => {
    const name = `self-${Date.now()}`;
    const created = await inVault<any>(
      page,
      name,
      `
      const op = await v.createCertificate('web', { subject: 'CN=web.contoso.com', subjectAlternativeNames: { dnsNames: ['web.contoso.com'] } });
      return { status: op.status };`,
    );
    expect(created).toEqual({ status: 'completed' });
    await page.reload();
    await page.waitForFunction(() => (window as any).vault !== undefined);
    const read = await inVault<any>(
      page,
      name,
      `
      const c = await v.getCertificate('web');
      const info = await api.describeCertificate(c.cer);
      const list = [];
      for await (const p of v.listPropertiesOfCertificates()) list.push(p.name);
      const secret = await v.getSecret('web', { password: 'pw' });
      return { subject: info.subject, selfSigned: info.selfSigned, list, vaults: await api.listVaults(), pfx: enc(secret.value) };`,
    );
    expect(read).toMatchObject({ subject: 'CN=web.contoso.com', selfSigned: true, list: ['web'] });
    expect(read.vaults).toContain(name);
    const pfx = t.path('web.pfx');
    writeFileSync(pfx, unb64(read.pfx));
    expect(openssl(['pkcs12', '-in', pfx, '-passin', 'pass:pw', '-nodes']).toString()).toContain('BEGIN PRIVATE KEY');
  });

  test('create Unknown, merge an openssl-signed certificate', async ({ page }) => {
    const name = `merge-${Date.now()}`;
    const op = await inVault<any>(
      page,
      name,
      `
      const op = await v.createCertificate('m', { subject: 'CN=m.contoso.com', issuerName: 'Unknown', keyType: 'EC' });
      return { status: op.status, csr: enc(op.csr) };`,
    );
    expect(op.status).toBe('inProgress');
    const signed = ca.sign(unb64(op.csr)) + ca.caPem;
    const merged = await inVault<any>(
      page,
      name,
      `
      const c = await v.mergeCertificate('m', [new TextEncoder().encode(arg)]);
      const wrong = await v.mergeCertificate('m', [new TextEncoder().encode(arg)]).catch((e) => ({ code: e.code, message: e.message }));
      return { chain: c.chain.length, status: (await v.getCertificateOperation('m')).status, wrong };`,
      signed,
    );
    expect(merged).toMatchObject({
      chain: 2,
      status: 'completed',
      wrong: { code: 'BadParameter', message: expect.stringContaining('already been used') },
    });
  });

  test('import an openssl PFX; delete and recover', async ({ page }) => {
    openssl([
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      t.path('i.key'),
      '-out',
      t.path('i.pem'),
      '-subj',
      '/CN=imported',
      '-days',
      '30',
    ]);
    openssl([
      'pkcs12',
      '-export',
      '-inkey',
      t.path('i.key'),
      '-in',
      t.path('i.pem'),
      '-passout',
      'pass:pfx-pw',
      '-out',
      t.path('i.pfx'),
    ]);
    const name = `import-${Date.now()}`;
    const result = await inVault<any>(
      page,
      name,
      `
      const bad = await v.importCertificate('imp', dec(arg), { password: 'wrong' }).catch((e) => e.code);
      const c = await v.importCertificate('imp', dec(arg), { password: 'pfx-pw' });
      const d = await v.deleteCertificate('imp');
      const conflict = await v.createCertificate('imp', { subject: 'CN=x' }).catch((e) => e.code);
      const r = await v.recoverDeletedCertificate('imp');
      return { bad, issuer: c.policy.issuerName, keyType: c.policy.keyType, purge: d.scheduledPurgeDate.getTime() - d.deletedOn.getTime(), conflict, same: r.properties.version === c.properties.version };`,
      b64(new Uint8Array(readFileSync(t.path('i.pfx')))),
    );
    expect(result).toEqual({
      bad: 'InvalidPassword',
      issuer: 'Self',
      keyType: 'RSA',
      purge: 90 * 86400e3,
      conflict: 'Conflict',
      same: true,
    });
  });

  test('a non-extractable key stored in IndexedDB refuses exportKey', async ({ page }) => {
    const name = `locked-${Date.now()}`;
    await inVault(
      page,
      name,
      `await v.createCertificate('locked', { subject: 'CN=locked', keyType: 'EC', exportable: false });`,
    );
    const outcome = await page.evaluate(async (dbName) => {
      const db: IDBDatabase = await new Promise((res, rej) => {
        const r = indexedDB.open(dbName);
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
      const keys: any[] = await new Promise((res, rej) => {
        const r = db.transaction('keys').objectStore('keys').getAll();
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
      db.close();
      const key: CryptoKey = keys[0].privateKey;
      const exported = await crypto.subtle.exportKey('pkcs8', key).then(
        () => 'exported',
        (e) => e.name,
      );
      // Still usable for signing inside the browser.
      const sig = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, key, new Uint8Array([1, 2, 3]));
      return {
        count: keys.length,
        isCryptoKey: key instanceof CryptoKey,
        extractable: key.extractable,
        exported,
        sigLength: sig.byteLength,
      };
    }, `certkeep-vault:${name}`);
    expect(outcome).toEqual({
      count: 1,
      isCryptoKey: true,
      extractable: false,
      exported: 'InvalidAccessError',
      sigLength: 64,
    });
  });

  test('another tab upgrading the schema is not blocked; this tab is told to reload', async ({ page, context }) => {
    const name = `tabs-${Date.now()}`;
    await page.evaluate(async (name) => {
      (window as any).held = await (window as any).vault.openVault({ name });
      await (window as any).held.setContacts([{ email: 'ops@contoso.com' }]);
    }, name);
    const other = await context.newPage();
    await openModuleHarness(other, { entry: 'src/vault/index.ts', globalName: 'vault' });
    const upgraded = await other.evaluate(
      ({ dbName, version }) =>
        new Promise<string>((resolve) => {
          const r = indexedDB.open(dbName, version);
          r.onupgradeneeded = () => r.result.createObjectStore('future');
          r.onsuccess = () => {
            r.result.close();
            resolve('upgraded');
          };
          r.onblocked = () => resolve('blocked');
          r.onerror = () => resolve(`error ${r.error?.name}`);
        }),
      { dbName: `certkeep-vault:${name}`, version: DB_VERSION + 1 },
    );
    expect(upgraded).toBe('upgraded');
    const after = await page.evaluate(() =>
      (window as any).held.getContacts().then(
        () => 'ok',
        (e: any) => ({ code: e.code, message: e.message }),
      ),
    );
    expect(after).toMatchObject({ code: 'Conflict', message: expect.stringContaining('Reload this page') });
  });
});
