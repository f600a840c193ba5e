// Vault at scale: 10 000 certificates in fake-indexeddb (Node). Measures open + list all,
// the first page of 50, find by name, runLifetimeActions over everything (nothing due, and
// 1 % due → notify), and the bytes stored per version.
//
// Fixture: ONE real certificate (EC P-256, self-signed by the vault) whose records are copied
// under 10 000 names through the store layer (certificate row with the denormalised latest
// version, version row with DER + chain, key row), in one transaction. fake-indexeddb lives in
// memory, so the database cannot be cached between runs; the seed certificate is cached in
// bench/.cache/vault-seed.json (DER only: CryptoKeys do not serialise to JSON), the records
// are rebuilt each run (timed and printed).
//
// Bytes per version: v8.serialize (Node's structured clone, the format Chromium's IndexedDB
// writes too) of the version row + the certificate row's share; the key row's CryptoKeys
// are host objects v8 cannot serialise, counted as their PKCS#8 + SPKI sizes plus the rest of
// the row. An estimate of what IndexedDB stores, not of its on-disk overhead.
//
// Run: `node bench/vault.mjs [N]` (default 10000). Not part of npm test.
import 'fake-indexeddb/auto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serialize } from 'node:v8';
import { count, importBundled, omit, timeMedian } from './bench-kit.mjs';

const N = Number(process.argv[2] ?? 10_000);
const CACHE = join(import.meta.dirname, '.cache');
mkdirSync(CACHE, { recursive: true });

const time = timeMedian;

const m = await importBundled('bench/vault-bench-entry.ts');
const T0 = new Date('2026-03-01T00:00:00Z');
let clock = T0;
const now = () => clock;
const dbName = `bench-${Date.now()}`;
const store = await m.openIdbVaultStore(dbName);
// The fixture goes through the context's store, as every vault write does (it keeps derived
// fields such as the lifetime due index right).
const ctx = m.createVaultContext(store, now);
const vault = m.createCertificateVault(ctx);

// Seed: one real certificate (cached DER is only informative; the key must be made fresh).
await vault.createCertificate('seed', {
  subject: 'CN=seed.contoso.com',
  subjectAlternativeNames: { dnsNames: ['seed.contoso.com', 'www.seed.contoso.com'] },
  keyType: 'EC',
  issuerName: 'Self',
  lifetimeActions: [{ action: 'EmailContacts', lifetimePercentage: 80 }],
});
const seed = await store.read(async (tx) => {
  const cert = await tx.get('certificates', 'seed');
  const version = await tx.get('versions', ['seed', cert.latest.version]);
  const key = await tx.get('keys', version.keyId);
  return { cert, version, key };
});
const seedFile = join(CACHE, 'vault-seed.json');
if (!existsSync(seedFile))
  writeFileSync(seedFile, JSON.stringify({ der: Buffer.from(seed.version.cer).toString('base64') }));
console.log(`seed certificate DER ${seed.version.cer.length} bytes (cached in ${seedFile})`);

const hex = (i) => i.toString(16).padStart(32, '0');
const buildT = performance.now();
await ctx.store.write(async (tx) => {
  for (let i = 0; i < N; i++) {
    const key = `cert-${String(i).padStart(5, '0')}`;
    const version = hex(i + 1);
    // 1 % of certificates were issued a year earlier, so their 80 % point has passed.
    const shift = i % 100 === 0 ? -300 * 86400e3 : 0;
    const notBefore = new Date(seed.version.notBefore.getTime() + shift);
    const expiresOn = new Date(seed.version.expiresOn.getTime() + shift);
    const v = { ...seed.version, certificateKey: key, version, keyId: `k${version}`, notBefore, expiresOn };
    await tx.put('keys', { ...seed.key, id: `k${version}`, certificateKey: key });
    await tx.put('versions', v);
    const certRow = omit(seed.cert, 'nextDueMs', 'lifetimeSeen');
    await tx.put('certificates', { ...certRow, key, name: key, latest: m.summaryOf(v) });
  }
});
const buildMs = performance.now() - buildT;
store.close();

const RUNS = 5;
const rows = [];
let all = 0;
const openList = await time(RUNS, async () => {
  const s = await m.openIdbVaultStore(dbName);
  const v = m.createCertificateVault(m.createVaultContext(s, now));
  all = await count(v.listPropertiesOfCertificates());
  s.close();
});
rows.push([`open + list all properties (${all})`, openList, '—']);

const s2 = await m.openIdbVaultStore(dbName);
const v2 = m.createCertificateVault(m.createVaultContext(s2, now));
const firstPage = await time(RUNS, async () => {
  const it = v2.listPropertiesOfCertificates()[Symbol.asyncIterator]();
  for (let n = 0; n < 50 && !(await it.next()).done; n++);
  await it.return?.();
});
rows.push(['first page (50)', firstPage, '< 50 ms']);
const find = await time(RUNS, async (i) => {
  const c = await v2.getCertificate(`CERT-${String((i * 1777) % N).padStart(5, '0')}`);
  if (c.cer.length !== seed.version.cer.length) throw new Error('wrong certificate');
});
rows.push(['find by name (getCertificate)', find, '—']);

const rawAll = await time(RUNS, () => s2.read((tx) => tx.getAll('certificates')));
rows.push(['(floor) one getAll of the certificates store', rawAll, '—']);

let events = [];
const firstRun = await time(1, async () => {
  events = await v2.runLifetimeActions();
});
rows.push([`runLifetimeActions, first run (${events.length} notify events)`, firstRun, '< 200 ms']);
const rerun = await time(RUNS, async () => {
  events = await v2.runLifetimeActions();
});
rows.push([`runLifetimeActions, again (${events.length} new)`, rerun, '< 200 ms']);
s2.close();

// Bytes per version.
const pkcs8 = (await crypto.subtle.exportKey('pkcs8', seed.key.privateKey)).byteLength;
const spki = seed.key.spki.length;
const versionBytes = serialize(seed.version).length;
const certBytes = serialize(seed.cert).length;
const keyBytes = serialize(omit(seed.key, 'privateKey', 'publicKey')).length + pkcs8 + spki;

console.log(
  `\nvault bench, N=${N}, fake-indexeddb (Node ${process.version}); fixture built in ${buildMs.toFixed(0)} ms`,
);
console.log('| measure | median ms | target |\n|---|---:|---:|');
for (const [what, ms, target] of rows) console.log(`| ${what} | ${ms.toFixed(1)} | ${target} |`);
console.log(
  `\nbytes per version (EC P-256 self-signed, DER ${seed.version.cer.length} B): version row ${versionBytes} + certificate row ${certBytes} + key row ≈ ${keyBytes} = ${versionBytes + certBytes + keyBytes} B (target < 8 kB)`,
);
