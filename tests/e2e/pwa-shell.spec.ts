import { expect, test } from '@playwright/test';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BASE_URL } from '../../playwright.config';
import { launchPersistent, waitForServiceWorker } from './persistent-context';

test('the app is installable: Chromium reports no installability errors', async () => {
  const { context, close } = await launchPersistent();
  try {
    const page = await context.newPage();
    await page.goto('/');
    await waitForServiceWorker(page);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
      installabilityErrors: { errorId: string }[];
    };
    expect(installabilityErrors).toEqual([]);
    const manifest = (await (await page.request.get('/manifest.webmanifest')).json()) as {
      icons: { sizes: string; purpose: string }[];
      file_handlers: { accept: Record<string, string[]> }[];
    };
    expect(manifest).toMatchObject({ name: 'Certkeep', display: 'standalone', start_url: '/', scope: '/' });
    expect(manifest.icons.map((i) => `${i.sizes} ${i.purpose}`)).toEqual([
      '192x192 any',
      '512x512 any',
      '512x512 maskable',
    ]);
    const accepted = Object.values(manifest.file_handlers[0].accept).flat().sort();
    expect(accepted).toEqual(['.cer', '.crt', '.csr', '.der', '.key', '.p12', '.p7b', '.p7c', '.pem', '.pfx']);
  } finally {
    await close();
  }
});

test('after the first load the app starts and navigates with the network cut', async () => {
  const { context, close } = await launchPersistent();
  try {
    const page = await context.newPage();
    await page.goto('/');
    await waitForServiceWorker(page);
    await expect(page.getByRole('status').filter({ hasText: 'Available offline' })).toBeVisible();

    await context.setOffline(true);
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Certificates' })).toBeVisible();
    for (const name of ['Issuers', 'Contacts', 'Deleted', 'Settings', 'Certificates']) {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click();
      await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    }
  } finally {
    await close();
  }
});

test('no request leaves the origin during load and navigation', async ({ page }) => {
  const foreign: string[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.origin !== BASE_URL && url.protocol !== 'data:' && url.protocol !== 'blob:') foreign.push(r.url());
  });
  await page.goto('/');
  for (const name of ['Issuers', 'Contacts', 'Deleted', 'Settings', 'Certificates']) {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click();
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  }
  expect(foreign).toEqual([]);
});

test('the CSP blocks a fetch to another origin', async ({ page }) => {
  // A real listener on another port of this machine: if the CSP failed, the fetch would land here.
  let hits = 0;
  const server = createServer((_req, res) => {
    hits += 1;
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.end('leak');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  try {
    await page.goto('/');
    const outcome = await page.evaluate(async (target) => {
      const violation = new Promise<string>((resolve) =>
        document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective), { once: true }),
      );
      const fetched = await fetch(target).then(
        () => 'fetched',
        () => 'blocked',
      );
      return { fetched, directive: await violation };
    }, `http://127.0.0.1:${port}/leak`);
    expect(outcome).toEqual({ fetched: 'blocked', directive: 'connect-src' });
    expect(hits).toBe(0);
  } finally {
    server.close();
  }
});

test('Settings shows whether storage is persistent', async ({ page }) => {
  await page.goto('/#/settings');
  await expect(page.getByTestId('storage-persistence')).toHaveText(
    /Persistent|Best effort|cannot make storage persistent/,
  );
});
