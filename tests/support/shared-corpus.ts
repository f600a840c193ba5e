import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'vitest';

/**
 * ../shared beside the project (every developer machine and CI). CERTKEEP_SHARED_DIR points
 * elsewhere, e.g. at a missing folder to see what a checkout without it does.
 */
export const SHARED_DIR = resolve(process.env.CERTKEEP_SHARED_DIR ?? resolve(import.meta.dirname, '../../../shared'));
export const CORPUS_DIR = join(SHARED_DIR, 'corpus');
export const HAS_CORPUS = existsSync(join(CORPUS_DIR, 'CATALOG.tsv'));
export const NO_CORPUS_REASON = `../shared/corpus is absent (looked in ${CORPUS_DIR}): corpus tests skipped`;

/** CI=true (or any CI value but "false"/"0"): the corpus is required (ARCHITECTURE §6). */
const CORPUS_REQUIRED = !!process.env.CI && process.env.CI !== 'false' && process.env.CI !== '0';

/**
 * describe() for tests over the corpus. Without the corpus: skipped with the reason in the
 * title on a developer's machine; under CI one failing test instead, so the corpus tests
 * cannot vanish from a CI run as a row of silent skips.
 */
export function describeCorpus(title: string, body: () => void): void {
  if (HAS_CORPUS) describe(title, body);
  else if (CORPUS_REQUIRED) {
    describe(title, () => {
      it('needs ../shared/corpus', () => {
        throw new Error(`../shared/corpus is absent (looked in ${CORPUS_DIR}) and CI is set: the corpus is required`);
      });
    });
  } else describe.skip(`${title} (${NO_CORPUS_REASON})`, body);
}

export interface CatalogRow {
  path: string;
  kind: string;
  format: string;
  /** undefined for '-' (no password), '' for '(empty)', 'unknown' kept as is */
  password: string | undefined;
  opensslOk: string;
  keyAlgorithm: string;
  encryption: string;
  ncerts: number;
  notes: string;
}

/** CATALOG.tsv rows, or [] when the corpus is absent. */
export function readCatalog(): CatalogRow[] {
  if (!HAS_CORPUS) return [];
  const [, ...lines] = readFileSync(join(CORPUS_DIR, 'CATALOG.tsv'), 'utf8').trim().split('\n');
  return lines.map((line) => {
    const [path, kind, format, password, opensslOk, keyAlgorithm, encryption, ncerts, notes] = line.split('\t');
    return {
      path,
      kind,
      format,
      password: password === '-' ? undefined : password === '(empty)' ? '' : password,
      opensslOk,
      keyAlgorithm,
      encryption,
      ncerts: Number(ncerts),
      notes,
    };
  });
}

export function corpusFile(path: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(readFileSync(join(CORPUS_DIR, path)));
}

/** "invalid on purpose" in the catalog's notes. */
export function isInvalidOnPurpose(row: CatalogRow): boolean {
  return /invalid on purpose/i.test(row.notes);
}
