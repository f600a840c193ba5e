import { readdirSync } from 'node:fs';

/**
 * The built vault module (`src/vault/index.ts`, whose exports keep their names) in dist/assets,
 * as a URL path. Matched on the bundler's 8-character hash, since other chunks are named
 * `vault-error-…` and `vault-client-…` and which of them sorts first depends on the hashes.
 */
export function builtVaultChunk(): string {
  const chunks = readdirSync('dist/assets').filter((f) => /^vault-[\w-]{8}\.js$/.test(f));
  if (chunks.length !== 1) {
    throw new Error(
      `expected one vault chunk in dist/assets, found ${chunks.length ? chunks.join(', ') : 'none'}: build first (npx vite build)`,
    );
  }
  return `/assets/${chunks[0]}`;
}
