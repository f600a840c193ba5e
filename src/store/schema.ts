/**
 * The vault database: one DBSchema and its upgrade ladder. Each `if (oldVersion < N)` step
 * moves a database from N-1 to N and is never edited once shipped; a new change is a new step
 * (tests/unit/store/upgrade.test.ts opens a database at every older version with data in it).
 */
import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import { STORE_NAMES, type StoreKey, type StoreName, type StoreValue } from '../vault/vault-store';

export const DB_VERSION = 6;
/** Every vault is its own database; listVaults() finds them by this prefix. */
export const DB_PREFIX = 'certkeep-vault:';

/**
 * The indexes, declared once: store → index name → the record field it indexes (its key path).
 * The upgrade ladder creates them as each step shipped; idb checks every index name the ladder
 * and idb-vault-store.ts use against this, and the key type comes from the record field.
 */
interface VaultIndexes {
  /** v3: runLifetimeActions reads only the due rows */
  certificates: { byNextDue: 'nextDueMs' };
  versions: { byCertificate: 'certificateKey' };
  keys: { byCertificate: 'certificateKey' };
  /** v2 */
  lifetimeLog: { byCertificate: 'certificateKey' };
  /** v5: a CA's issued-certificates log */
  issued: { byCa: 'caKey' };
}

/** What an index declaration may say: only stores of the map, only fields of their records. */
type IndexDeclaration = { readonly [S in StoreName]?: Readonly<Record<string, keyof StoreValue<S>>> };

/** Index name → the type of the field it indexes, as idb's DBSchema wants it. */
type IndexKeys<S extends StoreName, D extends Readonly<Record<string, keyof StoreValue<S>>>> = {
  [N in keyof D]: NonNullable<StoreValue<S>[D[N]]>;
};

/**
 * idb's DBSchema (`{ [store]: { key, value, indexes? } }`) derived from the vault's record map
 * (vault/vault-store.ts VaultStoreMap) and an index declaration.
 */
export type DbSchemaOf<I extends IndexDeclaration> = {
  [S in StoreName]: I[S] extends Readonly<Record<string, keyof StoreValue<S>>>
    ? { key: StoreKey<S>; value: StoreValue<S>; indexes: IndexKeys<S, I[S]> }
    : { key: StoreKey<S>; value: StoreValue<S> };
};

export type VaultDbSchema = DbSchemaOf<VaultIndexes>;

export type VaultDb = IDBPDatabase<VaultDbSchema>;

/**
 * The ladder; `oldVersion` 0 means a new database. Steps stop at `newVersion` so a test can
 * build a database exactly as an older release left it.
 */
export function upgradeVaultDb(
  db: IDBPDatabase<VaultDbSchema>,
  oldVersion: number,
  newVersion: number | null,
  tx: IDBPTransaction<VaultDbSchema, StoreNames<VaultDbSchema>[], 'versionchange'>,
): void {
  const target = newVersion ?? DB_VERSION;
  if (oldVersion < 1 && target >= 1) {
    db.createObjectStore('certificates', { keyPath: 'key' });
    const versions = db.createObjectStore('versions', { keyPath: ['certificateKey', 'version'] });
    versions.createIndex('byCertificate', 'certificateKey');
    const keys = db.createObjectStore('keys', { keyPath: 'id' });
    keys.createIndex('byCertificate', 'certificateKey');
    db.createObjectStore('operations', { keyPath: 'key' });
    db.createObjectStore('deleted', { keyPath: 'key' });
    db.createObjectStore('issuers', { keyPath: 'key' });
    db.createObjectStore('contacts', { keyPath: 'key' });
    db.createObjectStore('meta', { keyPath: 'key' });
  }
  if (oldVersion < 2 && target >= 2) {
    // v2: lifetime actions keep a log so a second run does not notify or renew twice.
    const log = db.createObjectStore('lifetimeLog', { keyPath: 'id' });
    log.createIndex('byCertificate', 'certificateKey');
  }
  if (oldVersion < 3 && target >= 3) {
    // v3: index the instant runLifetimeActions must next look at a certificate,
    // so a run reads only what is due. Rows written before v3 have no nextDueMs: mark them 0
    // ("look now"); the next run computes the real value and writes it back.
    const certificates = tx.objectStore('certificates');
    certificates.createIndex('byNextDue', 'nextDueMs');
    void certificates
      .openCursor()
      .then(async function mark(cursor): Promise<void> {
        if (!cursor) return;
        if (typeof cursor.value.nextDueMs !== 'number') await cursor.update({ ...cursor.value, nextDueMs: 0 });
        await cursor.continue().then(mark);
      })
      .catch(() => undefined); // rows left unmarked are still found: runLifetimeActions then reads every row once
  }
  if (oldVersion < 4 && target >= 4) {
    // v4: access control. Principals of a protected vault and the append-only audit log; the
    // protection header and the unlock throttle are meta rows. Existing rows need no change:
    // a vault stays unprotected until protect() seals its keys.
    db.createObjectStore('access', { keyPath: 'key' });
    db.createObjectStore('audit', { keyPath: 'seq' });
  }
  if (oldVersion < 5 && target >= 5) {
    // v5: local CAs keep the certificates they signed and their CRL number. New stores only:
    // no existing row changes, and a vault without CAs simply has them empty.
    const issued = db.createObjectStore('issued', { keyPath: ['caKey', 'serialNumber'] });
    issued.createIndex('byCa', 'caKey');
    db.createObjectStore('caStates', { keyPath: 'caKey' });
  }
  if (oldVersion < 6 && target >= 6) {
    // v6: trust anchors that chain validation ends at. A new store only: an older vault simply
    // trusts nothing yet, and its chains read "untrusted" until an anchor is added.
    db.createObjectStore('trustAnchors', { keyPath: 'sha256' });
  }
}

/** Every store: a transaction's scope (one scope, so a write never sees half of another). */
export const ALL_STORES: readonly StoreNames<VaultDbSchema>[] = STORE_NAMES;
