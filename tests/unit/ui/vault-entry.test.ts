/**
 * ui/ enters vault/ through two doors: src/vault/light-entry.ts (opening, listing, errors, names:
 * no PKI library, what the first paint loads) and src/vault/index.ts, the whole API (loaded
 * lazily by vault-client), so the shell's first load never pulls pki code by a side path.
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

describe('ui → vault: the two entries', () => {
  it('every ui/ import of vault/ names src/vault (its index) or its light entry, never another file', () => {
    const offenders = sources(UI).flatMap((f) =>
      vaultImports(f)
        .filter((p) => p !== 'src/vault' && p !== 'src/vault/light-entry')
        .map((p) => `${relative(ROOT, f)} → ${p}`),
    );
    expect(offenders).toEqual([]);
    // The scan itself sees vault-client's imports (a scan that finds nothing proves nothing).
    expect(vaultImports(join(UI, 'state/vault-client.ts'))).toEqual(
      expect.arrayContaining(['src/vault', 'src/vault/light-entry']),
    );
  });

  it('the whole API re-exports every name of the light entry', async () => {
    const light = await import('../../../src/vault/light-entry');
    for (const name of Object.keys(light)) expect(vault, name).toHaveProperty(name);
  });

  it('the vault entry exports the import inspector and the P7B writer the UI needs', async () => {
    expect(typeof vault.inspectImport).toBe('function');
    expect(typeof vault.certificatesToP7b).toBe('function');
    await expect(vault.inspectImport(new Uint8Array([1, 2, 3]))).rejects.toMatchObject({ name: 'VaultError' });
  });
});
