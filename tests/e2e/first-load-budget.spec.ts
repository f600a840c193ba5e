import { expect, test } from '@playwright/test';
import { PKI_TELLTALES, measureFirstPaint } from '../../bench/first-load.mjs';

/** Issue 13's budget for everything the landing page fetches before it shows the list. */
const BUDGET_GZIP = 60 * 1024;

// The service worker would precache every chunk in the background after the first paint; the
// budget is about what the paint waits for, so the worker is kept out of the count.
test.use({ serviceWorkers: 'block' });

test('an empty vault paints its empty state within 60 kB gzip of JS, none of it a PKI library', async ({ page }) => {
  const scripts = await measureFirstPaint(page, '/');
  await expect(page.getByText('This vault has no certificates yet.')).toBeVisible();
  expect(scripts.length).toBeGreaterThan(1);
  const total = scripts.reduce((n, s) => n + s.gzip, 0);
  expect(total, scripts.map((s) => `${s.src} ${s.gzip}`).join('\n')).toBeLessThanOrEqual(BUDGET_GZIP);
  expect(scripts.filter((s) => s.pki.length > 0).map((s) => `${s.src}: ${s.pki.join(', ')}`)).toEqual([]);
});

test('a vault with certificates paints its first row within the budget too, and PKI loads on a PKI action', async ({
  page,
}) => {
  // A certificate made through the app, so the next load reads a real stored record.
  await page.goto('/#/create');
  await page.getByLabel('Name', { exact: true }).fill('budget-web');
  await page.getByLabel('Subject', { exact: true }).fill('CN=budget.contoso.com');
  await page.getByRole('button', { name: /^Create/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'budget-web' })).toBeVisible({ timeout: 30_000 });

  const fresh = await page.context().newPage();
  const scripts = await measureFirstPaint(fresh, '/');
  await expect(fresh.getByRole('link', { name: 'budget-web' })).toBeVisible();
  const total = scripts.reduce((n, s) => n + s.gzip, 0);
  expect(total, scripts.map((s) => `${s.src} ${s.gzip}`).join('\n')).toBeLessThanOrEqual(BUDGET_GZIP);
  expect(scripts.filter((s) => s.pki.length > 0)).toEqual([]);

  // Opening the certificate's details is a PKI action (the certificate is parsed): the ASN.1 toolkit arrives now.
  const libraries = new Set<string>();
  fresh.on('response', (r) => {
    if (!r.url().endsWith('.js')) return;
    // A body still arriving when the test ends is not read (Playwright rejects it): only those before count.
    void r
      .text()
      .then((text) => {
        for (const [lib, telltale] of Object.entries(PKI_TELLTALES)) if (telltale.test(text)) libraries.add(lib);
      })
      .catch(() => undefined);
  });
  await fresh.getByRole('link', { name: 'budget-web' }).click();
  await expect(fresh.getByRole('heading', { level: 1, name: 'budget-web' })).toBeVisible();
  await expect.poll(() => [...libraries]).toContain('asn1js');
});
