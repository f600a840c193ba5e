// Lifetime checks over a large vault, measured where they really run: inside the service worker.
// Fills the vault "default" with N certificates (EC P-256, Self, 12 months: none due) through the
// vault API in the page, then times the RUN_LIFETIME_ACTIONS message round trip (page → worker:
// list vaults, open, runLifetimeActions, close, log → page). Target < 200 ms for 10 000.
//
// Run: `npx vite build --logLevel warn && node bench/sw-lifetime.mjs [count]` (default 10000).
// Needs Chromium (CHROMIUM_PATH or /usr/bin/chromium). Not part of npm test.
import { chromium } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { preview } from 'vite';
import { bundleIife, median } from './bench-kit.mjs';

const COUNT = Number(process.argv[2] ?? 10_000);
const DUE = Number(process.env.DUE ?? 0);
const RUNS = 7;
const PORT = 4191;
const ORIGIN = `http://localhost:${PORT}`;

async function vaultBundle() {
  return `${await bundleIife('src/vault/index.ts', 'certkeepVault')}\n;globalThis.certkeepVault = certkeepVault;\n0;`;
}

const server = await preview({ preview: { port: PORT, strictPort: true, host: 'localhost' }, logLevel: 'warn' });
// BENCH_PROFILE=<dir> keeps the filled profile between runs (filling 10 000 takes about two minutes).
const keep = process.env.BENCH_PROFILE;
const dir = keep ?? mkdtempSync(join(tmpdir(), 'certkeep-bench-'));
const context = await chromium.launchPersistentContext(dir, {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
try {
  const page = await context.newPage();
  await page.goto(ORIGIN);
  await page.waitForFunction(async () => !!(await navigator.serviceWorker.ready).active);
  await page.evaluate(await vaultBundle());

  const fillStart = Date.now();
  const existing = await page.evaluate(async () => {
    const { openVault } = globalThis.certkeepVault;
    const vault = await openVault({ name: 'default' });
    const it = vault.listPropertiesOfCertificates()[Symbol.asyncIterator]();
    let n = 0;
    while (!(await it.next()).done) n += 1;
    vault.close();
    return n;
  });
  if (existing < COUNT)
    await page.evaluate(
      async ({ count, due }) => {
        const { openVault } = globalThis.certkeepVault;
        const past = Date.now() - 20 * 86_400_000;
        const vault = await openVault({ name: 'default' });
        const old = await openVault({ name: 'default', now: () => new Date(past) });
        const policy = {
          issuerName: 'Self',
          keyType: 'EC',
          keyCurveName: 'P-256',
          subject: 'CN=bench',
          lifetimeActions: [{ action: 'EmailContacts', lifetimePercentage: 80 }],
        };
        const duePolicy = {
          ...policy,
          validityInMonths: 1,
          lifetimeActions: [{ action: 'EmailContacts', daysBeforeExpiry: 27 }],
        };
        const batch = 16;
        for (let i = 0; i < count; i += batch) {
          const jobs = [];
          for (let j = i; j < Math.min(count, i + batch); j++) {
            jobs.push(
              j < due ? old.createCertificate(`due-${j}`, duePolicy) : vault.createCertificate(`cert-${j}`, policy),
            );
          }
          await Promise.all(jobs);
        }
        vault.close();
        old.close();
      },
      { count: COUNT - existing, due: DUE },
    );
  const fillSeconds = (Date.now() - fillStart) / 1000;

  const times = await page.evaluate(async (runs) => {
    const reg = await navigator.serviceWorker.ready;
    const ask = () =>
      new Promise((resolve) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = (e) => resolve(e.data);
        reg.active.postMessage({ type: 'RUN_LIFETIME_ACTIONS' }, [channel.port2]);
      });
    const out = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      const result = await ask();
      out.push({ ms: performance.now() - t, notices: result.notices.length, failures: result.failures.length });
    }
    return out;
  }, RUNS);

  console.log(
    existing >= COUNT
      ? `reused a vault of ${existing} certificates`
      : `filled ${COUNT - existing} certificates (${DUE} due) in ${fillSeconds.toFixed(1)} s`,
  );
  console.log(
    `first run (notices raised: ${times[0].notices}, failures: ${times[0].failures}): ${times[0].ms.toFixed(1)} ms`,
  );
  const steady = times.slice(1).map((t) => t.ms);
  console.log(
    `service worker round trip, steady state, median of ${steady.length}: ${median(steady).toFixed(1)} ms (min ${Math.min(...steady).toFixed(1)}, max ${Math.max(...steady).toFixed(1)}) — target < 200 ms`,
  );

  // The same call in the page, without the worker hop, split into its parts, and a bare
  // IndexedDB getAll of the certificates store (the floor any scan of 10 000 rows pays).
  const inPage = await page.evaluate(async (runs) => {
    const { openVault, listVaults } = globalThis.certkeepVault;
    const out = { list: [], open: [], run: [], getAll: [] };
    for (let i = 0; i < runs; i++) {
      let t = performance.now();
      await listVaults();
      out.list.push(performance.now() - t);
      t = performance.now();
      const vault = await openVault({ name: 'default' });
      out.open.push(performance.now() - t);
      t = performance.now();
      await vault.runLifetimeActions();
      out.run.push(performance.now() - t);
      vault.close();
      t = performance.now();
      const db = await new Promise((resolve, reject) => {
        const r = globalThis.indexedDB.open('certkeep-vault:default');
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      await new Promise((resolve) => {
        const q = db.transaction('certificates').objectStore('certificates').getAll();
        q.onsuccess = () => resolve(q.result.length);
      });
      db.close();
      out.getAll.push(performance.now() - t);
    }
    return out;
  }, RUNS);

  const m = (k) => median(inPage[k]).toFixed(1);
  console.log(
    `in the page, medians of ${RUNS}: listVaults ${m('list')} ms, openVault ${m('open')} ms, runLifetimeActions ${m('run')} ms; bare IndexedDB getAll of the certificates store ${m('getAll')} ms`,
  );
} finally {
  await context.close();
  if (!keep) rmSync(dir, { recursive: true, force: true });
  await new Promise((resolve) => server.httpServer.close(resolve));
}
