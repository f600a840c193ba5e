import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Runs a tool no one here wrote (openssl, keytool) and returns its output; throws with stderr on failure. */
export function runTool(command: string, args: string[], input?: Uint8Array | string): Buffer {
  const result = spawnSync(command, args, { input, maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${String(result.error ?? result.stderr)}`);
  }
  return result.stdout;
}

export const openssl = (args: string[], input?: Uint8Array | string): Buffer => runTool('openssl', args, input);

/** A temp folder for files that openssl reads or writes; removed by the returned cleanup. */
export function tempDir(prefix = 'certkeep-'): { dir: string; path: (name: string) => string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, path: (name) => join(dir, name), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A tool's exit and output without throwing, for checks whose expected answer is a refusal. */
export function opensslOutcome(args: string[], input?: Uint8Array | string): { ok: boolean; out: string } {
  const result = spawnSync('openssl', args, { input, maxBuffer: 64 * 1024 * 1024 });
  return { ok: result.status === 0, out: `${result.stdout.toString()}${result.stderr.toString()}` };
}
