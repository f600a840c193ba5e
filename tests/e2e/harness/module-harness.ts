import type { Page } from '@playwright/test';
import { BASE_URL } from '../../../playwright.config';
import { bundleEntry } from './bundle-entry';

declare global {
  interface Window {
    /** src/pki/index.ts, after openPkiHarness */
    pki: typeof import('../../../src/pki/index');
    /** tests/e2e/harness/vault-page.ts (the vault and its helpers), after openVaultHarness */
    vaultPage: typeof import('./vault-page');
  }
}

export interface HarnessOptions {
  /** source entry to bundle, relative to the project root (default src/pki/index.ts) */
  entry?: string;
  /** the global the bundle assigns (default 'pki'); use it in page.evaluate as window[name] */
  globalName?: string;
}

/**
 * Opens a blank same-origin page (http://localhost:4188 is a secure context, so WebCrypto is
 * there) with no CSP, whose only script is `entry` bundled as an IIFE, and waits until
 * `window[globalName]` exists. Both URLs are answered by page.route, so neither the built app
 * nor its service worker is involved. Then drive the module with page.evaluate.
 *
 * For the vault, openVaultHarness below.
 */
export async function openModuleHarness(page: Page, options: HarnessOptions = {}): Promise<void> {
  const entry = options.entry ?? 'src/pki/index.ts';
  const globalName = options.globalName ?? 'pki';
  if (!/^[A-Za-z_$][\w$]*$/.test(globalName)) throw new Error(`bad global name ${globalName}`);
  const code = await bundleEntry(entry, globalName);
  const page_ = `${BASE_URL}/__harness-${globalName}.html`;
  const script = `${BASE_URL}/__harness-${globalName}.js`;
  await page.route(page_, (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><html><head><meta charset="utf-8"><title>harness</title><script src="${script}"></script></head><body></body></html>`,
    }),
  );
  await page.route(script, (route) => route.fulfill({ contentType: 'text/javascript; charset=utf-8', body: code }));
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(page_);
  await page
    .waitForFunction((name) => (globalThis as Record<string, unknown>)[name] !== undefined, globalName, {
      timeout: 10_000,
    })
    .catch((e: unknown) => {
      throw new Error(`harness ${entry} did not load: ${errors.join('; ') || String(e)}`, { cause: e });
    });
}

/** The pki module (src/pki/index.ts) as `window.pki`. */
export function openPkiHarness(page: Page): Promise<void> {
  return openModuleHarness(page, { entry: 'src/pki/index.ts', globalName: 'pki' });
}

/** The vault with the page-side helpers (tests/e2e/harness/vault-page.ts) as `window.vaultPage`. */
export function openVaultHarness(page: Page): Promise<void> {
  return openModuleHarness(page, { entry: 'tests/e2e/harness/vault-page.ts', globalName: 'vaultPage' });
}
