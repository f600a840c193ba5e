// Hostile and large input, timed: the wall-clock side of tests that assert linear work
// (tests/unit/pki/pem.test.ts counts characters scanned) and an iteration cap
// (tests/unit/pki/pkcs12-refusals.test.ts), against openssl reading the same files, spawned
// per run (so openssl's time includes process start).
//
//   PEM, 5 000 BEGIN lines and no END    ours: decodePem refuses   openssl x509 -noout
//   PEM, 50 000 of them                  ours only: openssl's PEM reader is quadratic here (~4 min a run)
//   PEM, 5 000 certificates              ours: decodePem           openssl crl2pkcs7 -nocrl (also parses each)
//   PFX, MAC iterations 10 000 001       ours: readPkcs12 refuses  openssl pkcs12 -info (runs them)
//
// Run: `node bench/hostile-input.mjs [runs]` (default 3; about a minute, most of it openssl's
// 10 million iterations, once to make the PFX and once per run to read it). Not part of npm test.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importBundled, median, timeMedian } from './bench-kit.mjs';

const RUNS = Number(process.argv[2] ?? 3);
const dir = mkdtempSync(join(tmpdir(), 'certkeep-bench-hostile-'));
const p = (name) => join(dir, name);

function openssl(args) {
  const r = spawnSync('openssl', args);
  if (r.status !== 0) throw new Error(`openssl ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/** Median ms of a spawned openssl run; a failing exit is expected for refused input. */
function timeOpenssl(args) {
  const ms = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    spawnSync('openssl', args);
    ms.push(performance.now() - t);
  }
  return median(ms);
}

async function refusedIn(fn) {
  try {
    await fn();
  } catch {
    return;
  }
  throw new Error('expected a refusal');
}

try {
  const pki = await importBundled('src/pki/index.ts');
  openssl([
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-keyout',
    p('k.pem'),
    '-out',
    p('c.pem'),
    '-subj',
    '/CN=bench',
    '-days',
    '30',
  ]);
  const certPem = readFileSync(p('c.pem'), 'utf8');

  const hostile = (n) => '-----BEGIN CERTIFICATE-----\nAAAA\n'.repeat(n);
  writeFileSync(p('hostile.pem'), hostile(5_000));
  const many = certPem.repeat(5_000);
  writeFileSync(p('many.pem'), many);
  openssl([
    'pkcs12',
    '-export',
    '-inkey',
    p('k.pem'),
    '-in',
    p('c.pem'),
    '-passout',
    'pass:p',
    '-iter',
    '10000001',
    '-out',
    p('iter.p12'),
  ]);
  const pfx = new Uint8Array(readFileSync(p('iter.p12')));

  const rows = [
    [
      'PEM, 5 000 BEGIN lines and no END',
      await timeMedian(RUNS, () => refusedIn(() => pki.decodePem(hostile(5_000)))),
      timeOpenssl(['x509', '-in', p('hostile.pem'), '-noout']),
    ],
    [
      'PEM, 50 000 BEGIN lines and no END',
      await timeMedian(RUNS, () => refusedIn(() => pki.decodePem(hostile(50_000)))),
      undefined,
    ],
    [
      'PEM, 5 000 certificates',
      await timeMedian(RUNS, () => pki.decodePem(many)),
      timeOpenssl(['crl2pkcs7', '-nocrl', '-certfile', p('many.pem'), '-out', '/dev/null']),
    ],
    [
      'PFX, MAC iterations 10 000 001',
      await timeMedian(RUNS, () => refusedIn(() => pki.readPkcs12(pfx, 'p'))),
      timeOpenssl(['pkcs12', '-in', p('iter.p12'), '-passin', 'pass:p', '-info', '-noout']),
    ],
  ];
  console.log(`| input (median of ${RUNS}) | ours ms | openssl ms | ratio |`);
  console.log('| --- | ---: | ---: | ---: |');
  for (const [name, ours, theirs] of rows) {
    const ratio = theirs === undefined ? '—' : `${(ours / theirs).toFixed(3)}×`;
    console.log(`| ${name} | ${ours.toFixed(1)} | ${theirs === undefined ? '—' : theirs.toFixed(1)} | ${ratio} |`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
