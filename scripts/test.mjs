// `npm test`: install what is missing (npm packages, Debian's Chromium, zbar-tools and qrencode),
// then typecheck, unit tests (vitest) and e2e tests (Playwright), and end with one line
// `N passed, N failed, N skipped` summing both runners.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { ensureChromium, ensureDependencies, ensureQrTools, run } from './ensure.mjs';

const lockBefore = readFileSync('package-lock.json', 'utf8');
ensureDependencies();
ensureChromium();
ensureQrTools();

const counts = { passed: 0, failed: 0, skipped: 0 };
let stepFailed = false;

// A fresh clone must install exactly the committed lockfile; if the install rewrote it, the
// committed one is stale and every fresh machine would run something slightly different.
if (readFileSync('package-lock.json', 'utf8') !== lockBefore) {
  console.error('\nnpm install rewrote package-lock.json: commit the lockfile it produced.');
  counts.failed += 1;
  stepFailed = true;
}

function step(title, command, args) {
  console.log(`\n=== ${title} ===`);
  const status = run(command, args);
  if (status !== 0) stepFailed = true;
  return status;
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

// A type error, a lint finding, a format difference, an unused export or an arrow that
// points the wrong way is a failed check, each counted as one failure.
const checks = [
  ['typecheck', 'typecheck'],
  ['lint (typescript-eslint)', 'lint:eslint'],
  ['format (prettier)', 'lint:format'],
  ['unused exports (knip)', 'lint:exports'],
  ['layers (dependency-cruiser)', 'lint:layers'],
];
for (const [title, script] of checks) {
  if (step(title, 'npm', ['run', '--silent', script]) !== 0) counts.failed += 1;
}

rmSync('reports', { recursive: true, force: true });
step('unit (vitest)', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile.json=reports/unit.json',
]);
const unit = readJson('reports/unit.json');
if (unit) {
  counts.passed += unit.numPassedTests;
  counts.failed += unit.numFailedTests;
  counts.skipped += unit.numPendingTests + (unit.numTodoTests ?? 0);
} else counts.failed += 1;

if (step('build', 'npx', ['vite', 'build', '--logLevel', 'warn']) === 0) {
  step('e2e (Playwright, Chromium)', 'npx', ['playwright', 'test']);
  const e2e = readJson('reports/e2e.json');
  if (e2e) {
    counts.passed += e2e.stats.expected + e2e.stats.flaky;
    counts.failed += e2e.stats.unexpected;
    counts.skipped += e2e.stats.skipped;
  } else counts.failed += 1;
} else counts.failed += 1;

if (!existsSync('reports')) stepFailed = true;
console.log(`\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exit(stepFailed || counts.failed > 0 ? 1 : 0);
