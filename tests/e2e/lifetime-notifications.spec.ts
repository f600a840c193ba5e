import { expect, test, type CDPSession, type Page } from '@playwright/test';
import { BASE_URL } from '../../playwright.config';
import { launchPersistent, waitForServiceWorker } from './persistent-context';
import { installVaultHarness } from './lifetime-harness';
import { grantAll, lastRunAt, shownNotifications, versionCount } from './lifetime-probes';

const DAY_MS = 86_400_000;
const SYNC_TAG = 'lifetime-actions';

/**
 * Certificates whose lifetime action is already due: made with the vault's clock 20 days in
 * the past, valid one month, action 27 days before expiry (the most Key Vault allows for one
 * month) → due 17 days ago, expiring in about ten days. Beside them a control that is not due
 * (the default policy: 12 months, action at 80 %), named `<first name>-fresh`.
 */
async function createDueCertificates(
  page: Page,
  specs: [
    { name: string; action: 'AutoRenew' | 'EmailContacts' },
    ...{ name: string; action: 'AutoRenew' | 'EmailContacts' }[],
  ],
  contacts?: { email: string; name?: string }[],
): Promise<string> {
  await installVaultHarness(page);
  await page.evaluate(
    async ({ specs, contacts, past }) => {
      const { openVault } = (globalThis as unknown as { certkeepVault: typeof import('../../src/vault') })
        .certkeepVault;
      const vault = await openVault({ name: 'default', now: () => new Date(past) });
      try {
        if (contacts) await vault.setContacts(contacts);
        for (const s of specs) {
          await vault.createCertificate(s.name, {
            issuerName: 'Self',
            subject: `CN=${s.name}.contoso.com`,
            validityInMonths: 1,
            lifetimeActions: [{ action: s.action, daysBeforeExpiry: 27 }],
          });
        }
        await vault.createCertificate(`${specs[0].name}-fresh`, { issuerName: 'Self', subject: 'CN=fresh' });
      } finally {
        vault.close();
      }
    },
    { specs, contacts, past: Date.now() - 20 * DAY_MS },
  );
  return `${specs[0].name}-fresh`;
}

async function logCount(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('certkeep-notifications');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => {
        reject(r.error ?? new Error('cannot open the notification log'));
      };
    });
    try {
      return await new Promise<number>((resolve) => {
        const q = db.transaction('entries').objectStore('entries').count();
        q.onsuccess = () => resolve(q.result);
      });
    } finally {
      db.close();
    }
  });
}

/** The service worker's registration id, as CDP's ServiceWorker domain reports it. */
async function registrationId(cdp: CDPSession): Promise<string> {
  const found = new Promise<string>((resolve) => {
    cdp.on('ServiceWorker.workerRegistrationUpdated', (e) => {
      const reg = e.registrations.find((r) => r.scopeURL === `${BASE_URL}/` && !r.isDeleted);
      if (reg) resolve(reg.registrationId);
    });
  });
  await cdp.send('ServiceWorker.enable');
  return found;
}

/** Fires periodic sync as Chromium would, then waits until the worker has finished the run. */
async function firePeriodicSync(page: Page, cdp: CDPSession, id: string): Promise<void> {
  const before = await lastRunAt(page);
  await cdp.send('ServiceWorker.dispatchPeriodicSyncEvent', { origin: BASE_URL, registrationId: id, tag: SYNC_TAG });
  await expect.poll(() => lastRunAt(page), { timeout: 30_000 }).toBeGreaterThan(before);
}

test('periodic sync raises expiry and renewal notifications once, renews, and works offline', async () => {
  const { context, close } = await launchPersistent();
  try {
    const page = await context.newPage();
    await page.goto('/');
    await waitForServiceWorker(page);
    const cdp = await grantAll(context, page);

    // The app registers the daily check itself once the browser allows it; Settings says so.
    await page.goto('/#/settings');
    await page.reload();
    await expect(page.getByTestId('periodic-sync')).toHaveText(/Registered/);
    expect(
      await page.evaluate(async () =>
        (
          (await navigator.serviceWorker.ready) as unknown as { periodicSync: { getTags(): Promise<string[]> } }
        ).periodicSync.getTags(),
      ),
    ).toEqual([SYNC_TAG]);

    const control = await createDueCertificates(
      page,
      [
        { name: 'web', action: 'AutoRenew' },
        { name: 'mail', action: 'EmailContacts' },
      ],
      [{ email: 'ops@contoso.com', name: 'Ops' }],
    );
    expect(await versionCount(page, 'web')).toBe(1);
    expect(await versionCount(page, control)).toBe(1);
    const id = await registrationId(cdp);

    await firePeriodicSync(page, cdp, id);
    const first = await shownNotifications(page);
    expect(first.map((n) => n.tag)).toEqual(expect.arrayContaining(['default/mail/notify', 'default/web/renewed']));
    expect(first.every((n) => /^default\/(web|mail)\//.test(n.tag))).toBe(true);
    const mail = first.find((n) => n.tag === 'default/mail/notify');
    expect(mail?.title).toBe("Time to renew 'mail'");
    expect(mail?.body).toMatch(/'mail' expires in \d+ days, on \d{4}-\d\d-\d\d \(vault default\)\./);
    expect(mail?.body).toContain('Contacts: Ops <ops@contoso.com>.');
    expect(first.find((n) => n.tag === 'default/web/renewed')?.title).toBe("'web' renewed");
    // AutoRenew made a new version with the same policy; the control, not due, was left alone.
    expect(await versionCount(page, 'web')).toBe(2);
    expect(await versionCount(page, control)).toBe(1);
    expect(first.filter((n) => n.tag.startsWith(`default/${control}/`))).toEqual([]);
    const logged = await logCount(page);
    expect(logged).toBe(first.length);

    // Again: nothing new is due, nothing new is shown or logged, no third version.
    await firePeriodicSync(page, cdp, id);
    expect(await shownNotifications(page)).toEqual(first);
    expect(await logCount(page)).toBe(logged);
    expect(await versionCount(page, 'web')).toBe(2);

    // Offline: the checks need no network. Chromium does not fire (periodic) sync events while
    // offline (a dispatch here never ran in 30 s: sync waits for connectivity by design), so the
    // offline path is the app's own start-up check: the app starts from the precache and asks
    // the worker to run the checks.
    await context.setOffline(true);
    const offlineControl = await createDueCertificates(page, [{ name: 'offline-web', action: 'AutoRenew' }]);
    const before = await lastRunAt(page);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect.poll(() => lastRunAt(page), { timeout: 30_000 }).toBeGreaterThan(before);
    const offline = await shownNotifications(page);
    expect(offline.map((n) => n.tag)).toContain('default/offline-web/renewed');
    expect(offline.filter((n) => n.tag.startsWith('default/offline-web/'))).toHaveLength(1);
    expect(offline.filter((n) => n.tag.startsWith(`default/${offlineControl}/`))).toEqual([]);
    await installVaultHarness(page);
    expect(await versionCount(page, 'offline-web')).toBe(2);
    expect(await versionCount(page, offlineControl)).toBe(1);
  } finally {
    await close();
  }
});

test('without notification permission the app lists what is due when it opens', async () => {
  const { context, close } = await launchPersistent();
  try {
    const page = await context.newPage();
    await page.goto('/');
    await waitForServiceWorker(page);
    expect(await page.evaluate(() => Notification.permission)).not.toBe('granted');
    await createDueCertificates(page, [{ name: 'mail', action: 'EmailContacts' }], [{ email: 'ops@contoso.com' }]);

    // Opening the app asks the worker to run the checks; nothing can be shown, so the banner lists it.
    await page.reload();
    const banner = page.getByRole('region', { name: 'Certificates due' });
    await expect(banner).toContainText("Time to renew 'mail'");
    await expect(banner).toContainText('ops@contoso.com');
    expect(await shownNotifications(page)).toEqual([]);

    await banner.getByRole('button', { name: 'Dismiss' }).click();
    await expect(banner).toBeHidden();
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Certificates due' })).toBeHidden();

    // Settings keeps the log: the notice was raised, not shown for lack of permission.
    await page.goto('/#/settings');
    const log = page.getByTestId('notification-log');
    await expect(log.getByRole('row', { name: /Time to renew 'mail'/ })).toContainText('no (no permission)');
    await page.getByRole('button', { name: 'Check now' }).click();
    await expect(page.getByTestId('check-result')).toHaveText('0 notices, 0 shown');

    // The certificate page offers a mailto: to every contact, prefilled; the app sends nothing.
    await page.goto('/#/certificate/mail');
    const email = page.getByRole('link', { name: 'Email contacts' });
    await expect(email).toHaveAttribute(
      'href',
      /^mailto:ops@contoso\.com\?subject=Certificate%20'mail'%20\(vault%20default\)%20expires%20on%20\d{4}-\d\d-\d\d&body=/,
    );
  } finally {
    await close();
  }
});

test('"Renew now" on a notification renews in the service worker', async () => {
  const { context, close } = await launchPersistent();
  try {
    const page = await context.newPage();
    await page.goto('/');
    await waitForServiceWorker(page);
    const cdp = await grantAll(context, page);
    await createDueCertificates(page, [{ name: 'mail', action: 'EmailContacts' }], [{ email: 'ops@contoso.com' }]);
    await firePeriodicSync(page, cdp, await registrationId(cdp));
    await expect.poll(async () => (await shownNotifications(page)).map((n) => n.tag)).toEqual(['default/mail/notify']);

    // No CDP command clicks an OS notification: dispatch the click inside the worker. A
    // synthetic event's waitUntil() throws (untrusted), but the listener has started the work.
    const [worker] = context.serviceWorkers();
    await worker.evaluate(async () => {
      const scope = self as unknown as { registration: ServiceWorkerRegistration; dispatchEvent(e: Event): boolean };
      const [notification] = await scope.registration.getNotifications({ tag: 'default/mail/notify' });
      const NotificationEventCtor = (
        self as unknown as { NotificationEvent: new (type: string, init: object) => Event }
      ).NotificationEvent;
      scope.dispatchEvent(new NotificationEventCtor('notificationclick', { notification, action: 'renew-now' }));
    });
    await expect.poll(async () => (await shownNotifications(page)).map((n) => n.tag)).toEqual(['default/mail/renewed']);
    expect((await shownNotifications(page))[0].title).toBe("'mail' renewed");
    expect(await versionCount(page, 'mail')).toBe(2);
  } finally {
    await close();
  }
});
