/**
 * `npm start` stopped by a signal leaves nothing behind: the preview server goes with it, so
 * the port is free for the next start (a service manager stops with SIGTERM, not Ctrl+C).
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { expect, test } from '@playwright/test';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url)).ok;
  } catch {
    return false;
  }
}

for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
  test(`npm start stopped with ${signal} frees its port`, async () => {
    test.setTimeout(90_000);
    const port = await freePort();
    const url = `http://localhost:${port}/`;
    // dist/ is built before the e2e run; --no-build serves it as is.
    const npm = spawn('npm', ['start', '--', '--no-build'], {
      env: { ...process.env, PORT: String(port), CERTKEEP_SKIP_INSTALL: '1' },
      stdio: 'ignore',
    });
    await expect.poll(() => answers(url), { timeout: 60_000 }).toBe(true);
    npm.kill(signal);
    await expect.poll(() => answers(url), { timeout: 15_000 }).toBe(false);
  });
}
