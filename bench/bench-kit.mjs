// What every bench shares: a src/ entry bundled by vite into one ES module Node can import
// (dependencies inlined, so Node runs the same code the browser does), and medians.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';
import { build } from 'vite';

const CACHE = join(import.meta.dirname, '.cache');

/** Bundles `entry` (e.g. 'src/pki/index.ts') and imports it. */
export async function importBundled(entry) {
  const name = entry.replace(/[^a-z0-9]+/gi, '-');
  const out = await build({
    configFile: false,
    logLevel: 'warn',
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      write: false,
      minify: false,
      target: 'es2022',
      lib: { entry, formats: ['es'], fileName: () => `${name}.mjs` },
      // One file: the vault loads modules on demand, and only the entry chunk is written here.
      rollupOptions: { output: { inlineDynamicImports: true } },
    },
  });
  const first = Array.isArray(out) ? out[0] : out;
  mkdirSync(CACHE, { recursive: true });
  const file = join(CACHE, `${name}.mjs`);
  writeFileSync(file, first.output.find((o) => o.type === 'chunk').code);
  return import(pathToFileURL(file).href);
}

/** Bundles `entry` as a classic script (IIFE) that defines the global `name`, for a browser page. */
export async function bundleIife(entry, name) {
  const out = await build({
    configFile: false,
    logLevel: 'warn',
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      write: false,
      minify: false,
      target: 'es2022',
      lib: { entry, formats: ['iife'], name, fileName: () => `${name}.js` },
    },
  });
  return (Array.isArray(out) ? out[0] : out).output.find((o) => o.type === 'chunk').code;
}

/** A copy of `record` without `keys` (derived fields a fixture leaves for the store to write). */
export function omit(record, ...keys) {
  return Object.fromEntries(Object.entries(record).filter(([k]) => !keys.includes(k)));
}

/** How many items an async iterable yields (the vault's list methods), walking all of them. */
export async function count(items) {
  const it = items[Symbol.asyncIterator]();
  let n = 0;
  while (!(await it.next()).done) n++;
  return n;
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Median wall time of `runs` awaited calls of fn(i), in ms. */
export async function timeMedian(runs, fn) {
  const ms = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn(i);
    ms.push(performance.now() - t);
  }
  return median(ms);
}

/**
 * Headless Chromium with one page at `base`/bench.html that loads `code` (a bundleIife script
 * defining the global `name`), served by page.route (no server, nothing off-origin); resolves
 * once the global is there. Close the returned browser when done.
 */
export async function launchBenchPage(code, name, base) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--headless', '--disable-gpu'],
  });
  const page = await browser.newPage();
  await page.route(`${base}/bench.html`, (r) =>
    r.fulfill({ contentType: 'text/html', body: `<!doctype html><script src="${base}/${name}.js"></script>` }),
  );
  await page.route(`${base}/${name}.js`, (r) => r.fulfill({ contentType: 'text/javascript', body: code }));
  await page.goto(`${base}/bench.html`);
  await page.waitForFunction((n) => globalThis[n] !== undefined, name);
  return { browser, page };
}
