import { expect, type BrowserContext, type Page } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
export const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
export const BUNDLE_NAME = `certkeep-${VERSION}`;

/** `npm run package` into `outDir` (not release/, so a person's bundle is never touched). */
export function packageInto(outDir: string): { zip: string; folder: string } {
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts', 'package.mjs'), '--out', outDir], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`package failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  return { zip: join(outDir, `${BUNDLE_NAME}.zip`), folder: join(outDir, BUNDLE_NAME) };
}

/** Runs a command, returns its exit status and output (never throws on a non-zero exit). */
export function runIn(cwd: string, command: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', env });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

/** Every file under `dir`, `/`-separated and sorted, as SHA256SUMS names them. */
export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(relative(dir, full).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

export interface Launcher {
  url: string;
  port: number;
  process: ChildProcess;
  stop: () => Promise<void>;
}

/** Starts a bundle launcher on a free port (`--port 0`) and waits for the URL it prints. */
export async function startLauncher(bundle: string, command: string, script: string): Promise<Launcher> {
  const child = spawn(command, [script, '--port', '0'], { cwd: bundle, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /http:\/\/localhost:(\d+)\//.exec(output);
      if (m) resolve(m[0]);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`${script} exited ${code} before serving:\n${output}`)));
    child.on('error', reject);
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
  return { url, port: Number(new URL(url).port), process: child, stop };
}

/** Records every request the context makes whose URL is not local (the origin, file:, data:, blob:). */
export function recordForeignRequests(context: BrowserContext, isLocal: (url: URL) => boolean): string[] {
  const foreign: string[] = [];
  context.on('request', (r) => {
    const url = new URL(r.url());
    if (url.protocol !== 'data:' && url.protocol !== 'blob:' && !isLocal(url)) foreign.push(r.url());
  });
  return foreign;
}

/** Creates a certificate through the Create form of the app at `appUrl` (Self unless an issuer is given). */
export async function createIn(page: Page, appUrl: string, name: string, subject: string, issuer?: string) {
  await page.goto(`${appUrl}#/create`);
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Subject', { exact: true }).fill(subject);
  if (issuer) await page.getByLabel('Issuer', { exact: true }).selectOption(issuer);
  await page.getByRole('button', { name: /^Create/ }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible({ timeout: 30_000 });
}

/** Downloads the pending request's CSR (PEM) of the certificate page shown, to `path`. */
export async function downloadCsr(page: Page, path: string): Promise<void> {
  const panel = page.getByRole('region', { name: 'Pending certificate request' });
  await expect(panel.getByLabel('Certificate signing request (PEM)')).toHaveValue(
    /^-----BEGIN CERTIFICATE REQUEST-----/,
  );
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    panel.getByRole('button', { name: 'Download .csr (PEM)' }).click(),
  ]);
  await download.saveAs(path);
}

/**
 * Tries DOM-XSS sinks in the page: an HTML string into innerHTML, a string into a script's
 * src and text, and a new Trusted Types policy. Each outcome is "blocked" or what happened.
 */
export async function trySinks(page: Page) {
  return page.evaluate(() => {
    const attempt = (f: () => void) => {
      try {
        f();
        return 'allowed';
      } catch (e) {
        return e instanceof TypeError ? 'blocked' : `threw ${String(e)}`;
      }
    };
    const w = globalThis as unknown as {
      trustedTypes: { createPolicy: (n: string, r: object) => unknown };
      __xss?: boolean;
    };
    const div = document.createElement('div');
    document.body.append(div);
    return {
      innerHTML: attempt(() => (div.innerHTML = '<img src="data:," onerror="globalThis.__xss = true">')),
      scriptSrc: attempt(() => (document.createElement('script').src = 'data:text/javascript,globalThis.__xss=true')),
      scriptText: attempt(() => (document.createElement('script').text = 'globalThis.__xss = true')),
      newPolicy: attempt(() => w.trustedTypes.createPolicy('attacker', { createHTML: (s: string) => s })),
      ran: w.__xss === true,
    };
  });
}
