/**
 * The vault database: one DBSchema and its upgrade ladder. Each `if (oldVersion < N)` step
 * moves a database from N-1 to N and is never edited once shipped; a new change is a new step
 * (tests/unit/store/upgrade.test.ts opens a database at every older version with data in it).
 */
import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type {
  CertificateRecord,
  ContactsRecord,
  DeletedRecord,
  IssuerRecord,
  KeyRecord,
  LifetimeLogRecord,
  MetaRecord,
  OperationRecord,
  VersionRecord,
} from '../vault/vault-store';

export const DB_VERSION = 3;
/** Every vault is its own database; listVaults() finds them by this prefix. */
export const DB_PREFIX = 'certkeep-vault:';

export interface VaultDbSchema extends DBSchema {
  /** v3: byNextDue (runLifetimeActions reads only the due rows) */
  certificates: { key: string; value: CertificateRecord; indexes: { byNextDue: number } };
  versions: { key: [string, string]; value: VersionRecord; indexes: { byCertificate: string } };
  keys: { key: string; value: KeyRecord; indexes: { byCertificate: string } };
  operations: { key: string; value: OperationRecord };
  deleted: { key: string; value: DeletedRecord };
  issuers: { key: string; value: IssuerRecord };
  contacts: { key: string; value: ContactsRecord };
  meta: { key: string; value: MetaRecord };
  /** v2 */
  lifetimeLog: { key: string; value: LifetimeLogRecord; indexes: { byCertificate: string } };
}

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
}

export const ALL_STORES = [
  'certificates',
  'versions',
  'keys',
  'operations',
  'deleted',
  'issuers',
  'contacts',
  'meta',
  'lifetimeLog',
] as const satisfies readonly StoreNames<VaultDbSchema>[];
