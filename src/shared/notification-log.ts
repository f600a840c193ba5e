/**
 * The notification log: every lifetime notice the vault raised, when, and whether the OS showed
 * it. The service worker writes it; the page reads it (Settings, the "due" banner). It is its
 * own IndexedDB database, apart from the vaults, so a vault can be deleted or restored without
 * losing the history of what people were told.
 *
 * Both sides use this one module (shared/), so they share one schema and ui/ needs no idb.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { LifetimeEventKind } from '../vault';

export const NOTIFICATION_LOG_DB = 'certkeep-notifications';
const NOTIFICATION_LOG_VERSION = 2;
/** Keep the newest entries only: a vault of 10 000 certificates must not grow the log without end. */
export const NOTIFICATION_LOG_LIMIT = 1000;

/** Why a notice was logged but not shown: the banner lists these when the app opens. */
export type NotShownReason = 'permission' | 'unsupported' | 'error';

export interface NotificationLogEntry {
  /** autoincrement key; absent before the entry is written */
  id?: number;
  /** when the notice was raised */
  at: Date;
  vaultName: string;
  certificateName: string;
  kind: LifetimeEventKind;
  title: string;
  body: string;
  /** the OS notification tag (one per certificate and kind) */
  tag: string;
  expiresOn: Date;
  /** the OS notification was shown */
  shown: boolean;
  notShownReason?: NotShownReason;
  /** a person dismissed it in the app's banner */
  acknowledged: boolean;
}

/** One run of the checks for one vault: Settings shows when the vault was last looked at. */
export interface LifetimeRunRecord {
  vaultName: string;
  at: Date;
  events: number;
  /** the failure, when opening or checking this vault failed */
  error?: string;
}

interface NotificationLogSchema extends DBSchema {
  entries: { key: number; value: NotificationLogEntry; indexes: { 'by-at': Date } };
  runs: { key: string; value: LifetimeRunRecord };
}

type LogDb = IDBPDatabase<NotificationLogSchema>;

/** Opens the log, upgrading it step by step (ARCHITECTURE §7: one `if (oldVersion < N)` per step). */
export function openNotificationLog(): Promise<LogDb> {
  return openDB<NotificationLogSchema>(NOTIFICATION_LOG_DB, NOTIFICATION_LOG_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        const entries = db.createObjectStore('entries', { keyPath: 'id', autoIncrement: true });
        entries.createIndex('by-at', 'at');
      }
      if (oldVersion < 2) {
        // v2: when each vault was last checked, so Settings can say "checked 5 minutes ago".
        db.createObjectStore('runs', { keyPath: 'vaultName' });
      }
    },
  });
}

async function withLog<T>(fn: (db: LogDb) => Promise<T>): Promise<T> {
  const db = await openNotificationLog();
  try {
    return await fn(db);
  } finally {
    db.close();
  }
}

/** Appends entries (in one transaction) and trims the log to NOTIFICATION_LOG_LIMIT; returns their ids. */
export function appendNotificationLog(entries: NotificationLogEntry[]): Promise<number[]> {
  if (entries.length === 0) return Promise.resolve([]);
  return withLog(async (db) => {
    const tx = db.transaction('entries', 'readwrite');
    const ids: number[] = [];
    for (const entry of entries) {
      // The store numbers entries itself (autoIncrement): a caller's id is not kept.
      const row = { ...entry };
      delete row.id;
      ids.push(await tx.store.add(row));
    }
    const count = await tx.store.count();
    if (count > NOTIFICATION_LOG_LIMIT) {
      let excess = count - NOTIFICATION_LOG_LIMIT;
      let cursor = await tx.store.index('by-at').openCursor();
      while (cursor && excess > 0) {
        await cursor.delete();
        excess -= 1;
        cursor = await cursor.continue();
      }
    }
    await tx.done;
    return ids;
  });
}

export interface ReadNotificationLogOptions {
  vaultName?: string;
  /** newest first; default 100 */
  limit?: number;
}

/** The log, newest first. */
export function readNotificationLog(options: ReadNotificationLogOptions = {}): Promise<NotificationLogEntry[]> {
  const limit = options.limit ?? 100;
  return withLog(async (db) => {
    const out: NotificationLogEntry[] = [];
    let cursor = await db.transaction('entries').store.index('by-at').openCursor(null, 'prev');
    while (cursor && out.length < limit) {
      if (!options.vaultName || cursor.value.vaultName === options.vaultName) out.push(cursor.value);
      cursor = await cursor.continue();
    }
    return out;
  });
}

/**
 * Notices nobody has seen yet: logged but not shown by the OS (no permission), and not
 * dismissed in the app. The banner lists these so nothing falling due is lost.
 */
export async function readUnseenNotices(): Promise<NotificationLogEntry[]> {
  const all = await readNotificationLog({ limit: NOTIFICATION_LOG_LIMIT });
  return all.filter((e) => !e.shown && !e.acknowledged);
}

/** Marks entries as seen in the app (the banner's Dismiss). */
export function acknowledgeNotices(ids: number[]): Promise<void> {
  return withLog(async (db) => {
    const tx = db.transaction('entries', 'readwrite');
    for (const id of ids) {
      const entry = await tx.store.get(id);
      if (entry) await tx.store.put({ ...entry, acknowledged: true });
    }
    await tx.done;
  });
}

/** Records when each vault was checked (one record per vault, replaced each run). */
export function recordLifetimeRuns(runs: LifetimeRunRecord[]): Promise<void> {
  if (runs.length === 0) return Promise.resolve();
  return withLog(async (db) => {
    const tx = db.transaction('runs', 'readwrite');
    for (const run of runs) await tx.store.put(run);
    await tx.done;
  });
}

/** The last run of the checks per vault. */
export function readLifetimeRuns(): Promise<LifetimeRunRecord[]> {
  return withLog((db) => db.getAll('runs'));
}
