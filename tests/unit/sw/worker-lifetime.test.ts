/**
 * The wiring sw.ts forwards to: real vault (fake-indexeddb), a fake registration and clients,
 * and the Notification statics a service worker scope has.
 */
import { deleteDB } from 'idb';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { collect } from '../vault/vault-fixture';
import { listVaults, openVault } from '../../../src/vault';
import { deleteVaultDatabase } from '../../../src/store/idb-vault-store';
import { NOTIFICATION_LOG_DB, readNotificationLog } from '../../../src/shared/notification-log';
import {
  answerLifetimeRequest,
  onLifetimeNotificationClick,
  runLifetimeActionsInWorker,
  type WorkerScope,
} from '../../../src/sw/worker-lifetime';
import type { LifetimeActionsResult } from '../../../src/shared/lifetime-messages';
import { fakeSurface } from '../shared/fakes';

const ORIGIN = 'http://localhost:4188';

function scope() {
  const registration = fakeSurface();
  const opened: string[] = [];
  const s: WorkerScope = {
    registration,
    origin: ORIGIN,
    clients: {
      matchAll: () => Promise.resolve([]),
      openWindow: (url) => {
        opened.push(url);
        return Promise.resolve(null);
      },
    },
  };
  return { s, registration, opened };
}

beforeEach(async () => {
  for (const name of await listVaults()) await deleteVaultDatabase(name);
  await deleteDB(NOTIFICATION_LOG_DB);
  // A service worker scope exposes these statics; Node has no Notification at all.
  (globalThis as { Notification?: unknown }).Notification = { permission: 'granted', maxActions: 2 };
});

afterEach(() => {
  delete (globalThis as { Notification?: unknown }).Notification;
});

test('RUN_LIFETIME_ACTIONS is always answered on the port, with the run from the worker', async () => {
  const { s } = scope();
  const posted: LifetimeActionsResult[] = [];
  await answerLifetimeRequest(s, { postMessage: (m) => void posted.push(m) });
  expect(posted).toEqual([
    { type: 'LIFETIME_ACTIONS_RESULT', notices: [], shown: 0, failures: [], ranIn: 'service-worker' },
  ]);
  // no port (a plain postMessage): the run still happens, nothing to answer
  await expect(answerLifetimeRequest(s, undefined)).resolves.toBeUndefined();
});

test('"Renew now" on a notification renews in the worker and shows the outcome in the renewed slot', async () => {
  const vault = await openVault({ name: 'default' });
  await vault.createCertificate('web', { issuerName: 'Self', keyType: 'EC', subject: 'CN=web' });
  vault.close();
  const { s, registration, opened } = scope();
  const data = { vault: 'default', certificate: 'web', kind: 'notify', url: '/#/certificate/web', issuerName: 'Self' };
  expect(await onLifetimeNotificationClick(s, 'renew-now', data)).toBe('renewed');
  expect(registration.shown.map((n) => [n.title, n.options.tag])).toEqual([["'web' renewed", 'default/web/renewed']]);
  expect(opened).toEqual([]);
  expect((await readNotificationLog()).map((e) => [e.title, e.shown])).toEqual([["'web' renewed", true]]);
  const again = await openVault({ name: 'default' });
  const versions = await collect(again.listPropertiesOfCertificateVersions('web'));
  again.close();
  expect(versions).toHaveLength(2);
});

test('a click on the body opens the certificate page when no window is open', async () => {
  const { s, opened } = scope();
  const data = { vault: 'default', certificate: 'web', kind: 'notify', url: '/#/certificate/web' };
  expect(await onLifetimeNotificationClick(s, '', data)).toBe('opened');
  expect(opened).toEqual([`${ORIGIN}/#/certificate/web`]);
});

test('a run with notices tells every open window (a periodic sync may have renewed what it shows)', async () => {
  const vault = await openVault({ name: 'default', now: () => new Date(Date.now() - 20 * 86_400_000) });
  await vault.createCertificate('web', {
    issuerName: 'Self',
    keyType: 'EC',
    subject: 'CN=web',
    validityInMonths: 1,
    lifetimeActions: [{ action: 'AutoRenew', daysBeforeExpiry: 27 }],
  });
  vault.close();
  const { s } = scope();
  const told: unknown[] = [];
  s.clients.matchAll = () =>
    Promise.resolve([
      {
        url: `${ORIGIN}/`,
        focus: () => Promise.resolve(),
        navigate: () => Promise.resolve(),
        postMessage: (m) => void told.push(m),
      },
    ]);
  const result = await runLifetimeActionsInWorker(s);
  expect(result.notices.map((n) => n.kind)).toEqual(['renewed']);
  expect(told).toEqual([result]);
  // nothing due on the next run: nobody is bothered
  await runLifetimeActionsInWorker(s);
  expect(told).toHaveLength(1);
});
