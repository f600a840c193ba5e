import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { launchPersistent, waitForServiceWorker } from './persistent-context';

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.webmanifest': 'application/manifest+json',
};

/**
 * dist/ on its own port, so this test can publish a "release 2" of the service worker without
 * touching the server the other tests share. (Playwright's route() does not see the browser's
 * own update check of a worker script, so the new bytes must come from a real server.)
 */
async function serveDist(): Promise<{ origin: string; release2: () => void; server: Server }> {
  let suffix = '';
  const server = createServer((req, res) => {
    const path = normalize(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/+/, '') || 'index.html';
    try {
      let body: Buffer | string = readFileSync(join('dist', path));
      if (path === 'sw.js') body = `${body.toString()}${suffix}`;
      res.writeHead(200, {
        'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
      });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, release2: () => (suffix = '\n// release 2\n'), server };
}

test('a new version waiting shows "Update available"; Reload activates it', async () => {
  const dist = await serveDist();
  const { context, close } = await launchPersistent();
  try {
    const page = await context.newPage();
    await page.goto(`${dist.origin}/`);
    await waitForServiceWorker(page);
    const banner = page.getByRole('alert').filter({ hasText: 'Update available' });
    await expect(page.getByRole('heading', { name: 'Certificates' })).toBeVisible();
    await expect(banner).toHaveCount(0);

    dist.release2();
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
    await expect(banner).toBeVisible();
    // Nothing changes until the person says so: the old worker still controls the page.
    expect(await page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())!.waiting)).toBe(true);

    const reloaded = page.waitForEvent('load');
    await banner.getByRole('button', { name: 'Reload' }).click();
    await reloaded;
    await expect(page.getByRole('heading', { name: 'Certificates' })).toBeVisible();
    await expect(banner).toHaveCount(0);
    expect(
      await page.evaluate(async () => {
        const reg = (await navigator.serviceWorker.getRegistration())!;
        return { waiting: !!reg.waiting, controlled: !!navigator.serviceWorker.controller };
      }),
    ).toEqual({ waiting: false, controlled: true });
  } finally {
    await close();
    dist.server.close();
  }
});
