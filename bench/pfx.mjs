// PFX import speed: our readPkcs12 + importPkcs8 (in-process, Node's WebCrypto) against
// `openssl pkcs12 -in f -nodes -passin pass:P -out /dev/null` spawned per run, so openssl's
// time INCLUDES process start (~several ms); ours does not include loading the module.
// Files are made by openssl at start: RSA 2048 leaf with a 2-cert chain, in three flavours.
// Targets: AES ≤ 2× openssl, legacy (3DES, RC2-40) ≤ 3×.
//
// Run: `node bench/pfx.mjs [runs]` (default 10). Not part of npm test.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importBundled, median } from './bench-kit.mjs';

const RUNS = Number(process.argv[2] ?? 10);
const PASSWORD = 'bench-pässwörd';
const dir = mkdtempSync(join(tmpdir(), 'certkeep-bench-pfx-'));
const p = (name) => join(dir, name);

function openssl(args) {
  const r = spawnSync('openssl', args);
  if (r.status !== 0) throw new Error(`openssl ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

function makeFiles() {
  const cnf = p('req.cnf');
  writeFileSync(cnf, '[req]\ndistinguished_name=dn\n[dn]\n');
  openssl([
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    p('ca.key'),
    '-subj',
    '/CN=bench CA',
    '-days',
    '30',
    '-out',
    p('ca.crt'),
    '-config',
    cnf,
  ]);
  openssl([
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    p('leaf.key'),
    '-subj',
    '/CN=bench leaf',
    '-out',
    p('leaf.csr'),
    '-config',
    cnf,
  ]);
  openssl([
    'x509',
    '-req',
    '-in',
    p('leaf.csr'),
    '-CA',
    p('ca.crt'),
    '-CAkey',
    p('ca.key'),
    '-days',
    '30',
    '-out',
    p('leaf.crt'),
    '-set_serial',
    '2',
  ]);
  const flavours = [
    { name: 'AES-256-CBC (openssl default)', file: 'aes.p12', export: [], read: [], target: 2 },
    {
      name: 'PBE-SHA1-3DES',
      file: '3des.p12',
      export: ['-keypbe', 'PBE-SHA1-3DES', '-certpbe', 'PBE-SHA1-3DES'],
      read: [],
      target: 3,
    },
    { name: '-legacy (3DES key, RC2-40 certs)', file: 'rc2.p12', export: ['-legacy'], read: ['-legacy'], target: 3 },
  ];
  for (const f of flavours) {
    openssl([
      'pkcs12',
      '-export',
      '-inkey',
      p('leaf.key'),
      '-in',
      p('leaf.crt'),
      '-certfile',
      p('ca.crt'),
      '-passout',
      `pass:${PASSWORD}`,
      ...f.export,
      '-out',
      p(f.file),
    ]);
  }
  return flavours;
}

try {
  const pki = await importBundled('src/pki/index.ts');
  const flavours = makeFiles();
  const rows = [];
  for (const f of flavours) {
    const bytes = new Uint8Array(readFileSync(p(f.file)));
    const ours = async () => {
      const contents = await pki.readPkcs12(bytes, PASSWORD);
      await pki.importPkcs8(contents.keys[0].pkcs8, false);
    };
    const theirs = () =>
      openssl(['pkcs12', '-in', p(f.file), '-nodes', '-passin', `pass:${PASSWORD}`, '-out', '/dev/null', ...f.read]);
    await ours(); // warm up (JIT, WebCrypto init)
    theirs();
    const oursMs = [];
    const theirsMs = [];
    for (let i = 0; i < RUNS; i++) {
      let t = performance.now();
      await ours();
      oursMs.push(performance.now() - t);
      t = performance.now();
      theirs();
      theirsMs.push(performance.now() - t);
    }
    const a = median(oursMs);
    const b = median(theirsMs);
    rows.push({ name: f.name, ours: a, openssl: b, ratio: a / b, target: f.target });
  }
  console.log(
    `PFX import, median of ${RUNS} runs (ours: readPkcs12 + importPkcs8 in-process; openssl: spawned, process start included)\n`,
  );
  console.log('| PFX | ours ms | openssl ms | ratio | target |');
  console.log('|---|---:|---:|---:|---:|');
  for (const r of rows) {
    console.log(
      `| ${r.name} | ${r.ours.toFixed(1)} | ${r.openssl.toFixed(1)} | ${r.ratio.toFixed(2)}× | ≤ ${r.target}× ${r.ratio <= r.target ? 'ok' : 'MISSED'} |`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
