// Fuzz 10 000: mutations of real PFX, PEM, P7B, CSR, certificate and backup files (bit flips,
// truncations, forged DER length fields, deeply nested SEQUENCEs, hostile PBE iteration
// counts) through import, merge, restore and the parse entry points of the vault, bundled by
// vite as the browser gets it, over fake-indexeddb. Passes when every outcome is an acceptance
// or a VaultError (none Internal), no input takes over 2 s, and the vault's stores are
// byte-identical to the prepared state after every case.
//
//   node bench/fuzz/run.mjs --seed 42 --count 10000     the run (a few minutes on 2 cores)
//   node bench/fuzz/run.mjs --seed 42 --from 1234 --count 1 --save-inputs /tmp   one case again, its input kept
//
// Exit code 1 on any finding. Figures: bench/README.md "Fuzz".
import 'fake-indexeddb/auto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { importBundled } from '../bench-kit.mjs';
import { dumpVault, runFuzz } from './engine.mjs';
import { corpusSeeds, makeCa, openssl, opensslSeeds, workDir } from './seeds.mjs';
import { prepareTargets } from './targets.mjs';

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '42' },
    count: { type: 'string', default: '10000' },
    from: { type: 'string', default: '0' },
    slow: { type: 'string', default: '2000' },
    verbose: { type: 'boolean', default: false },
    'save-inputs': { type: 'string' },
  },
});
const seed = Number(values.seed);
const count = Number(values.count);

const m = await importBundled('bench/fuzz/fuzz-entry.ts');
const w = workDir();
try {
  const vaultOn = async (name) => {
    const store = await m.openIdbVaultStore(name);
    return { store, vault: m.createCertificateVault(m.createVaultContext(store)) };
  };
  const source = await vaultOn(`fuzz-source-${seed}`);
  await source.vault.createCertificate('backed', { subject: 'CN=backed', keyType: 'EC' });
  const { store, vault } = await vaultOn(`fuzz-${seed}`);
  const prepared = await prepareTargets({
    vault,
    store,
    module: m,
    ca: makeCa(w),
    openssl: (args, input) => new Uint8Array(openssl(args, input)),
    // The format's lowest count (a test hook) keeps each restore cheap; one real 600 000 seed below.
    backupOf: (name, password) =>
      m.backupCertificate(m.createVaultContext(source.store), name, { password }, { iterations: 1000 }),
  });
  const seeds = [
    ...opensslSeeds(w),
    ...corpusSeeds(),
    ...prepared.seeds,
    {
      kind: 'backup',
      name: 'vault:backup-600000',
      bytes: await source.vault.backupCertificate('backed', { password: 'pw' }),
      weight: 0.1,
    },
  ];
  const started = performance.now();
  const result = await runFuzz({
    seed,
    count,
    from: Number(values.from),
    slowMs: Number(values.slow),
    targets: prepared.targets,
    seeds,
    dump: () => dumpVault(store, m.STORE_NAMES),
    isVaultError: m.isVaultError,
    onInput: values['save-inputs']
      ? (index, bytes) => writeFileSync(join(values['save-inputs'], `case-${index}.bin`), bytes)
      : undefined,
    onProgress: (n) => {
      if (values.verbose || n % 500 === 0) process.stderr.write(`${n}/${count}\r`);
    },
  });
  const wall = (performance.now() - started) / 1000;
  const kinds = [...new Set(seeds.map((s) => s.kind))].map((k) => `${k} ${seeds.filter((s) => s.kind === k).length}`);
  console.log(
    `seed ${seed}, ${result.count} inputs from ${seeds.length} real files (${kinds.join(', ')}), ${wall.toFixed(0)} s`,
  );
  console.log(
    `entry points (inputs, mean ms): ${Object.entries(result.byTarget)
      .map(([k, v]) => `${k} ${v} (${(result.msByTarget[k] / v).toFixed(1)})`)
      .join(', ')}`,
  );
  console.log(
    `mutations: ${Object.entries(result.byMutation)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );
  console.log('\n| outcome | inputs |\n| --- | ---: |');
  for (const [code, n] of Object.entries(result.byCode).sort((a, b) => b[1] - a[1])) console.log(`| ${code} | ${n} |`);
  console.log(
    `\nslowest input: ${result.slowest.ms.toFixed(0)} ms (${result.slowest.case}, ${result.slowest.outcome})`,
  );
  console.log(`mean: ${(result.totalMs / result.count).toFixed(1)} ms; over ${values.slow} ms: ${result.slow.length}`);
  for (const s of result.slow) console.log(`  slow ${s.ms.toFixed(0)} ms: ${s.case} → ${s.outcome}`);
  console.log(`findings: ${result.findings.length}`);
  for (const f of result.findings) console.log(`  ${f.case}\n    ${f.problem}`);
  vault.close();
  source.vault.close();
  process.exitCode = result.findings.length || result.slow.length ? 1 : 0;
} finally {
  w.cleanup();
}
