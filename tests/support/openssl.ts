import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
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

/** The `-newkey` arguments for the two key kinds the fixtures use: EC P-256 and RSA 2048. */
const NEWKEY = { ec: ['ec', '-pkeyopt', 'ec_paramgen_curve:P-256'], rsa: ['rsa:2048'] } as const;

/** A self-signed certificate and its unencrypted key, written by `openssl req -x509` to `keyOut` and `certOut`. */
export function selfSignedFiles(o: {
  key: keyof typeof NEWKEY;
  subj: string;
  days: number;
  keyOut: string;
  certOut: string;
}): void {
  openssl([
    'req',
    '-x509',
    '-newkey',
    ...NEWKEY[o.key],
    '-nodes',
    '-keyout',
    o.keyOut,
    '-out',
    o.certOut,
    '-subj',
    o.subj,
    '-days',
    String(o.days),
  ]);
}

/** A self-signed certificate and its key as PEM texts, made in a temp folder that is removed before returning. */
export function selfSignedPem(o: { key: keyof typeof NEWKEY; subj: string; days: number }): {
  keyPem: string;
  certPem: string;
} {
  const tmp = tempDir('certkeep-pem-');
  try {
    selfSignedFiles({ ...o, keyOut: tmp.path('k.pem'), certOut: tmp.path('c.pem') });
    return { keyPem: readFileSync(tmp.path('k.pem'), 'utf8'), certPem: readFileSync(tmp.path('c.pem'), 'utf8') };
  } finally {
    tmp.cleanup();
  }
}

/** `<name>.key` and `<name>.crt` in `dir` packed as a password-protected PFX at `out`; returns `out`. */
export function pfxFromPair(
  dir: { path: (name: string) => string },
  name: string,
  password: string,
  out: string,
): string {
  openssl([
    'pkcs12',
    '-export',
    '-inkey',
    dir.path(`${name}.key`),
    '-in',
    dir.path(`${name}.crt`),
    '-passout',
    `pass:${password}`,
    '-out',
    dir.path(out),
  ]);
  return dir.path(out);
}
