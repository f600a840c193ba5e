import { expect, test, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { openssl } from '../support/openssl';
import {
  makeFixtures,
  normalizeKey,
  pemCertificates,
  pemPrivateKey,
  toHex,
  type Fixtures,
} from '../unit/pki/pkcs12-fixtures';
import { A1 as PBMAC1_A1, RFC9579_PASSWORD } from '../unit/pki/pkcs12-rfc9579-vectors';
import { openPkiHarness } from './harness/module-harness';

// The app reads and writes PFX files and makes CSRs in the browser: prove it there, not only in Node.
test.describe.configure({ mode: 'default' });

let fixtures: Fixtures | undefined;
test.beforeAll(() => {
  fixtures = makeFixtures();
});
test.afterAll(() => fixtures?.cleanup());

/** The openssl-made leaf, chain and scratch folder of beforeAll. */
function fx(): Fixtures {
  if (!fixtures) throw new Error('beforeAll did not run');
  return fixtures;
}

const b64 = (b: Uint8Array): string => Buffer.from(b).toString('base64');
const unb64 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'base64'));

/** openssl pkcs12 -export of the leaf with its chain. */
function opensslPfx(password: string, extra: string[]): Uint8Array {
  const chain = fx().path('chain.pem');
  writeFileSync(chain, readFileSync(fx().intermediate.certPem, 'utf8') + readFileSync(fx().root.certPem, 'utf8'));
  const out = fx().path(`e2e-${Math.random().toString(36).slice(2)}.p12`);
  openssl([
    'pkcs12',
    '-export',
    '-inkey',
    fx().leaf.keyPem,
    '-in',
    fx().leaf.certPem,
    '-certfile',
    chain,
    '-name',
    'leaf',
    '-passout',
    `pass:${password}`,
    ...extra,
    '-out',
    out,
  ]);
  return new Uint8Array(readFileSync(out));
}

interface PageKeys {
  keys: string[];
  certs: string[];
  name?: string;
  spec: unknown;
  extractable: boolean;
}
type PageRead = PageKeys | { error: { name: string; code: string; message: string } };

/** In the page: readPkcs12, then import the key into WebCrypto as non-extractable. */
async function readInPage(page: Page, pfx: Uint8Array, password: string): Promise<PageRead> {
  return page.evaluate(
    async ({ pfx, password }): Promise<PageRead> => {
      const pki = window.pki;
      const bytes = Uint8Array.from(atob(pfx), (c) => c.charCodeAt(0));
      const enc = (b: Uint8Array) => btoa(String.fromCharCode(...b));
      try {
        const got = await pki.readPkcs12(bytes, password);
        const [first] = got.keys;
        const imported = await pki.importPkcs8(first.pkcs8, false);
        return {
          keys: got.keys.map((k) => enc(k.pkcs8)),
          certs: got.certificates.map((c) => enc(c.der)),
          name: first.friendlyName,
          spec: imported.spec,
          extractable: imported.keyPair.privateKey.extractable,
        };
      } catch (e) {
        const err = e as { name: string; code: string; message: string };
        return { error: { name: err.name, code: err.code, message: err.message } };
      }
    },
    { pfx: b64(pfx), password },
  );
}

/** The keys a read returned; a read that failed fails the test here, with the page's error. */
function keysOf(got: PageRead): PageKeys {
  if ('error' in got) throw new Error(`readPkcs12 in the page failed: ${JSON.stringify(got.error)}`);
  return got;
}

test.describe('pki in Chromium', () => {
  test.beforeEach(async ({ page }) => {
    await openPkiHarness(page);
  });

  for (const { name, extra } of [
    { name: 'AES-256 (openssl default)', extra: [] as string[] },
    { name: 'PBE-SHA1-3DES', extra: ['-keypbe', 'PBE-SHA1-3DES', '-certpbe', 'PBE-SHA1-3DES'] },
    { name: '-legacy (3DES key, RC2-40 certs)', extra: ['-legacy'] },
    { name: '-nomac, empty password', extra: ['-nomac'] },
  ]) {
    test(`readPkcs12 of an openssl PFX: ${name}`, async ({ page }) => {
      const password = extra.includes('-nomac') ? '' : 'pässwörd-日本';
      const got = keysOf(await readInPage(page, opensslPfx(password, extra), password));
      expect(got.keys.map((k) => normalizeKey(unb64(k)))).toEqual([normalizeKey(fx().leaf.pkcs8)]);
      expect(got.certs.map((c) => toHex(unb64(c)))).toEqual(
        [fx().leaf, fx().intermediate, fx().root].map((c) => toHex(c.certDer)),
      );
      expect(got.name).toBe('leaf');
      expect(got.spec).toEqual({ kty: 'RSA', size: 2048 });
      expect(got.extractable).toBe(false);
    });
  }

  // Chromium's WebCrypto has no 192-bit AES (Node's has): the noble AES-CBC path decrypts these.
  test('readPkcs12 of an AES-192 PFX (openssl -keypbe/-certpbe AES-192-CBC)', async ({ page }) => {
    const pfx = opensslPfx('p', ['-keypbe', 'AES-192-CBC', '-certpbe', 'AES-192-CBC']);
    const got = keysOf(await readInPage(page, pfx, 'p'));
    expect(got.keys.map((k) => normalizeKey(unb64(k)))).toEqual([normalizeKey(fx().leaf.pkcs8)]);
    expect(got.certs).toHaveLength(3);
  });

  test('readKeyBundle of an AES-192 encrypted PKCS#8 (openssl pkcs8 -topk8 -v2 aes-192-cbc)', async ({ page }) => {
    const pem = openssl(['pkcs8', '-topk8', '-v2', 'aes-192-cbc', '-in', fx().leaf.keyPem, '-passout', 'pass:s3cret']);
    const read = (password: string) =>
      page.evaluate(
        async ({ pem, password }) => {
          try {
            const bundle = await window.pki.readKeyBundle(new TextEncoder().encode(pem), password);
            return { pkcs8: btoa(String.fromCharCode(...(bundle.pkcs8 ?? []))) };
          } catch (e) {
            const { name, code } = e as { name: string; code: string };
            return { error: { name, code } };
          }
        },
        { pem: pem.toString(), password },
      );
    const got = await read('s3cret');
    expect(got.error).toBeUndefined();
    expect(normalizeKey(unb64(got.pkcs8 ?? ''))).toBe(normalizeKey(fx().leaf.pkcs8));
    expect(await read('s3cred')).toEqual({ error: { name: 'PkiError', code: 'invalid-password' } });
  });

  test('readPkcs12 of a PFX made on a Latin-1 console (PBES2 over ISO-8859-1 octets)', async ({ page }) => {
    const pass = fx().path('pass.latin1');
    writeFileSync(pass, Buffer.from('pässwörd', 'latin1'));
    const out = fx().path('latin1.p12');
    openssl(
      ['pkcs12', '-export', '-inkey', fx().leaf.keyPem, '-in', fx().leaf.certPem, '-passout', `file:${pass}`].concat([
        '-out',
        out,
      ]),
    );
    const pfx = new Uint8Array(readFileSync(out));
    const got = keysOf(await readInPage(page, pfx, 'pässwörd'));
    expect(got.keys.map((k) => normalizeKey(unb64(k)))).toEqual([normalizeKey(fx().leaf.pkcs8)]);
    expect(await readInPage(page, pfx, 'pässwört')).toEqual({
      error: expect.objectContaining({ name: 'PkiError', code: 'invalid-password' }),
    });
  });

  test('readPkcs12 of the RFC 9579 A.1 PBMAC1 vector (PBKDF2 MAC key via WebCrypto)', async ({ page }) => {
    const got = await readInPage(page, PBMAC1_A1, RFC9579_PASSWORD);
    expect(got).toMatchObject({ keys: [expect.any(String)], certs: [expect.any(String)], extractable: false });
  });

  test('readPkcs12 with a wrong password: PkiError invalid-password', async ({ page }) => {
    const got = await readInPage(page, opensslPfx('right', []), 'wrong');
    expect(got).toEqual({ error: expect.objectContaining({ name: 'PkiError', code: 'invalid-password' }) });
  });

  for (const { legacy, mac } of [
    { legacy: false, mac: 'hmac' as const },
    { legacy: true, mac: 'hmac' as const },
    { legacy: false, mac: 'pbmac1' as const },
  ]) {
    test(`writePkcs12 (legacy: ${legacy}, mac: ${mac}) reads back in Chromium and in openssl`, async ({ page }) => {
      const out = await page.evaluate(
        async ({ key, certs, legacy, mac }) => {
          const pki = window.pki;
          const dec = (s: string) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
          const enc = (b: Uint8Array) => btoa(String.fromCharCode(...b));
          const pfx: Uint8Array = await pki.writePkcs12({
            key: dec(key),
            certificates: certs.map(dec),
            password: 'pässwörd',
            friendlyName: 'web',
            legacy,
            mac,
          });
          const back = await pki.readPkcs12(pfx, 'pässwörd');
          return {
            pfx: enc(pfx),
            key: enc(back.keys[0].pkcs8),
            certs: back.certificates.length,
            name: back.keys[0].friendlyName,
          };
        },
        {
          key: b64(fx().leaf.pkcs8),
          certs: [fx().leaf, fx().intermediate, fx().root].map((c) => b64(c.certDer)),
          legacy,
          mac,
        },
      );
      expect(out.key).toBe(b64(fx().leaf.pkcs8));
      expect(out.certs).toBe(3);
      expect(out.name).toBe('web');
      const file = fx().path(`chromium-${legacy}-${mac}.p12`);
      writeFileSync(file, unb64(out.pfx));
      // openssl 3.0 cannot check a PBMAC1 MAC (3.4 can): there it reads past it.
      const nomacver = mac === 'pbmac1' ? ['-nomacver'] : [];
      const text = openssl(['pkcs12', '-in', file, '-passin', 'pass:pässwörd', '-nodes', ...nomacver]).toString();
      expect(normalizeKey(pemPrivateKey(text))).toBe(normalizeKey(fx().leaf.pkcs8));
      expect(pemCertificates(text)).toHaveLength(3);
    });
  }

  test('createCsr with a non-extractable RSA key: openssl req -verify accepts it', async ({ page }) => {
    const out = await page.evaluate(async () => {
      const pki = window.pki;
      const keys: CryptoKeyPair = await pki.generateKeyPair({ kty: 'RSA', size: 2048 }, false);
      let exported = true;
      await crypto.subtle.exportKey('pkcs8', keys.privateKey).catch(() => (exported = false));
      const csr: Uint8Array = await pki.createCsr({
        subject: 'CN=chromium.example,O=Certkeep',
        subjectAlternativeNames: { dnsNames: ['chromium.example'] },
        keys,
      });
      return { csr: btoa(String.fromCharCode(...csr)), exported, extractable: keys.privateKey.extractable };
    });
    expect(out.extractable).toBe(false);
    expect(out.exported).toBe(false);
    const csr = unb64(out.csr);
    const text = openssl(['req', '-inform', 'DER', '-noout', '-text'], csr).toString();
    expect(text).toMatch(/CN\s*=\s*chromium\.example/);
    expect(text).toContain('DNS:chromium.example');
    // openssl 3.0's req -verify reports on stderr (its exit status stays 0 on a bad signature).
    const verify = (der: Uint8Array) =>
      spawnSync('openssl', ['req', '-inform', 'DER', '-verify', '-noout'], { input: der }).stderr.toString();
    expect(verify(csr)).toMatch(/verify OK/);
    const broken = csr.slice();
    broken[broken.length - 5] ^= 1; // one bit of the signature: proves the check can fail
    expect(verify(broken)).toMatch(/verify failure/);
  });
});
