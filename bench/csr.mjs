// CSR speed: "CSR with a new RSA-2048 key" — our generateKeyPair + createCsr (in-process,
// Node's WebCrypto) against `openssl req -new -newkey rsa:2048 -nodes -subj /CN=x
// -keyout /dev/null -out /dev/null` spawned per run, so openssl's time INCLUDES process start
// (a few ms); ours does not include loading the module. RSA key generation dominates both and
// its time varies run to run (random prime search), so medians over N runs are compared.
// Target: ours ≤ 1.0× openssl. An EC P-256 row is printed for reference.
//
// Run: `node bench/csr.mjs [runs]` (default 10). Not part of npm test.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importBundled, median } from './bench-kit.mjs';

const RUNS = Number(process.argv[2] ?? 10);
const dir = mkdtempSync(join(tmpdir(), 'certkeep-bench-csr-'));

function opensslOnce(newkey) {
  const t = performance.now();
  const r = spawnSync('openssl', [
    'req',
    '-new',
    '-newkey',
    newkey,
    '-nodes',
    '-subj',
    '/CN=x',
    '-keyout',
    '/dev/null',
    '-out',
    '/dev/null',
  ]);
  if (r.status !== 0) throw new Error(`openssl: ${r.stderr}`);
  return performance.now() - t;
}

async function oursOnce(pki, spec) {
  const t = performance.now();
  const keys = await pki.generateKeyPair(spec, false);
  const der = await pki.createCsr({ subject: 'CN=x', keys });
  if (der.length < 100) throw new Error('no csr');
  return performance.now() - t;
}

try {
  const pki = await importBundled('src/pki/index.ts');
  const rows = [
    { name: 'CSR with a new RSA-2048 key', spec: { kty: 'RSA', size: 2048 }, newkey: 'rsa:2048' },
    { name: 'CSR with a new EC P-256 key', spec: { kty: 'EC', curve: 'P-256' }, newkey: 'ec:/dev/null' },
  ];
  // P-256 parameters for openssl's -newkey ec:file.
  const ecParams = join(dir, 'p256.pem');
  writeFileSync(ecParams, spawnSync('openssl', ['ecparam', '-name', 'prime256v1']).stdout);
  rows[1].newkey = `ec:${ecParams}`;
  await oursOnce(pki, rows[0].spec); // warm-up: JIT and WebCrypto init
  opensslOnce(rows[0].newkey);
  console.log(
    `N=${RUNS} runs each; openssl time includes process start; ours is in-process Node ${process.version} WebCrypto\n`,
  );
  console.log('| operation | ours median (ms) | openssl median (ms) | ratio ours/openssl |');
  console.log('|---|---:|---:|---:|');
  for (const row of rows) {
    const ours = [];
    const theirs = [];
    // Interleaved so machine noise hits both sides alike.
    for (let i = 0; i < RUNS; i++) {
      ours.push(await oursOnce(pki, row.spec));
      theirs.push(opensslOnce(row.newkey));
    }
    const o = median(ours);
    const t = median(theirs);
    console.log(`| ${row.name} | ${o.toFixed(1)} | ${t.toFixed(1)} | ${(o / t).toFixed(2)}× |`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
