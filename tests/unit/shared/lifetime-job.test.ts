import { deleteDB } from 'idb';
import { beforeEach, expect, test } from 'vitest';
import { runLifetimeJob, withLifetimeLock } from '../../../src/shared/lifetime-job';
import {
  NOTIFICATION_LOG_DB,
  readLifetimeRuns,
  readNotificationLog,
  readUnseenNotices,
} from '../../../src/shared/notification-log';
import { fakeAccess, fakeSurface, lifetimeEvent, NOW } from './fakes';

beforeEach(() => deleteDB(NOTIFICATION_LOG_DB));

const now = () => NOW;

function twoDue() {
  const self = { issuerName: 'Self', action: 'AutoRenew' } as const;
  return fakeAccess({
    default: {
      events: [
        lifetimeEvent({ certificateName: 'web', ...self }),
        lifetimeEvent({ certificateName: 'web', kind: 'renewed', newX509ThumbprintString: 'ab'.repeat(20), ...self }),
      ],
    },
    mail: {
      events: [lifetimeEvent({ vaultName: 'mail', certificateName: 'smtp', contacts: [{ email: 'ops@contoso.com' }] })],
    },
  });
}

test('granted: one notification per notice, tagged per certificate and kind, all logged as shown', async () => {
  const surface = fakeSurface();
  const result = await runLifetimeJob({
    access: twoDue().access,
    surface,
    permission: 'granted',
    now,
    maxActions: 2,
    ranIn: 'service-worker',
  });
  expect(result.shown).toBe(3);
  expect(surface.shown.map((s) => [s.title, s.options.tag])).toEqual([
    ["'web' expires in 12 days, on 2027-03-03", 'default/web/notify'],
    ["'web' renewed", 'default/web/renewed'],
    ["Time to renew 'smtp'", 'mail/smtp/notify'],
  ]);
  expect(surface.shown[2].options.body).toMatch(/Contacts: ops@contoso\.com\./);
  const log = await readNotificationLog();
  // newest first; same time → last written first
  expect(log.map((e) => [e.tag, e.shown])).toEqual([
    ['mail/smtp/notify', true],
    ['default/web/renewed', true],
    ['default/web/notify', true],
  ]);
  expect(await readUnseenNotices()).toEqual([]);
  expect((await readLifetimeRuns()).map((r) => [r.vaultName, r.events])).toEqual([
    ['default', 2],
    ['mail', 1],
  ]);
});

test('a second run raises nothing new (the vault reports each due action once)', async () => {
  const { access } = twoDue();
  const surface = fakeSurface();
  await runLifetimeJob({ access, surface, permission: 'granted', now, ranIn: 'service-worker' });
  const again = await runLifetimeJob({ access, surface, permission: 'granted', now, ranIn: 'service-worker' });
  expect(again.notices).toEqual([]);
  expect(surface.shown).toHaveLength(3);
  expect(await readNotificationLog()).toHaveLength(3);
});

test.each([
  { permission: 'denied' as const, reason: 'permission' },
  { permission: 'default' as const, reason: 'permission' },
  { permission: 'unsupported' as const, reason: 'unsupported' },
])('$permission: nothing shown, every notice logged as unseen ($reason)', async ({ permission, reason }) => {
  const surface = fakeSurface();
  const result = await runLifetimeJob({ access: twoDue().access, surface, permission, now, ranIn: 'page' });
  expect(result.shown).toBe(0);
  expect(result.notices).toHaveLength(3);
  expect(surface.shown).toEqual([]);
  const unseen = await readUnseenNotices();
  expect(unseen.map((e) => e.notShownReason)).toEqual([reason, reason, reason]);
  expect(unseen.map((e) => e.title).sort()).toEqual([
    "'web' expires in 12 days, on 2027-03-03",
    "'web' renewed",
    "Time to renew 'smtp'",
  ]);
});

test('showNotification failing (permission revoked meanwhile) is logged as unseen, not thrown', async () => {
  const result = await runLifetimeJob({
    access: twoDue().access,
    surface: fakeSurface(true),
    permission: 'granted',
    now,
    ranIn: 'service-worker',
  });
  expect(result.shown).toBe(0);
  expect((await readUnseenNotices()).map((e) => e.notShownReason)).toEqual(['error', 'error', 'error']);
});

test('a failing vault is reported and recorded; the others still notify', async () => {
  const { access } = fakeAccess({
    broken: { openError: new Error('cannot open') },
    ok: { events: [lifetimeEvent({ vaultName: 'ok' })] },
  });
  const surface = fakeSurface();
  const result = await runLifetimeJob({ access, surface, permission: 'granted', now, ranIn: 'service-worker' });
  expect(result.failures).toEqual([{ vaultName: 'broken', message: 'cannot open' }]);
  expect(surface.shown.map((s) => s.options.tag)).toEqual(['ok/web/notify']);
  const runs = await readLifetimeRuns();
  expect(runs.find((r) => r.vaultName === 'broken')).toMatchObject({ events: 0, error: 'cannot open' });
});

test('runs never overlap: a renewal started under the lock finishes before checks start', async () => {
  const order: string[] = [];
  let release!: () => void;
  const held = withLifetimeLock(async () => {
    order.push('renew:start');
    await new Promise<void>((r) => (release = r));
    order.push('renew:end');
  });
  const job = runLifetimeJob({
    access: {
      listVaults: () => {
        order.push('checks:start');
        return Promise.resolve([]);
      },
      openVault: () => Promise.reject(new Error('unused')),
    },
    permission: 'granted',
    now,
    ranIn: 'page',
  });
  await new Promise((r) => setTimeout(r, 20));
  expect(order).toEqual(['renew:start']);
  release();
  await Promise.all([held, job]);
  expect(order).toEqual(['renew:start', 'renew:end', 'checks:start']);
});
