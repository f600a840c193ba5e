/**
 * Test vaults over fake-indexeddb: a fresh database per test, a clock the test moves, and a
 * normalised dump of every store to prove "nothing changed".
 */
import { openIdbVaultStore } from '../../../src/store/idb-vault-store';
import { createCertificateVault } from '../../../src/vault/certificate-vault';
import { createVaultContext } from '../../../src/vault/context';
import type { CertificateVault } from '../../../src/vault/types';
import { STORE_NAMES, type VaultStore } from '../../../src/vault/vault-store';

export const T0 = new Date('2026-01-15T10:00:00Z');
let counter = 0;

export interface TestVault {
  vault: CertificateVault;
  store: VaultStore;
  clock: { now: Date };
  dump: () => Promise<unknown>;
  /** Another open vault on the same database (another tab, the service worker): locked, same clock. */
  reopen: () => Promise<CertificateVault>;
}

/**
 * `wrap` lets a test put a failing store between the vault and IndexedDB; `iterations` lowers
 * PBKDF2 for passphrase slots (the vault's own 600 000 make a suite of unlocks take minutes).
 */
export async function makeVault(
  options: { now?: Date; wrap?: (s: VaultStore) => VaultStore; iterations?: number } = {},
): Promise<TestVault> {
  const name = `t${Date.now().toString(36)}-${counter++}`;
  const store = await openIdbVaultStore(name);
  const clock = { now: options.now ?? T0 };
  const internals = options.iterations ? { passphraseIterations: options.iterations } : undefined;
  const vault = createCertificateVault(
    createVaultContext(options.wrap ? options.wrap(store) : store, () => new Date(clock.now), internals),
  );
  const reopen = async () =>
    createCertificateVault(createVaultContext(await openIdbVaultStore(name), () => new Date(clock.now), internals));
  return { vault, store, clock, dump: () => dumpStore(store), reopen };
}

/** Every record of every store, with bytes as hex and CryptoKeys as their visible attributes. */
export async function dumpStore(store: VaultStore): Promise<unknown> {
  return store.read(async (tx) => {
    const out: Record<string, unknown> = {};
    for (const s of STORE_NAMES) out[s] = normalise(await tx.getAll(s));
    return out;
  });
}

function normalise(v: unknown): unknown {
  if (v instanceof Uint8Array) return `hex:${Buffer.from(v).toString('hex')}`;
  if (v instanceof Date) return `date:${v.toISOString()}`;
  if (v instanceof CryptoKey)
    return { cryptoKey: v.type, extractable: v.extractable, algorithm: v.algorithm, usages: [...v.usages].sort() };
  if (Array.isArray(v)) return v.map(normalise);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, normalise(x)]));
  return v;
}

export async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}
