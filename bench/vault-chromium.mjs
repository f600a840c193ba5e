// The vault bench of bench/vault.mjs again, in Chromium over its real IndexedDB (LevelDB on
// disk, a throwaway profile): the same fixture (one real EC certificate copied under N names
// through the store layer), first page, find by name, full list, lifetime scans. The page is
// served by Playwright's page.route (no server, nothing off-origin).
//
// Run: `node bench/vault-chromium.mjs [N]` (default 10000). Not part of npm test.
import { bundleIife, launchBenchPage } from './bench-kit.mjs';

const N = Number(process.argv[2] ?? 10_000);
const code = await bundleIife('bench/vault-bench-entry.ts', 'vb');

const { browser, page } = await launchBenchPage(code, 'vb', 'http://localhost:4199');

const result = await page.evaluate(async (N) => {
  const m = globalThis.vb;
  const now = () => new Date('2026-03-01T00:00:00Z');
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const time = async (runs, fn) => {
    const ms = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await fn(i);
      ms.push(performance.now() - t);
    }
    return median(ms);
  };
  const dbName = `bench-${Date.now()}`;
  const store = await m.openIdbVaultStore(dbName);
  const ctx = m.createVaultContext(store, now);
  const vault = m.createCertificateVault(ctx);
  await vault.createCertificate('seed', {
    subject: 'CN=seed.contoso.com',
    keyType: 'EC',
    lifetimeActions: [{ action: 'EmailContacts', lifetimePercentage: 80 }],
  });
  const seed = await store.read(async (tx) => {
    const cert = await tx.get('certificates', 'seed');
    const version = await tx.get('versions', ['seed', cert.latest.version]);
    return { cert, version, key: await tx.get('keys', version.keyId) };
  });
  const t0 = performance.now();
  await ctx.store.write(async (tx) => {
    for (let i = 0; i < N; i++) {
      const key = `cert-${String(i).padStart(5, '0')}`;
      const version = (i + 1).toString(16).padStart(32, '0');
      const shift = i % 100 === 0 ? -300 * 86400e3 : 0;
      const v = {
        ...seed.version,
        certificateKey: key,
        version,
        keyId: `k${version}`,
        notBefore: new Date(+seed.version.notBefore + shift),
        expiresOn: new Date(+seed.version.expiresOn + shift),
      };
      await tx.put('keys', { ...seed.key, id: `k${version}`, certificateKey: key });
      await tx.put('versions', v);
      // The derived fields are left for the store to write, as it does for the vault.
      const certRow = Object.fromEntries(
        Object.entries(seed.cert).filter(([k]) => k !== 'nextDueMs' && k !== 'lifetimeSeen'),
      );
      await tx.put('certificates', { ...certRow, key, name: key, latest: m.summaryOf(v) });
    }
  });
  const build = performance.now() - t0;
  store.close();
  const rows = {};
  rows['open + list all properties'] = await time(3, async () => {
    const s = await m.openIdbVaultStore(dbName);
    const v = m.createCertificateVault(m.createVaultContext(s, now));
    const it = v.listPropertiesOfCertificates()[Symbol.asyncIterator]();
    let n = 0;
    while (!(await it.next()).done) n++;
    if (n !== N + 1) throw new Error(`listed ${n}`);
    s.close();
  });
  const s2 = await m.openIdbVaultStore(dbName);
  const v2 = m.createCertificateVault(m.createVaultContext(s2, now));
  rows['first page (50)'] = await time(5, async () => {
    const it = v2.listPropertiesOfCertificates()[Symbol.asyncIterator]();
    for (let n = 0; n < 50 && !(await it.next()).done; n++);
    await it.return?.();
  });
  rows['find by name'] = await time(5, (i) => v2.getCertificate(`cert-${String((i * 1777) % N).padStart(5, '0')}`));
  rows['one getAll of certificates'] = await time(3, () => s2.read((tx) => tx.getAll('certificates')));
  let events = [];
  rows['runLifetimeActions, first run'] = await time(1, async () => {
    events = await v2.runLifetimeActions();
  });
  const firstEvents = events.length;
  rows['runLifetimeActions, again'] = await time(3, async () => {
    events = await v2.runLifetimeActions();
  });
  return { build, rows, firstEvents, againEvents: events.length };
}, N);

console.log(
  `vault bench in Chromium (${await browser.version()}), N=${N}; fixture written in ${result.build.toFixed(0)} ms`,
);
console.log(`| measure | median ms |\n|---|---:|`);
for (const [k, v] of Object.entries(result.rows)) console.log(`| ${k} | ${v.toFixed(1)} |`);
console.log(`lifetime events: first run ${result.firstEvents}, again ${result.againEvents}`);
await browser.close();
