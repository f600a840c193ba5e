// The vault at scale (100 000 certificates) in Chromium over its real IndexedDB: a fixture of
// N certificates, mixed RSA-2048 / EC P-256 (one real certificate of each, made by the vault,
// reused as DER), 1–3 versions each, every certificate with its own name, subject, SANs, tags
// and thumbprints, written through the vault's store layer (so the lifetime index is kept as
// the vault keeps it). The list index is left unbuilt by the seeding (the store adds to it
// only once a stamp exists), so the first query builds it; that build is timed on its own.
// Then: open (a fresh store + vault, first query, first page), searches, sorts, the lifetime
// scan and the bytes stored per version. One throwaway profile per run, served by page.route.
//
// Run: `node bench/scale-chromium.mjs [N ...]` (default 10000 100000; figures side by side).
import { chromium } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleIife, omit } from './bench-kit.mjs';

const sizes = process.argv.slice(2).map(Number);
if (!sizes.length) sizes.push(10_000, 100_000);
const code = await bundleIife('bench/vault-bench-entry.ts', 'vb');

let browserVersion = '';

async function runOne(N) {
  // A profile on disk: an in-memory (incognito) context's storage quota is too small for 100 000.
  const profile = mkdtempSync(join(tmpdir(), 'certkeep-scale-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    // gc exposed, so each timed run starts from a collected heap (see `pause`).
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--js-flags=--expose-gc'],
  });
  browserVersion = context.browser()?.version() ?? 'Chromium';
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (m) => console.log(`  [N=${N}] ${m.text()}`));
  const base = 'http://localhost:4199';
  await page.route(`${base}/bench.html`, (r) =>
    r.fulfill({ contentType: 'text/html', body: `<!doctype html><script src="${base}/vb.js"></script>` }),
  );
  await page.route(`${base}/vb.js`, (r) => r.fulfill({ contentType: 'text/javascript', body: code }));
  await page.goto(`${base}/bench.html`);
  await page.waitForFunction(() => globalThis.vb !== undefined);
  const omitSrc = omit.toString();
  const result = await page.evaluate(
    async ({ N, omitSrc }) => {
      const omit = new Function(`return (${omitSrc})`)();
      const m = globalThis.vb;
      const now = () => new Date('2026-03-01T00:00:00Z');
      const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
      // Runs are apart by a pause, untimed, as a person's actions are: work a run leaves for
      // a task of its own (the search text prepared after the list opens) is not billed to the
      // next, nor is collecting the garbage of the run before (a page opens its vault once).
      const pause = async (ms) => {
        await new Promise((resolve) => setTimeout(resolve, ms));
        globalThis.gc?.();
      };
      const time = async (runs, fn) => {
        const ms = [];
        for (let i = 0; i < runs; i++) {
          await pause(100);
          const t = performance.now();
          await fn(i);
          ms.push(performance.now() - t);
        }
        return median(ms);
      };
      const pad = (i) => String(i).padStart(6, '0');
      const hex = (n, len) => n.toString(16).padStart(len, '0');
      const dbName = `scale-${N}-${Date.now()}`;
      const usage0 = (await navigator.storage.estimate()).usage ?? 0;
      const store = await m.openIdbVaultStore(dbName);
      let ctx = m.createVaultContext(store, now);
      let vault = m.createCertificateVault(ctx);
      const lifetimeActions = [{ action: 'EmailContacts', lifetimePercentage: 80 }];
      await vault.createCertificate('seed-rsa', {
        subject: 'CN=seed-rsa',
        keyType: 'RSA',
        keySize: 2048,
        lifetimeActions,
      });
      await vault.createCertificate('seed-ec', { subject: 'CN=seed-ec', keyType: 'EC', lifetimeActions });
      const seedOf = (name) =>
        store.read(async (tx) => {
          const cert = await tx.get('certificates', name);
          const version = await tx.get('versions', [name, cert.latest.version]);
          return { cert: omit(cert, 'nextDueMs', 'lifetimeSeen'), version, key: await tx.get('keys', version.keyId) };
        });
      const seeds = [await seedOf('seed-rsa'), await seedOf('seed-ec')];
      const DAY = 86_400e3;
      const t0 = performance.now();
      let versions = 0;
      const BATCH = 2_000;
      for (let from = 0; from < N; from += BATCH) {
        await ctx.store.write(async (tx) => {
          for (let i = from; i < Math.min(N, from + BATCH); i++) {
            const seed = seeds[i % 2];
            const key = `cert-${pad(i)}`;
            const subject = `CN=svc-${pad(i)}.contoso.com, OU=Unit${i % 997}, O=Team${i % 50}`;
            const tags = { env: ['prod', 'test', 'dev'][i % 3], owner: `team-${i % 50}`, app: `app-${pad(i)}` };
            const count = (i % 3) + 1;
            // Expiries spread over −100 … +630 days around "now", so every status occurs.
            const expiresMs = +now() + (((i * 7919) % 730) - 100) * DAY;
            let latest;
            for (let o = 0; o < count; o++) {
              const version = hex(i * 4 + o + 1, 32);
              const expiresOn = new Date(expiresMs - (count - 1 - o) * 365 * DAY);
              const v = {
                ...seed.version,
                certificateKey: key,
                version,
                ordinal: o,
                keyId: `k${version}`,
                subject,
                tags,
                x509Thumbprint: hex(0x51ab0000 + i, 8) + hex(o, 8) + version.slice(8),
                notBefore: new Date(+expiresOn - 365 * DAY),
                expiresOn,
              };
              await tx.put('keys', { ...seed.key, id: v.keyId, certificateKey: key });
              await tx.put('versions', v);
              latest = v;
              versions++;
            }
            const policy = {
              ...seed.cert.policy,
              subject,
              subjectAlternativeNames: { dnsNames: [`www-${pad(i)}.fabrikam.net`, `api-${pad(i)}.fabrikam.net`] },
            };
            await tx.put('certificates', {
              ...seed.cert,
              key,
              name: key,
              policy,
              versionCount: count,
              latest: m.summaryOf(latest),
            });
          }
        });
        if ((from / BATCH) % 10 === 9 || from + BATCH >= N)
          console.log(`seeded ${Math.min(N, from + BATCH)} / ${N} (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
      }
      const seedMs = performance.now() - t0;
      // Each figure is printed as it is taken, so a failure later in the run loses none.
      const rows = new Proxy(
        {},
        {
          set(o, k, v) {
            console.log(`${String(k)}: ${v.toFixed(1)} ms`);
            o[k] = v;
            return true;
          },
        },
      );
      let view;
      rows['first query: builds the list index'] = await time(1, async () => {
        view = await vault.queryCertificates({ now: now() });
      });
      if (view.total !== N + 2) throw new Error(`index holds ${view.total}`);
      store.close();
      // The seeding vault's index is no page's: dropped, so the opens below run on the heap of one vault.
      // eslint-disable-next-line no-useless-assignment -- the point is to drop the references
      view = vault = ctx = undefined;
      rows['open vault (new store + vault, first query)'] = await time(3, async () => {
        const s = await m.openIdbVaultStore(dbName);
        const v = m.createCertificateVault(m.createVaultContext(s, now));
        (await v.queryCertificates({ now: now() })).rows(0, 50);
        s.close();
      });
      // The open split: reading the stored buckets alone, so the rest is building the index.
      rows['open: reading the 64 list-index buckets'] = await time(3, async () => {
        const s = await m.openIdbVaultStore(dbName);
        await s.read((tx) => tx.getAll('listIndex'));
        s.close();
      });
      rows['open, then search at once (the search text not yet prepared)'] = await time(3, async (r) => {
        const s = await m.openIdbVaultStore(dbName);
        const v = m.createCertificateVault(m.createVaultContext(s, now));
        await v.queryCertificates({ now: now() });
        (await v.queryCertificates({ search: `www-${pad((r * 7777 + 1234) % N)}.fabrikam`, now: now() })).rows(0, 50);
        s.close();
      });
      const s2 = await m.openIdbVaultStore(dbName);
      const v2 = m.createCertificateVault(m.createVaultContext(s2, now));
      view = await v2.queryCertificates({ now: now() });
      rows['first page: rows(0, 50)'] = await time(5, () => view.rows(0, 50));
      rows['a deep page: rows(N/2, 50)'] = await time(5, () => view.rows(Math.floor(N / 2), 50));
      const hits = {};
      const search = async (label, term, runs = 5) => {
        rows[`search ${label}`] = await time(runs, async (r) => {
          const q = await v2.queryCertificates({ search: typeof term === 'function' ? term(r) : term, now: now() });
          q.rows(0, 50);
          hits[label] = q.count;
        });
      };
      const probe = (r) => (r * 7777 + 1234) % N;
      await search('by name (one hit)', (r) => `cert-${pad(probe(r))}`);
      await search('by subject (OU=Unit…)', (r) => `ou=unit${probe(r) % 997},`);
      await search('by SAN (www-….fabrikam.net)', (r) => `www-${pad(probe(r))}.fabrikam`);
      await search('by tag (owner=team-…)', (r) => `owner=team-${probe(r) % 50} `);
      // The index holds the latest version: ordinal (i % 3) of a certificate with i % 3 + 1 versions.
      await search('by thumbprint (AB:CD:… as openssl prints it)', (r) =>
        (hex(0x51ab0000 + probe(r), 8) + hex(probe(r) % 3, 8)).toUpperCase().match(/../g).join(':'),
      );
      await search('no hit', 'zzz-nothing-matches');
      rows['sort by expiry, descending'] = await time(5, async () => {
        (await v2.queryCertificates({ sort: 'expiresOn', descending: true, now: now() })).rows(0, 50);
      });
      rows['sort by name, first time (comparator sort)'] = await time(1, async () => {
        (await v2.queryCertificates({ sort: 'name', now: now() })).rows(0, 50);
      });
      rows['sort by status'] = await time(3, async () => {
        (await v2.queryCertificates({ sort: 'status', now: now() })).rows(0, 50);
      });
      rows['summary (dashboard counts)'] = await time(3, () => view.summary(now()));
      let events = [];
      // Before any catch-up, at a moment when nothing is due yet: the scan with no deleted
      // byNextDue entries in its range (the steady runs below come after the catch-up's deletes).
      const early = new Date(+now() - 400 * DAY);
      const v0 = m.createCertificateVault(m.createVaultContext(s2, () => early));
      rows['runLifetimeActions, nothing due, before any catch-up'] = await time(3, async () => {
        events = await v0.runLifetimeActions();
      });
      if (events.length) throw new Error(`${events.length} events 400 days early`);
      rows['runLifetimeActions, first run'] = await time(1, async () => {
        events = await v2.runLifetimeActions();
      });
      const firstEvents = events.length;
      // What the steady runs still read: rows whose nextDueMs is not past now after the first run.
      const stillDue = await s2.read(async (tx) => (await tx.certificatesDueBy(+now())).length);
      console.log(`rows still in the due range after the first run: ${stillDue}`);
      rows['runLifetimeActions, steady state'] = await time(3, async () => {
        events = await v2.runLifetimeActions();
      });
      s2.close();
      // As the service worker meets it: the database closed for a while after the catch-up (which
      // left ~N/4 deleted byNextDue entries that LevelDB compacts away once it is idle), then opened.
      await pause(10_000);
      const s4 = await m.openIdbVaultStore(dbName);
      const v4 = m.createCertificateVault(m.createVaultContext(s4, now));
      rows['runLifetimeActions, steady state after a close and 10 s idle'] = await time(3, async () => {
        events = await v4.runLifetimeActions();
      });
      s4.close();
      const usage1 = (await navigator.storage.estimate()).usage ?? 0;
      // What one version's rows weigh as data (version + key + its share of the certificate row),
      // from their JSON with bytes counted as their length: a floor, IndexedDB adds its own framing.
      const s3 = await m.openIdbVaultStore(dbName);
      const sample = await s3.read(async (tx) => {
        const c = await tx.get('certificates', 'cert-000001');
        const vs = await tx.getAll('versions');
        return { c, v: vs.find((x) => x.certificateKey === 'cert-000001') };
      });
      s3.close();
      const jsonBytes = (o) =>
        JSON.stringify(o, (_, x) => (x instanceof Uint8Array ? 'x'.repeat(x.byteLength) : x)).length;
      return {
        seedMs,
        versions,
        rows: { ...rows },
        hits,
        firstEvents,
        stillDue,
        againEvents: events.length,
        storedPerVersion: (usage1 - usage0) / versions,
        usageMB: (usage1 - usage0) / 1e6,
        rowBytes: { version: jsonBytes(sample.v), certificate: jsonBytes(sample.c) },
      };
    },
    { N, omitSrc },
  );
  await context.close();
  rmSync(profile, { recursive: true, force: true });
  return result;
}

const results = [];
for (const N of sizes) {
  console.log(`seeding N=${N} …`);
  results.push(await runOne(N));
}
console.log(`\nvault at scale in Chromium (${browserVersion}); medians in ms`);
console.log(`| measure | ${sizes.map((n) => `N = ${n}`).join(' | ')} |\n|---|${sizes.map(() => '---:').join('|')}|`);
for (const k of Object.keys(results[0].rows))
  console.log(`| ${k} | ${results.map((r) => r.rows[k].toFixed(1)).join(' | ')} |`);
const line = (label, f) => console.log(`| ${label} | ${results.map(f).join(' | ')} |`);
line('versions stored', (r) => r.versions);
line('bytes stored per version (storage.estimate delta / versions)', (r) => r.storedPerVersion.toFixed(0));
line('storage used (MB)', (r) => r.usageMB.toFixed(1));
line('one version row / certificate row as JSON (bytes)', (r) => `${r.rowBytes.version} / ${r.rowBytes.certificate}`);
line('fixture written in (s)', (r) => (r.seedMs / 1000).toFixed(1));
line('lifetime events: first run / steady', (r) => `${r.firstEvents} / ${r.againEvents}`);
line('rows still due after the first run (read by every steady run)', (r) => r.stillDue);
for (const r of results) console.log('search hits', JSON.stringify(r.hits));
