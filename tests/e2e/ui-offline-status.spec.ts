import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { launchPersistent, waitForServiceWorker } from './persistent-context';

// Service workers run in a persistent profile only (as in pwa-shell.spec.ts).
const withApp = async (body: (page: Page, context: BrowserContext) => Promise<void>): Promise<void> => {
  const { context, close } = await launchPersistent();
  try {
    const page = await context.newPage();
    await page.goto('/');
    await waitForServiceWorker(page);
    await body(page, context);
  } finally {
    await close();
  }
};

test('the header says when the network is down, and again when it is back', () =>
  withApp(async (page, context) => {
    const status = page.getByTestId('offline-status');
    await expect(status).toHaveText('Available offline');
    await expect(status).toHaveAttribute('role', 'status');

    await context.setOffline(true);
    await expect(status).toHaveText('Network down · working offline');
    await page.locator('header.top').screenshot({ path: 'reports/ui-offline-header.png' });
    // Everything still works from the browser.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Issuers' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Issuers' })).toBeVisible();

    await context.setOffline(false);
    await expect(status).toHaveText('Available offline');
    await page.locator('header.top').screenshot({ path: 'reports/ui-online-header.png' });
  }));

test('"Preparing offline use…" never flashes on a reload once the app is installed', () =>
  withApp(async (page) => {
    await expect(page.getByTestId('offline-status')).toHaveText('Available offline');
    // Record every text the indicator takes from the very first paint of the next load.
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __statusTexts: string[] }).__statusTexts = seen;
      new MutationObserver(() => {
        const text = document.querySelector('[data-testid="offline-status"]')?.textContent;
        if (typeof text === 'string' && seen.at(-1) !== text) seen.push(text);
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
    for (let i = 0; i < 3; i++) {
      await page.reload();
      await expect(page.getByRole('heading', { level: 1, name: 'Certificates' })).toBeVisible();
      await expect(page.getByTestId('offline-status')).toHaveText('Available offline');
      const seen = await page.evaluate(() => (window as unknown as { __statusTexts: string[] }).__statusTexts);
      expect(seen).toEqual(['Available offline']);
    }
  }));
