/**
 * What the lifetime e2e tests read from the page: versions through the vault harness, the
 * notifications the worker showed, when it last finished a run; and the permissions a
 * persistent profile needs for notifications and periodic sync.
 */
import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import { BASE_URL } from '../../playwright.config';

export async function versionCount(page: Page, name: string): Promise<number> {
  return page.evaluate(async (name) => {
    const { openVault } = (globalThis as unknown as { certkeepVault: typeof import('../../src/vault') }).certkeepVault;
    const vault = await openVault({ name: 'default' });
    try {
      let n = 0;
      for await (const version of vault.listPropertiesOfCertificateVersions(name)) n += version.version ? 1 : 0;
      return n;
    } finally {
      vault.close();
    }
  }, name);
}

/** Tags and titles of the notifications the service worker registration shows, sorted by tag. */
export async function shownNotifications(page: Page): Promise<{ tag: string; title: string; body: string }[]> {
  return page.evaluate(async () => {
    const reg = await navigator.serviceWorker.ready;
    const list = await reg.getNotifications();
    return list.map((n) => ({ tag: n.tag, title: n.title, body: n.body })).sort((a, b) => a.tag.localeCompare(b.tag));
  });
}

/** When the worker last finished a run for the vault (from the notification log's runs store). */
export async function lastRunAt(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('certkeep-notifications');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error ?? new Error('the notification log did not open'));
    });
    try {
      if (!db.objectStoreNames.contains('runs')) return 0;
      const runs = await new Promise<{ vaultName: string; at: Date }[]>((resolve) => {
        const q = db.transaction('runs').objectStore('runs').getAll();
        q.onsuccess = () => resolve(q.result);
      });
      return runs.find((r) => r.vaultName === 'default')?.at.getTime() ?? 0;
    } finally {
      db.close();
    }
  });
}

export async function grantAll(context: BrowserContext, page: Page): Promise<CDPSession> {
  await context.grantPermissions(['notifications'], { origin: BASE_URL });
  const cdp = await context.newCDPSession(page);
  // Chromium grants periodic sync only to installed apps with engagement; CDP stands in for that.
  await cdp.send('Browser.setPermission', {
    permission: { name: 'periodic-background-sync' },
    setting: 'granted',
    origin: BASE_URL,
  });
  return cdp;
}
