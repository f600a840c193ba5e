import { expect, test } from '@playwright/test';
import { firstLoadScripts } from '../../bench/first-load.mjs';

test('the first load stays within 120 kB gzip and carries no PKI library', () => {
  const scripts = firstLoadScripts('dist');
  expect(scripts.length).toBeGreaterThan(0);
  const total = scripts.reduce((n, s) => n + s.gzip, 0);
  expect(total).toBeLessThanOrEqual(120 * 1024);
  // pkijs and @peculiar/x509 must load on demand: their telltale class names stay out of the shell.
  for (const s of scripts) {
    expect(s.text, s.src).not.toMatch(/AuthenticatedSafe|SafeContents/);
  }
});
