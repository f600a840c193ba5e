import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** ../shared beside the project (every developer machine and CI); tests that need it skip without it. */
export const SHARED_DIR = resolve(import.meta.dirname, '../../../shared');
export const CORPUS_DIR = join(SHARED_DIR, 'corpus');
export const HAS_CORPUS = existsSync(join(CORPUS_DIR, 'CATALOG.tsv'));
export const NO_CORPUS_REASON = `../shared/corpus is absent (looked in ${CORPUS_DIR}): corpus tests skipped`;

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
