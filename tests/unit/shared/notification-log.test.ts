import { deleteDB, openDB } from 'idb';
import { beforeEach, expect, test } from 'vitest';
import {
  acknowledgeNotices,
  appendNotificationLog,
  NOTIFICATION_LOG_DB,
  NOTIFICATION_LOG_LIMIT,
  openNotificationLog,
  readLifetimeRuns,
  readNotificationLog,
  readUnseenNotices,
  recordLifetimeRuns,
  type NotificationLogEntry,
} from '../../../src/shared/notification-log';

beforeEach(() => deleteDB(NOTIFICATION_LOG_DB));

function entry(i: number, over: Partial<NotificationLogEntry> = {}): NotificationLogEntry {
  return {
    at: new Date(Date.UTC(2027, 1, 1, 0, 0, i)),
    vaultName: 'default',
    certificateName: `c${i}`,
    kind: 'notify',
    title: `t${i}`,
    body: 'b',
    tag: `default/c${i}/notify`,
    expiresOn: new Date('2027-03-03T00:00:00Z'),
    shown: true,
    acknowledged: false,
    ...over,
  };
}

test('v0 → v2: a new database gets both stores and the by-at index', async () => {
  const db = await openNotificationLog();
  expect([...db.objectStoreNames].sort()).toEqual(['entries', 'runs']);
  expect([...db.transaction('entries').store.indexNames]).toEqual(['by-at']);
  db.close();
});

test('v1 → v2: entries written by version 1 survive and the runs store appears', async () => {
  // Version 1 as it shipped: only the entries store.
  const v1 = await openDB(NOTIFICATION_LOG_DB, 1, {
    upgrade(db) {
      db.createObjectStore('entries', { keyPath: 'id', autoIncrement: true }).createIndex('by-at', 'at');
    },
  });
  await v1.add('entries', entry(1));
  v1.close();
  expect((await readNotificationLog()).map((e) => e.title)).toEqual(['t1']);
  await recordLifetimeRuns([{ vaultName: 'default', at: new Date('2027-02-01T00:00:00Z'), events: 1 }]);
  expect(await readLifetimeRuns()).toEqual([{ vaultName: 'default', at: new Date('2027-02-01T00:00:00Z'), events: 1 }]);
});

test('reads newest first, filters by vault, honours the limit', async () => {
  await appendNotificationLog([entry(1), entry(3, { vaultName: 'prod' }), entry(2)]);
  expect((await readNotificationLog()).map((e) => e.title)).toEqual(['t3', 't2', 't1']);
  expect((await readNotificationLog({ vaultName: 'default' })).map((e) => e.title)).toEqual(['t2', 't1']);
  expect((await readNotificationLog({ limit: 1 })).map((e) => e.title)).toEqual(['t3']);
});

test('unseen = not shown and not acknowledged; acknowledging removes them', async () => {
  const ids = await appendNotificationLog([
    entry(1, { shown: false, notShownReason: 'permission' }),
    entry(2, { shown: true }),
    entry(3, { shown: false, notShownReason: 'unsupported' }),
  ]);
  expect((await readUnseenNotices()).map((e) => e.title)).toEqual(['t3', 't1']);
  await acknowledgeNotices([ids[0]]);
  expect((await readUnseenNotices()).map((e) => e.title)).toEqual(['t3']);
});

test(`the log keeps the newest ${NOTIFICATION_LOG_LIMIT} entries`, async () => {
  const many = Array.from({ length: NOTIFICATION_LOG_LIMIT + 5 }, (_, i) => entry(i));
  await appendNotificationLog(many);
  const kept = await readNotificationLog({ limit: NOTIFICATION_LOG_LIMIT + 10 });
  expect(kept).toHaveLength(NOTIFICATION_LOG_LIMIT);
  expect(kept.at(-1)?.title).toBe('t5');
  expect(kept[0]?.title).toBe(`t${NOTIFICATION_LOG_LIMIT + 4}`);
});
