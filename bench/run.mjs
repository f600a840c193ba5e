// `npm run bench [name…]`: builds the app once, then runs every bench in bench/ one after the
// other (or only the named ones: `npm run bench -- csr pfx`), each printing its own table.
// Node benches are `*.mjs` run with node; browser benches are `*.spec.ts` run by Playwright
// with bench/playwright.config.ts. One at a time: they measure, so they must not share the cores.
import { mkdirSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';

const BENCH = import.meta.dirname;
const ROOT = join(BENCH, '..');
/** Modules the benches share, not benches themselves. */
const HELPERS = new Set(['bench-kit.mjs', 'run.mjs']);

const benchName = (file) => file.replace(/\.(mjs|spec\.ts)$/, '');
const all = readdirSync(BENCH)
  .filter((f) => (f.endsWith('.mjs') && !HELPERS.has(f)) || f.endsWith('.spec.ts'))
  .sort();
const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !all.some((f) => benchName(f) === w));
if (unknown.length) {
  console.error(`bench: no bench named ${unknown.join(', ')}; there are ${all.map(benchName).join(', ')}`);
  process.exit(2);
}
const chosen = wanted.length ? all.filter((f) => wanted.includes(benchName(f))) : all;

function run(command, args) {
  return spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' }).status ?? 1;
}

// first-load, sw-lifetime and the UI render bench read dist/: one build for all of them.
console.log('=== build (vite) ===');
if (run('npx', ['vite', 'build', '--logLevel', 'warn']) !== 0) process.exit(1);

// The UI bench also writes its figures to reports/ui-bench.json.
mkdirSync(join(ROOT, 'reports'), { recursive: true });
const failed = [];
for (const file of chosen) {
  console.log(`\n=== bench: ${benchName(file)} ===`);
  const path = relative(ROOT, join(BENCH, file));
  const status = file.endsWith('.spec.ts')
    ? run('npx', ['playwright', 'test', '-c', 'bench/playwright.config.ts', path])
    : run(process.execPath, [path]);
  if (status !== 0) failed.push(benchName(file));
}
console.log(
  `\nbench: ${chosen.length - failed.length} of ${chosen.length} ran${failed.length ? `; failed: ${failed.join(', ')}` : ''}`,
);
process.exit(failed.length ? 1 : 0);
