/**
 * The page side of the vault harness: bundled (with src/vault/index.ts inside) into the harness
 * page as `window.vaultPage`, so a spec's page.evaluate body is ordinary typed TypeScript that
 * calls the real vault in Chromium: `page.evaluate((n) => window.vaultPage.withVault(n, async (v) => …), name)`.
 *
 * Playwright sends a page function as its source text, so the body may use only its own
 * argument and page globals; bytes cross the boundary as base64 (enc/dec here, Buffer in Node).
 */
import * as api from '../../../src/vault/index';
import type { CertificateVault } from '../../../src/vault/index';
import { openIdbVaultStore } from '../../../src/store/idb-vault-store';
import { checkVaultIntegrity, type IntegrityProblem } from '../../../src/vault/integrity/check-integrity';

/** What a VaultError (or any error) looks like once it has crossed into Node. */
export interface PageError {
  name: string;
  code: string;
  message: string;
}

/** Helpers handed to every withVault body. */
export interface PageKit {
  /** the module src/vault/index.ts */
  api: typeof api;
  enc: (bytes: Uint8Array) => string;
  dec: (base64: string) => Uint8Array<ArrayBuffer>;
  /** null when `p` fulfils, else the rejection as { name, code, message } */
  errorOf: (p: Promise<unknown>) => Promise<PageError | null>;
  /** null when `p` fulfils, else the rejection's code */
  codeOf: (p: Promise<unknown>) => Promise<string | null>;
  /** every item of an async iterable (the vault's list methods) */
  collect: <T>(items: AsyncIterable<T>) => Promise<T[]>;
}

function enc(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

function dec(base64: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}

function describeError(e: unknown): PageError {
  if (e instanceof Error) {
    const code = (e as Error & { code?: unknown }).code;
    return { name: e.name, code: typeof code === 'string' ? code : '', message: e.message };
  }
  return { name: typeof e, code: '', message: String(e) };
}

async function errorOf(p: Promise<unknown>): Promise<PageError | null> {
  try {
    await p;
    return null;
  } catch (e) {
    return describeError(e);
  }
}

async function codeOf(p: Promise<unknown>): Promise<string | null> {
  return (await errorOf(p))?.code ?? null;
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

const kit: PageKit = { api, enc, dec, errorOf, codeOf, collect };

/**
 * Opens the vault `name` (its clock fixed at `options.now` when given), runs `body`, closes the
 * vault. A rejection goes back to Node as page.evaluate's error, with the vault's message.
 */
export async function withVault<T>(
  name: string,
  body: (v: CertificateVault, kit: PageKit) => Promise<T>,
  options: { now?: string } = {},
): Promise<T> {
  const { now } = options;
  const v = await api.openVault({ name, ...(now === undefined ? {} : { now: () => new Date(now) }) });
  try {
    return await body(v, kit);
  } finally {
    v.close();
  }
}

const held = new Map<string, CertificateVault>();

/** Opens `name` and keeps it open across page.evaluate calls (a tab that stays on an old schema). */
export async function holdVault(name: string): Promise<void> {
  held.set(name, await api.openVault({ name }));
}

/** The vault holdVault opened. */
export function heldVault(name: string): CertificateVault {
  const v = held.get(name);
  if (!v) throw new Error(`no vault ${name} is held: call holdVault first`);
  return v;
}

export { errorOf };

/**
 * The vault's structural invariants over Chromium's IndexedDB (src/vault/integrity): [] for a
 * sound vault. Opens the database directly, without the vault's purge-on-open.
 */
export async function checkIntegrity(name: string): Promise<IntegrityProblem[]> {
  const store = await openIdbVaultStore(name);
  try {
    return await checkVaultIntegrity(store);
  } finally {
    store.close();
  }
}
