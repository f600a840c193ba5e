// What `npm start` and `npm test` need before they run, installed only when missing, so both
// work on a fresh clone of a fresh machine. Node built-ins only: nothing is installed yet.
import { existsSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', shell: false, ...options });
  return result.status ?? 1;
}

/**
 * Installs when node_modules is absent or older than the lockfile. `npm install`, not
 * `npm ci`: npm 11 leaves rollup's foreign-platform optional packages out of the lockfile
 * and then `npm ci` refuses it (npm/cli#4828); `npm install` keeps the locked versions.
 */
export function ensureDependencies() {
  // Tests that start `npm start` beside a running suite must not reinstall under its feet.
  if (process.env.CERTKEEP_SKIP_INSTALL === '1') return;
  const marker = 'node_modules/.package-lock.json';
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync('package-lock.json').mtimeMs) return;
  console.log('Installing dependencies (npm install)…');
  if (run('npm', ['install', '--no-audit', '--no-fund']) !== 0) {
    console.error('npm install failed: check that the npm registry is reachable.');
    process.exit(1);
  }
}

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's Chromium for Playwright (Playwright's own browser download is not reachable here). */
export function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  if (process.getuid?.() !== 0) {
    console.error(
      `Chromium is missing at ${CHROMIUM}. Install it with:\n  sudo apt-get update && sudo apt-get install -y chromium\n` +
        'or point CHROMIUM_PATH at a Chromium or Chrome binary.',
    );
    process.exit(1);
  }
  console.log('Installing Chromium from Debian packages (apt-get)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (
    run('apt-get', ['update'], { env }) !== 0 ||
    run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { env }) !== 0
  ) {
    console.error('apt-get could not install chromium: check that Debian package mirrors are reachable.');
    process.exit(1);
  }
}

/** Debian packages of the QR transfer tests' independent tools: zbarimg reads codes, qrencode makes them. */
const QR_TOOLS = [
  ['zbarimg', 'zbar-tools'],
  ['qrencode', 'qrencode'],
];

const onPath = (tool) => spawnSync(tool, ['--version'], { stdio: 'ignore' }).status === 0;

/**
 * Installs zbar-tools and qrencode when missing. Without root it only says how: the QR tests
 * then skip, or fail with the same advice when CI=true.
 */
export function ensureQrTools() {
  const missing = QR_TOOLS.filter(([tool]) => !onPath(tool)).map(([, pkg]) => pkg);
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    console.warn(`QR tests need ${missing.join(' and ')}: sudo apt-get install -y ${missing.join(' ')}`);
    return;
  }
  console.log(`Installing ${missing.join(', ')} from Debian packages (apt-get)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (
    run('apt-get', ['update'], { env }) !== 0 ||
    run('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { env }) !== 0
  )
    console.error(`apt-get could not install ${missing.join(', ')}: the QR transfer tests will say so.`);
}
