// First-paint JS budget: every script the browser really fetches, from navigation until the
// Certificates list (the landing page) shows its first row or its empty state, gzip-compressed
// as a server would send it (level 9; the preview server sends them uncompressed, so the
// bytes are measured here rather than read from Content-Length). Target ≤ 60 kB gzip with no
// PKI library among them (issue 13): pkijs, @peculiar/x509 and asn1js load when a PKI action
// starts.
//
// The service worker is blocked for the measurement: on a first visit it registers after the
// page has loaded and precaches every chunk in the background for offline use, which is not
// what the first paint waits for (and a controlled page fetches nothing from the network).
//
// Run after `npx vite build`: `node bench/first-load.mjs` (starts `vite preview` on
// FIRST_LOAD_PORT, default 4197, unless one answers there). The e2e test
// tests/e2e/first-load-budget.spec.ts runs `measureFirstPaint` on the test server.
import { spawn } from 'node:child_process';
import { gzipSync } from 'node:zlib';

/** Telltales of the PKI libraries in minified code: class and error names they define. */
export const PKI_TELLTALES = {
  pkijs: /AuthenticatedSafe|SafeContents|PFX_Version|CertificateRevocationList/,
  '@peculiar/x509': /X509CertificateGenerator|Pkcs10CertificateRequestGenerator/,
  asn1js: /LocalBaseBlock|ValueBlock|HexBlock/,
};

/** What the landing page shows once it is usable: a row of the table or the empty state. */
export const FIRST_PAINT_SELECTOR = '.cert-table [role="row"][aria-rowindex="2"], .cert-table tbody tr, .empty-state';

/**
 * Opens `url` in `page` (a fresh context with the service worker blocked) and returns every
 * JavaScript response fetched until FIRST_PAINT_SELECTOR is visible, with raw and gzip sizes
 * and the PKI libraries each one carries.
 */
export async function measureFirstPaint(page, url) {
  const responses = [];
  let painted = false;
  page.on('response', (r) => {
    if (painted) return;
    const type = r.request().resourceType();
    if (type === 'script' || /\.m?js(\?|$)/.test(new URL(r.url()).pathname)) responses.push(r);
  });
  await page.goto(url);
  await page.locator(FIRST_PAINT_SELECTOR).first().waitFor({ state: 'visible', timeout: 30_000 });
  painted = true;
  const scripts = [];
  for (const r of responses) {
    const body = await r.body();
    const text = body.toString('utf8');
    scripts.push({
      src: new URL(r.url()).pathname,
      raw: body.length,
      gzip: gzipSync(body, { level: 9 }).length,
      pki: Object.entries(PKI_TELLTALES)
        .filter(([, re]) => re.test(text))
        .map(([lib]) => lib),
    });
  }
  return scripts;
}

/** Prints the table bench/README.md shows. */
export function printFirstPaint(scripts) {
  const total = scripts.reduce((n, s) => n + s.gzip, 0);
  console.log('| fetched before the first row | raw | gzip | PKI |\n|---|---:|---:|---|');
  for (const s of scripts)
    console.log(
      `| ${s.src} | ${(s.raw / 1024).toFixed(1)} kB | ${(s.gzip / 1024).toFixed(1)} kB | ${s.pki.join(', ') || '—'} |`,
    );
  console.log(`| **total (${scripts.length} files)** | | **${(total / 1024).toFixed(1)} kB** (target ≤ 60 kB) | |`);
  return total;
}

async function answers(url) {
  try {
    return (await fetch(url)).ok;
  } catch {
    return false;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { chromium } = await import('@playwright/test');
  const port = Number(process.env.FIRST_LOAD_PORT ?? 4197);
  const url = `http://localhost:${port}/`;
  let server;
  if (!(await answers(url))) {
    server = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort'], { stdio: 'ignore' });
    for (let i = 0; i < 100 && !(await answers(url)); i++) await new Promise((r) => setTimeout(r, 200));
  }
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--headless', '--disable-gpu'],
  });
  try {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    printFirstPaint(await measureFirstPaint(await context.newPage(), url));
  } finally {
    await browser.close();
    server?.kill();
  }
}
