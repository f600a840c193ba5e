import { expect, test } from '@playwright/test';
import { chromium } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../playwright.config';
import { openssl } from '../support/openssl';
import {
  BUNDLE_NAME,
  createIn,
  downloadCsr,
  filesUnder,
  packageInto,
  recordForeignRequests,
  runIn,
  startLauncher,
  trySinks,
} from './release-harness';
import { waitForServiceWorker } from './persistent-context';

// One package for the whole file (a vite build twice over): the tests share it, one at a time.
test.describe.configure({ mode: 'serial', timeout: 180_000 });

let work: string;
let zip: string;
let bundle: string;

test.beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'certkeep-release-'));
  zip = packageInto(join(work, 'first')).zip;
  runIn(work, 'unzip', ['-q', zip, '-d', join(work, 'unzipped')]);
  bundle = join(work, 'unzipped', BUNDLE_NAME);
});

test.afterAll(() => rmSync(work, { recursive: true, force: true }));

test('the zip is sound, holds the bundle, and every file checks against SHA256SUMS', () => {
  expect(runIn(work, 'unzip', ['-t', zip]).out).toContain('No errors detected');
  expect(
    runIn(work, 'python3', ['-c', 'import sys, zipfile; print(zipfile.ZipFile(sys.argv[1]).testzip())', zip]).out,
  ).toBe('None\n');
  const files = filesUnder(bundle);
  for (const name of ['README.txt', 'SHA256SUMS', 'certkeep.html', 'serve.mjs', 'serve.ps1', 'serve.py']) {
    expect(files).toContain(name);
  }
  expect(files).toContain('app/index.html');
  expect(files).toContain('app/sw.js');
  expect(files).toContain('app/manifest.webmanifest');

  const sums = runIn(bundle, 'sha256sum', ['-c', '--strict', 'SHA256SUMS']);
  expect(sums.status, sums.out).toBe(0);
  expect(runIn(bundle, 'shasum', ['-a', '256', '-c', 'SHA256SUMS']).status).toBe(0);
  const listed = readFileSync(join(bundle, 'SHA256SUMS'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => line.split('  ')[1]);
  expect(listed).toEqual(files.filter((f) => f !== 'SHA256SUMS'));

  // A changed file is caught (the check can fail).
  const tampered = join(work, 'tampered');
  cpSync(bundle, tampered, { recursive: true });
  writeFileSync(join(tampered, 'serve.py'), `${readFileSync(join(tampered, 'serve.py'), 'utf8')}\n# changed\n`);
  const bad = runIn(tampered, 'sha256sum', ['-c', '--quiet', 'SHA256SUMS']);
  expect(bad.status).not.toBe(0);
  expect(bad.out).toContain('serve.py: FAILED');
});

test('two packages of one commit are byte-identical', () => {
  const second = packageInto(join(work, 'second'));
  // File by file first, so a difference names the file that carries a date or a random id.
  const digests = (folder: string) =>
    filesUnder(folder).map(
      (f) =>
        `${createHash('sha256')
          .update(readFileSync(join(folder, f)))
          .digest('hex')} ${f}`,
    );
  expect(digests(second.folder)).toEqual(digests(join(work, 'first', BUNDLE_NAME)));
  expect(Buffer.compare(readFileSync(zip), readFileSync(second.zip))).toBe(0);
  expect(readFileSync(`${second.zip}.sha256`, 'utf8')).toBe(readFileSync(`${zip}.sha256`, 'utf8'));
});

test('README.txt and the launchers are plain ASCII, and serve.ps1 listens on the loopback address only', () => {
  for (const file of ['README.txt', 'serve.ps1', 'serve.py', 'serve.mjs']) {
    expect(readFileSync(join(bundle, file), 'utf8'), file).toMatch(/^[\t\n\r -~]*$/);
  }
  const ps1 = readFileSync(join(bundle, 'serve.ps1'), 'utf8');
  expect(ps1).toContain('TcpListener([System.Net.IPAddress]::Loopback, $Port)');
  expect(ps1).not.toMatch(/IPAddress\]::Any|HttpListener\s*\(/);
  expect(ps1).toContain("require-trusted-types-for ''script''");
  const readme = readFileSync(join(bundle, 'README.txt'), 'utf8');
  for (const tool of ['sha256sum -c', 'shasum -a 256 -c', 'Get-FileHash', 'serve.mjs', 'serve.py', 'serve.ps1']) {
    expect(readme).toContain(tool);
  }
});

for (const [command, script] of [
  ['python3', 'serve.py'],
  [process.execPath, 'serve.mjs'],
] as const) {
  test(`${script} refuses to listen on anything but 127.0.0.1`, () => {
    for (const args of [
      ['--host', '0.0.0.0'],
      ['--host', '::'],
    ]) {
      const r = runIn(bundle, command, [script, ...args, '--port', '0']);
      expect(r.status, r.out).toBe(2);
      expect(r.out).toContain('127.0.0.1 only');
    }
    const env = { ...process.env, CERTKEEP_HOST: '192.0.2.1' };
    expect(runIn(bundle, command, [script, '--port', '0'], env).status).toBe(2);
    expect(runIn(bundle, command, [script, '--port', 'http'], env).status).toBe(2);
  });

  test(`${script}: headers, MIME types, nothing outside app/, bound to 127.0.0.1`, async () => {
    const launcher = await startLauncher(bundle, command, script);
    try {
      const listening = runIn(bundle, 'ss', ['-Hltn', `sport = :${launcher.port}`])
        .out.trim()
        .split('\n');
      expect(listening.map((l) => l.split(/\s+/)[3])).toEqual([`127.0.0.1:${launcher.port}`]);

      const get = (path: string, method = 'GET') =>
        new Promise<{ status: number; headers: Record<string, string | string[] | undefined> }>((resolve, reject) => {
          const req = httpRequest({ host: '127.0.0.1', port: launcher.port, path, method }, (res) => {
            res.resume();
            res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
          });
          req.on('error', reject);
          req.end();
        });
      const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(
        readFileSync(join(bundle, 'app', 'index.html'), 'utf8'),
      )?.[1];
      const index = await get('/');
      expect(index.status).toBe(200);
      expect(index.headers['content-type']).toMatch(/^text\/html/);
      expect(index.headers['content-security-policy']).toBe(`${meta}; frame-ancestors 'none'`);
      expect(index.headers['content-security-policy']).toContain("require-trusted-types-for 'script'");
      expect(index.headers['x-content-type-options']).toBe('nosniff');
      expect(index.headers['cross-origin-opener-policy']).toBe('same-origin');

      expect((await get('/manifest.webmanifest')).headers['content-type']).toBe('application/manifest+json');
      expect((await get('/sw.js')).headers['content-type']).toMatch(/^text\/javascript/);
      const js = filesUnder(join(bundle, 'app')).find((f) => f.endsWith('.js') && f.startsWith('assets/'));
      expect((await get(`/${js}`)).headers['content-type']).toMatch(/^text\/javascript/);
      expect((await get('/icon-192.png')).headers['content-type']).toBe('image/png');
      expect((await get('/favicon.svg')).headers['content-type']).toBe('image/svg+xml');

      for (const path of ['/../README.txt', '/%2e%2e/README.txt', '/..%2fserve.py', '/assets/', '/nothing-here.js']) {
        expect((await get(path)).status, path).toBe(404);
      }
      expect([405, 501]).toContain((await get('/', 'POST')).status);
    } finally {
      await launcher.stop();
    }
  });

  test(`${script} alone serves the app: a CSR online, then offline after a reload; no request leaves localhost`, async () => {
    const launcher = await startLauncher(bundle, command, script);
    const profile = mkdtempSync(join(tmpdir(), 'certkeep-profile-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
      serviceWorkers: 'allow',
    });
    try {
      const origin = new URL(launcher.url).origin;
      const foreign = recordForeignRequests(context, (url) => url.origin === origin);
      const page = await context.newPage();
      // The app lives with its own policy: no CSP or Trusted Types violation while it works.
      const violations: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' && /Content Security Policy|Trusted/i.test(m.text())) violations.push(m.text());
      });
      await page.goto(launcher.url);
      await waitForServiceWorker(page);

      await createIn(page, launcher.url, 'online-csr', 'CN=online.example', 'Unknown');
      await downloadCsr(page, join(work, `${script}-online.csr`));
      openssl(['req', '-in', join(work, `${script}-online.csr`), '-verify', '-noout']);

      expect(violations).toEqual([]);
      // The markup-injection sinks are closed in the served app too.
      expect(await trySinks(page)).toEqual({
        innerHTML: 'blocked',
        scriptSrc: 'blocked',
        scriptText: 'blocked',
        newPolicy: 'blocked',
        ran: false,
      });

      await context.setOffline(true);
      await page.reload();
      // The reloaded page (the certificate just made) comes from the service worker and the vault.
      await expect(page.getByRole('heading', { level: 1, name: 'online-csr' })).toBeVisible();
      await createIn(page, launcher.url, 'offline-csr', 'CN=offline.example', 'Unknown');
      await downloadCsr(page, join(work, `${script}-offline.csr`));
      openssl(['req', '-in', join(work, `${script}-offline.csr`), '-verify', '-noout']);
      await page.goto(`${launcher.url}#/certificate/online-csr`);
      await expect(page.getByRole('region', { name: 'Pending certificate request' })).toBeVisible();

      await page.goto(`${launcher.url}#/settings`);
      await expect(page.getByTestId('about-version')).toHaveText(/^\d+\.\d+\.\d+/);
      await expect(page.getByTestId('about-commit')).toHaveText(/^([0-9a-f]{12}(-dirty)?|unknown)$/);
      await expect(page.getByTestId('about-mode')).toContainText('Served');

      // README.txt's promise: once loaded, the app starts with the launcher stopped.
      await launcher.stop();
      await context.setOffline(false);
      await page.reload();
      await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
      expect(foreign).toEqual([]);
    } finally {
      await context.close();
      await launcher.stop();
      rmSync(profile, { recursive: true, force: true });
    }
  });
}
