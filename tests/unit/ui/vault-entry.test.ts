/**
 * ui/ enters vault/ through one door, src/vault/index.ts (loaded lazily by vault-client), so the
 * bundler makes one vault chunk and the shell's first load never pulls pki code by a side path.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as vault from '../../../src/vault';

const ROOT = resolve(import.meta.dirname, '../../..');
const UI = join(ROOT, 'src/ui');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/** Every module specifier (static, type-only and dynamic import) of a file that lands in src/vault. */
function vaultImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:from\s+|import\s*\(\s*)['"]([^'"]+)['"]/g)].map((m) => m[1]);
  return specs
    .filter((s) => s.startsWith('.'))
    .map((s) => relative(ROOT, resolve(dirname(file), s)))
    .filter((p) => p === 'src/vault' || p.startsWith('src/vault/'));
}

describe('ui → vault: one entry', () => {
  it('every ui/ import of vault/ names src/vault (its index), never a file inside it', () => {
    const offenders = sources(UI).flatMap((f) =>
      vaultImports(f)
        .filter((p) => p !== 'src/vault')
        .map((p) => `${relative(ROOT, f)} → ${p}`),
    );
    expect(offenders).toEqual([]);
    // The scan itself sees vault-client's lazy import (a scan that finds nothing proves nothing).
    expect(vaultImports(join(UI, 'state/vault-client.ts'))).toContain('src/vault');
  });

  it('the vault entry exports the import inspector and the P7B writer the UI needs', async () => {
    expect(typeof vault.inspectImport).toBe('function');
    expect(typeof vault.certificatesToP7b).toBe('function');
    await expect(vault.inspectImport(new Uint8Array([1, 2, 3]))).rejects.toMatchObject({ name: 'VaultError' });
  });
});
