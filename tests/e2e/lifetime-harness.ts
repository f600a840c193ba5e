/**
 * Test-only access to the vault from inside the app's page: src/vault/index.ts bundled (as an
 * IIFE, at test time, from source) and evaluated in the page, so certificates land in the SAME
 * origin's IndexedDB the service worker reads. page.evaluate goes through CDP, which the app's
 * CSP (no inline script) does not apply to.
 */
import type { Page } from '@playwright/test';
import { bundleEntry } from './harness/bundle-entry';

/** The vault module as one script that sets `globalThis.certkeepVault`; built once per worker. */
export async function vaultBundle(): Promise<string> {
  const code = await bundleEntry('src/vault/index.ts', 'certkeepVault');
  return `${code}\n;globalThis.certkeepVault = certkeepVault;\n0;`;
}

/** Makes `globalThis.certkeepVault` (openVault, listVaults, …) available in the page. */
export async function installVaultHarness(page: Page): Promise<void> {
  const code = await vaultBundle();
  // A string goes to the page as script source through CDP, which the CSP's missing
  // 'unsafe-eval' does not block (an eval() inside a page function would be).
  await page.evaluate(code);
}
