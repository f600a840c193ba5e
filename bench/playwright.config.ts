import { defineConfig } from '@playwright/test';
import base from '../playwright.config';

/** Browser benches: the e2e setup (Debian Chromium, vite preview) over bench/*.spec.ts, one at a time. */
export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: '*.spec.ts',
  workers: 1,
  fullyParallel: false,
  reporter: 'list',
  // The server runs from the project root, where dist/ and vite.config.ts are.
  webServer: { ...(base.webServer as object), cwd: '..' } as typeof base.webServer,
});
