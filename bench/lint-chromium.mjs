// Lint in Chromium: one certificate through vault.lintCertificate (the first call loads the
// public-suffix list), one policy as the create form lints it while typing, and the Certificates
// list's "has lint errors" filter over 10 000 stored certificates, which reads each version's
// stored lint summary — against linting every stored DER again, which the summary saves.
// No linter outside this project reads policies or requests, so there is no external ratio here.
//
// Run: `node bench/lint-chromium.mjs [N]` (default 10000). Not part of npm test.
import { bundleIife, launchBenchPage } from './bench-kit.mjs';

const N = Number(process.argv[2] ?? 10_000);
const REPARSE = Math.min(N, 1000);
const code = await bundleIife('bench/lint-bench-entry.ts', 'lb');

const { browser, page } = await launchBenchPage(code, 'lb', 'http://localhost:4198');

const result = await page.evaluate(
  async ({ N, REPARSE }) => {
    const m = globalThis.lb;
    const now = () => new Date('2026-12-01T00:00:00Z');
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
    const dbName = `lint-bench-${Date.now()}`;
    const store = await m.openIdbVaultStore(dbName);
    const ctx = m.createVaultContext(store, now);
    const vault = m.createCertificateVault(ctx);
    await vault.createCertificate('seed', {
      subject: 'CN=seed.contoso.com, OU=IT',
      subjectAlternativeNames: { dnsNames: ['seed.contoso.com', 'printer.local'] },
      keyType: 'EC',
    });
    const seed = await store.read(async (tx) => {
      const cert = await tx.get('certificates', 'seed');
      const version = await tx.get('versions', ['seed', cert.latest.version]);
      return { cert, version, key: await tx.get('keys', version.keyId) };
    });
    const rows = {};
    let t = performance.now();
    const first = await vault.lintCertificate(seed.version.cer);
    rows['lintCertificate, first call (loads the public-suffix list)'] = performance.now() - t;
    rows['lintCertificate, one certificate'] = await time(50, () => vault.lintCertificate(seed.version.cer));
    const policy = {
      subject: 'CN=www.contoso.com',
      subjectAlternativeNames: { dnsNames: ['www.contoso.com'] },
      issuerName: 'Unknown',
      validityInMonths: 12,
    };
    rows['lintPolicy, one keystroke of the create form'] = await time(50, () => vault.lintPolicy(policy));
    // N certificates; every 10th stored with errors in its summary.
    await ctx.store.write(async (tx) => {
      for (let i = 0; i < N; i++) {
        const key = `cert-${String(i).padStart(5, '0')}`;
        const version = (i + 1).toString(16).padStart(32, '0');
        const lint = i % 10 === 0 ? { errors: 2, warnings: 0, notices: 1 } : { errors: 0, warnings: 0, notices: 0 };
        const v = { ...seed.version, certificateKey: key, version, keyId: `k${version}`, lint };
        await tx.put('keys', { ...seed.key, id: `k${version}`, certificateKey: key });
        await tx.put('versions', v);
        const certRow = Object.fromEntries(
          Object.entries(seed.cert).filter(([k]) => k !== 'nextDueMs' && k !== 'lifetimeSeen'),
        );
        await tx.put('certificates', { ...certRow, key, name: key, latest: m.summaryOf(v) });
      }
    });
    let flagged = 0;
    rows[`list + "has lint errors" filter, ${N} certificates (stored summary)`] = await time(3, async () => {
      flagged = 0;
      for await (const p of vault.listPropertiesOfCertificates()) if ((p.lintSummary?.errors ?? 0) > 0) flagged++;
    });
    const ders = await store.read(async (tx) => (await tx.getAll('versions')).slice(0, REPARSE).map((v) => v.cer));
    t = performance.now();
    for (const der of ders) await vault.lintCertificate(der);
    const reparse = performance.now() - t;
    rows[`lintCertificate of ${REPARSE} stored DERs (what the summary saves), per certificate`] = reparse / REPARSE;
    rows[`… extrapolated to ${N}`] = (reparse / REPARSE) * N;
    store.close();
    return { rows, flagged, firstFindings: first.map((f) => `${f.id} (${f.severity}): ${f.message}`) };
  },
  { N, REPARSE },
);

console.log(`lint bench in Chromium (${await browser.version()}), N=${N}`);
console.log(`| measure | median ms |\n|---|---:|`);
for (const [k, v] of Object.entries(result.rows)) console.log(`| ${k} | ${v.toFixed(2)} |`);
console.log(`flagged by the filter: ${result.flagged} (expected ${Math.ceil(N / 10)}: every 10th)`);
console.log(
  `the seed's findings (self-signed: public-only rules are notices):\n  ${result.firstFindings.join('\n  ')}`,
);
await browser.close();
