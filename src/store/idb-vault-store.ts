/**
 * VaultStore over IndexedDB with idb. Each read or write is one transaction over every store:
 * a vault is small and local, and one scope means a write can never see half of another.
 */
import { deleteDB, openDB } from 'idb';
import type { IDBPTransaction } from 'idb';
import { STORAGE_LOST_ERROR, type StoreName, type StoreTx, type VaultStore } from '../vault/vault-store';
import { ALL_STORES, DB_PREFIX, DB_VERSION, upgradeVaultDb, type VaultDb, type VaultDbSchema } from './schema';

/**
 * A transaction over every store. Typed as readwrite for reads too: idb's types leave `put`
 * out of a readonly store, while StoreTx offers it to both; IndexedDB itself refuses a write in
 * a readonly transaction (ReadOnlyError), so nothing is lost by the wider type.
 */
type VaultTx = IDBPTransaction<VaultDbSchema, StoreName[], 'readwrite'>;

/** The database name of a vault. */
export function vaultDbName(vaultName: string): string {
  return DB_PREFIX + vaultName;
}

/**
 * Opens (creating or upgrading) the database of vault `name`. The connection is let go when
 * another context needs a schema upgrade (an updated app in another tab or the service
 * worker: `versionchange` would otherwise block it forever) or when the browser terminates it;
 * the next read or write opens it again. If the other context upgraded past what this code
 * knows, that reopen fails with a VersionError, which the vault turns into "reload".
 *
 * A database deleted under an open store (another context deleted it, site data was cleared, the
 * browser evicted it) is never silently recreated empty: a deletion seen as `versionchange` to
 * no version, or a reopen that finds no database, makes every later call fail with
 * STORAGE_LOST_ERROR, and the empty database such a reopen began is not kept.
 */
export async function openIdbVaultStore(name: string, version: number = DB_VERSION): Promise<VaultStore> {
  let current: VaultDb | undefined;
  let closed = false;
  let lost = false;
  let opened = false;
  const open = async (): Promise<VaultDb> => {
    const db = await openDB<VaultDbSchema>(vaultDbName(name), version, {
      upgrade: (db, oldVersion, newVersion, tx) => {
        if (opened && oldVersion === 0) {
          // It existed when this store opened it; now there is none: it was deleted.
          lost = true;
          tx.abort();
          return;
        }
        upgradeVaultDb(db, oldVersion, newVersion, tx);
      },
      blocking: (_current, blocked, event) => {
        // deleteDatabase elsewhere asks for "no version": the data is going away.
        if (blocked === null) lost = true;
        (event.target as IDBDatabase).close();
        if (current === db) current = undefined;
      },
      terminated: () => {
        if (current === db) current = undefined;
      },
    }).catch((e: unknown) => {
      throw lost ? storageLost() : e;
    });
    opened = true;
    current = db;
    return db;
  };
  await open();
  return createIdbVaultStore(name, {
    db: async () => {
      if (closed) throw new DOMException('the vault was closed', 'InvalidStateError');
      if (lost) throw storageLost();
      return current ?? open();
    },
    lost: () => lost,
    close: () => {
      closed = true;
      current?.close();
      current = undefined;
    },
  });
}

/** A connection source: the live database (reopened when needed) and a final close. */
interface VaultDbSource {
  db(): Promise<VaultDb>;
  /** true once the database was found deleted under this store */
  lost(): boolean;
  close(): void;
}

/** The error that aborted `tx` when the browser aborted it, else `e`. */
function abortCause(tx: VaultTx, e: unknown): unknown {
  const own = (tx as { error?: unknown }).error;
  return e instanceof Error && e.name === 'AbortError' && own instanceof Error ? own : e;
}

function storageLost(): Error {
  const e = new Error('the vault database was deleted while it was open');
  e.name = STORAGE_LOST_ERROR;
  return e;
}

function createIdbVaultStore(name: string, source: VaultDbSource): VaultStore {
  const run = async <T>(mode: IDBTransactionMode, fn: (tx: StoreTx) => Promise<T>): Promise<T> => {
    const db = await source.db();
    const tx = db.transaction([...ALL_STORES], mode) as VaultTx;
    let result: T;
    try {
      result = await fn(wrapTx(tx));
    } catch (e) {
      // Abort synchronously: nothing written in this callback is kept. If the transaction has
      // already finished (a forbidden non-IDB await inside), abort throws; report the original.
      try {
        tx.abort();
      } catch {
        /* already committed or aborted */
      }
      await tx.done.catch(() => undefined);
      // A transaction the browser aborted (quota exceeded at a put or at commit) fails its
      // pending requests with AbortError; the transaction's own error says why.
      throw source.lost() ? storageLost() : abortCause(tx, e);
    }
    await tx.done.catch((e: unknown) => {
      throw source.lost() ? storageLost() : e;
    });
    return result;
  };
  return {
    name,
    read: (fn) => run('readonly', fn),
    write: (fn) => run('readwrite', fn),
    close: () => source.close(),
  };
}

function wrapTx(tx: VaultTx): StoreTx {
  return {
    get: (s, key) => tx.objectStore(s).get(key),
    put: async (s, value) => {
      await tx.objectStore(s).put(value);
    },
    delete: async (s, key) => {
      await tx.objectStore(s).delete(key);
    },
    getAll: (s, options) => {
      const range = options?.after === undefined ? undefined : IDBKeyRange.lowerBound(options.after, true);
      return tx.objectStore(s).getAll(range, options?.count);
    },
    count: (s) => tx.objectStore(s).count(),
    versionsOf: (key) => tx.objectStore('versions').index('byCertificate').getAll(key),
    keysOf: (key) => tx.objectStore('keys').index('byCertificate').getAll(key),
    lifetimeLogOf: (key) => tx.objectStore('lifetimeLog').index('byCertificate').getAll(key),
    // Local CAs: the byCa index of schema v5 (its keys sort by serial within a CA).
    issuedBy: (caKey) => tx.objectStore('issued').index('byCa').getAll(caKey),
    // Lifetime actions: the byNextDue index of schema v3.
    certificatesDueBy: (ms, fromMs) =>
      fromMs !== undefined && fromMs > ms
        ? Promise.resolve([])
        : tx
            .objectStore('certificates')
            .index('byNextDue')
            .getAll(fromMs === undefined ? IDBKeyRange.upperBound(ms) : IDBKeyRange.bound(fromMs, ms)),
    countScheduledCertificates: () => tx.objectStore('certificates').index('byNextDue').count(),
  };
}

/** Names of the vaults in this origin (indexedDB.databases(): Chromium, workers, fake-indexeddb). */
export async function listVaultDatabases(): Promise<string[]> {
  const dbs = await indexedDB.databases();
  return dbs
    .map((d) => d.name)
    .filter((n): n is string => typeof n === 'string' && n.startsWith(DB_PREFIX))
    .map((n) => n.slice(DB_PREFIX.length))
    .sort();
}

/** Deletes a vault's database (tests, and "delete vault" in settings). */
export async function deleteVaultDatabase(name: string): Promise<void> {
  await deleteDB(vaultDbName(name));
}
