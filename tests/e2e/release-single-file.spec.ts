import { expect, test } from '@playwright/test';
import { chromium, type BrowserContext } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../playwright.config';
import { openssl } from '../support/openssl';
import { createIn, downloadCsr, packageInto, recordForeignRequests, trySinks, VERSION } from './release-harness';

test.describe.configure({ mode: 'serial', timeout: 180_000 });

let work: string;
let fileUrl: string;

test.beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'certkeep-single-'));
  fileUrl = pathToFileURL(join(packageInto(join(work, 'out')).folder, 'certkeep.html')).href;
});

test.afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A Chromium profile on disk (so a restart keeps what IndexedDB wrote), network cut from the start. */
async function openProfile(profile: string): Promise<{ context: BrowserContext; foreign: string[] }> {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
  });
  await context.setOffline(true);
  return {
    context,
    foreign: recordForeignRequests(context, (url) => url.protocol === 'file:' && url.href.startsWith(fileUrl)),
  };
}

test('certkeep.html from disk, network cut: a self-signed certificate and a CSR that openssl verifies, kept across reload and restart', async () => {
  const profile = join(work, 'profile');
  let { context, foreign } = await openProfile(profile);
  try {
    const page = await context.newPage();
    await page.goto(fileUrl);
    await expect(page.getByRole('complementary', { name: 'Single-file edition' })).toContainText(
      /Installing the app and background expiry notifications need the served mode/,
    );

    await createIn(page, fileUrl, 'disk-self', 'CN=disk.example');
    await expect(page.getByText('sha256WithRSAEncryption')).toBeVisible();
    await createIn(page, fileUrl, 'disk-csr', 'CN=csr.disk.example', 'Unknown');
    await downloadCsr(page, join(work, 'disk.csr'));
    openssl(['req', '-in', join(work, 'disk.csr'), '-verify', '-noout']);
    expect(openssl(['req', '-in', join(work, 'disk.csr'), '-noout', '-subject']).toString()).toContain(
      'csr.disk.example',
    );

    await page.reload();
    await page.goto(`${fileUrl}#/certificates`);
    await expect(page.getByRole('link', { name: 'disk-self', exact: true })).toBeVisible();
    expect(foreign).toEqual([]);
    await context.close();

    // A new browser on the same profile: the vault was on disk, not in the page's memory.
    ({ context, foreign } = await openProfile(profile));
    const again = await context.newPage();
    await again.goto(`${fileUrl}#/certificates`);
    await expect(again.getByRole('link', { name: 'disk-self', exact: true })).toBeVisible();
    await again.goto(`${fileUrl}#/certificate/disk-csr`);
    await expect(again.getByRole('region', { name: 'Pending certificate request' })).toBeVisible();

    await again.goto(`${fileUrl}#/settings`);
    await expect(again.getByTestId('about-version')).toHaveText(VERSION);
    await expect(again.getByTestId('about-commit')).toHaveText(/^([0-9a-f]{12}(-dirty)?|unknown)$/);
    await expect(again.getByTestId('about-mode')).toContainText('Single file');
    expect(foreign).toEqual([]);
  } finally {
    await context.close();
  }
});

test('the single file blocks DOM-XSS sinks with Trusted Types and names nothing outside itself', async () => {
  const html = readFileSync(new URL(fileUrl), 'utf8');
  // Nothing to load beside it: no src/href to a path, no module script from a file.
  expect(html).not.toMatch(/\s(?:src|href)="(?!data:)[^"#]/);
  expect(html).toContain("require-trusted-types-for 'script'");
  expect(html).toContain("trusted-types 'none'");
  expect(html).not.toContain('/sw.js');

  const { context } = await openProfile(join(work, 'xss-profile'));
  try {
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') violations.push(m.text());
    });
    await page.goto(fileUrl);
    await expect(page.getByRole('heading', { level: 1, name: 'Certificates' })).toBeVisible();
    expect(violations).toEqual([]);
    expect(await trySinks(page)).toEqual({
      innerHTML: 'blocked',
      scriptSrc: 'blocked',
      scriptText: 'blocked',
      newPolicy: 'blocked',
      ran: false,
    });
  } finally {
    await context.close();
  }
});
