import { expect, test, type Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { openssl, tempDir } from '../support/openssl';
import { makeOpensslCa, type OpensslCa } from '../unit/vault/openssl-ca';
import { DB_VERSION } from '../../src/store/schema';
import { openVaultHarness } from './harness/module-harness';

// The vault's main paths once more over Chromium's real IndexedDB and WebCrypto: CryptoKeys
// stored by structured clone, non-extractable keys, a reload between writes and reads.
test.describe.configure({ mode: 'default' });

let ca: OpensslCa | undefined;
let t: ReturnType<typeof tempDir> | undefined;
test.beforeAll(() => {
  ca = makeOpensslCa();
  t = tempDir('certkeep-vault-e2e-');
});
test.afterAll(() => {
  ca?.cleanup();
  t?.cleanup();
});

function fixtures(): { ca: OpensslCa; t: ReturnType<typeof tempDir> } {
  if (!ca || !t) throw new Error('beforeAll did not run');
  return { ca, t };
}

const b64 = (b: Uint8Array): string => Buffer.from(b).toString('base64');
const unb64 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'base64'));

async function reload(page: Page): Promise<void> {
  await page.reload();
  await page.waitForFunction(() => 'vaultPage' in window);
}

test.describe('vault in Chromium', () => {
  test.beforeEach(async ({ page }) => {
    await openVaultHarness(page);
  });

  test('create Self, survive a reload, list and export', async ({ page }) => {
    const { t } = fixtures();
    const name = `self-${Date.now()}`;
    const created = await page.evaluate(
      (name) =>
        window.vaultPage.withVault(name, async (v) => {
          const op = await v.createCertificate('web', {
            subject: 'CN=web.contoso.com',
            subjectAlternativeNames: { dnsNames: ['web.contoso.com'] },
          });
          return { status: op.status };
        }),
      name,
    );
    expect(created).toEqual({ status: 'completed' });
    await reload(page);
    const read = await page.evaluate(
      (name) =>
        window.vaultPage.withVault(name, async (v, { api, enc, collect }) => {
          const c = await v.getCertificate('web');
          const info = await api.describeCertificate(c.cer);
          const list = (await collect(v.listPropertiesOfCertificates())).map((p) => p.name);
          const secret = await v.getSecret('web', { password: 'pw' });
          return {
            subject: info.subject,
            selfSigned: info.selfSigned,
            list,
            vaults: await api.listVaults(),
            pfx: enc(secret.value),
          };
        }),
      name,
    );
    expect(read).toMatchObject({ subject: 'CN=web.contoso.com', selfSigned: true, list: ['web'] });
    expect(read.vaults).toContain(name);
    const pfx = t.path('web.pfx');
    writeFileSync(pfx, unb64(read.pfx));
    expect(openssl(['pkcs12', '-in', pfx, '-passin', 'pass:pw', '-nodes']).toString()).toContain('BEGIN PRIVATE KEY');
  });

  test('create Unknown, merge an openssl-signed certificate; a foreign one and a second merge are refused', async ({
    page,
  }) => {
    const { ca } = fixtures();
    const name = `merge-${Date.now()}`;
    const op = await page.evaluate(
      (name) =>
        window.vaultPage.withVault(name, async (v, { enc }) => {
          const op = await v.createCertificate('m', {
            subject: 'CN=m.contoso.com',
            issuerName: 'Unknown',
            keyType: 'EC',
          });
          const other = await v.createCertificate('other', { subject: 'CN=o', issuerName: 'Unknown', keyType: 'EC' });
          if (!op.csr || !other.csr) throw new Error('a pending operation without a CSR');
          return { status: op.status, details: op.statusDetails, csr: enc(op.csr), otherCsr: enc(other.csr) };
        }),
      name,
    );
    expect(op).toMatchObject({
      status: 'inProgress',
      details: 'Pending certificate created. Please Perform Merge to complete the request.',
    });
    const signed = ca.sign(unb64(op.csr)) + ca.caPem;
    const foreign = ca.sign(unb64(op.otherCsr));
    const merged = await page.evaluate(
      ({ name, signed, foreign }) =>
        window.vaultPage.withVault(name, async (v, { errorOf }) => {
          const pem = (s: string) => new TextEncoder().encode(s);
          const mismatch = await errorOf(v.mergeCertificate('m', [pem(foreign)]));
          const c = await v.mergeCertificate('m', [pem(signed)]);
          const again = await errorOf(v.mergeCertificate('m', [pem(signed)]));
          return { mismatch, chain: c.chain.length, status: (await v.getCertificateOperation('m')).status, again };
        }),
      { name, signed, foreign },
    );
    expect(merged).toEqual({
      mismatch: {
        name: 'VaultError',
        code: 'BadParameter',
        message:
          'The public key of the end-entity certificate in the specified X.509 certificate content does not match the public part of the specified private key. Please check if certificate is valid',
      },
      chain: 2,
      status: 'completed',
      again: {
        name: 'VaultError',
        code: 'BadParameter',
        message:
          'The CSR used to get your certificate has already been used to merge a certificate. Create a new certificate request (or set reuseKey in the policy) to merge another certificate.',
      },
    });
  });

  test('import an openssl PFX; delete, the name is held, recover', async ({ page }) => {
    const { t } = fixtures();
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
    const result = await page.evaluate(
      ({ name, pfx }) =>
        window.vaultPage.withVault(name, async (v, { dec, codeOf }) => {
          const bad = await codeOf(v.importCertificate('imp', dec(pfx), { password: 'wrong' }));
          const c = await v.importCertificate('imp', dec(pfx), { password: 'pfx-pw' });
          const d = await v.deleteCertificate('imp');
          const conflict = await codeOf(v.createCertificate('imp', { subject: 'CN=x' }));
          const importConflict = await codeOf(v.importCertificate('IMP', dec(pfx), { password: 'pfx-pw' }));
          const r = await v.recoverDeletedCertificate('imp');
          return {
            bad,
            issuer: c.policy.issuerName,
            keyType: c.policy.keyType,
            purge: d.scheduledPurgeDate.getTime() - d.deletedOn.getTime(),
            conflict,
            importConflict,
            same: r.properties.version === c.properties.version,
          };
        }),
      { name, pfx: b64(new Uint8Array(readFileSync(t.path('i.pfx')))) },
    );
    expect(result).toEqual({
      bad: 'InvalidPassword',
      issuer: 'Self',
      keyType: 'RSA',
      purge: 90 * 86400e3,
      conflict: 'Conflict',
      importConflict: 'Conflict',
      same: true,
    });
  });

  test('a non-extractable key stored in IndexedDB refuses exportKey', async ({ page }) => {
    const name = `locked-${Date.now()}`;
    await page.evaluate(
      (name) =>
        window.vaultPage.withVault(name, async (v) => {
          await v.createCertificate('locked', { subject: 'CN=locked', keyType: 'EC', exportable: false });
        }),
      name,
    );
    const outcome = await page.evaluate(async (dbName) => {
      const db = await new Promise<IDBDatabase>((res, rej) => {
        const r = indexedDB.open(dbName);
        r.onsuccess = () => {
          res(r.result);
        };
        r.onerror = () => {
          rej(r.error ?? new Error('open failed'));
        };
      });
      const keys = await new Promise<{ privateKey: CryptoKey }[]>((res, rej) => {
        const r = db.transaction('keys').objectStore('keys').getAll();
        r.onsuccess = () => {
          res(r.result as { privateKey: CryptoKey }[]);
        };
        r.onerror = () => {
          rej(r.error ?? new Error('getAll failed'));
        };
      });
      db.close();
      const key = keys[0].privateKey;
      const exported = await crypto.subtle.exportKey('pkcs8', key).then(
        () => 'exported',
        (e: unknown) => (e instanceof Error ? e.name : String(e)),
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
      await window.vaultPage.holdVault(name);
      await window.vaultPage.heldVault(name).setContacts([{ email: 'ops@contoso.com' }]);
    }, name);
    const other = await context.newPage();
    await openVaultHarness(other);
    const upgraded = await other.evaluate(
      ({ dbName, version }) =>
        new Promise<string>((resolve) => {
          const r = indexedDB.open(dbName, version);
          r.onupgradeneeded = () => r.result.createObjectStore('future');
          r.onsuccess = () => {
            r.result.close();
            resolve('upgraded');
          };
          r.onblocked = () => {
            resolve('blocked');
          };
          r.onerror = () => {
            resolve(`error ${r.error?.name ?? ''}`);
          };
        }),
      { dbName: `certkeep-vault:${name}`, version: DB_VERSION + 1 },
    );
    expect(upgraded).toBe('upgraded');
    const after = await page.evaluate(
      (name) => window.vaultPage.errorOf(window.vaultPage.heldVault(name).getContacts()),
      name,
    );
    expect(after).toMatchObject({ code: 'Conflict', message: expect.stringContaining('Reload this page') });
  });
});
