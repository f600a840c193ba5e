import { expect, test, type Page } from '@playwright/test';
import { openVaultHarness } from './harness/module-harness';

// Storage the browser may take away (ARCHITECTURE §9 "Storage"): the notice while persistence is
// off, and a vault deleted under an open tab. A full quota is tested over fake-indexeddb
// (tests/unit/vault/sync/storage-full.test.ts): CDP Storage.overrideQuotaForOrigin answers but
// changes neither estimate()'s quota nor the writes, in an off-the-record or a persistent profile.

/** navigator.storage as a browser that keeps the site "best effort" (or grants on request) would answer. */
async function stubPersistence(page: Page, answer: { persisted: boolean; grant: boolean }): Promise<void> {
  await page.addInitScript((a) => {
    let persisted = a.persisted;
    const storage = navigator.storage;
    Object.defineProperty(storage, 'persisted', { value: () => Promise.resolve(persisted) });
    Object.defineProperty(storage, 'persist', {
      value: () => {
        persisted = persisted || a.grant;
        return Promise.resolve(persisted);
      },
    });
  }, answer);
}

test('persistence off: a notice says what can happen, Keep my data asks, Settings says it too', async ({ page }) => {
  await stubPersistence(page, { persisted: false, grant: false });
  await page.goto('/#/certificates');
  const notice = page.getByRole('complementary', { name: 'Storage is not persistent.' });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('may delete this site’s data, every key and certificate in it');
  await notice.getByRole('button', { name: 'Keep my data' }).click();
  await expect(notice.getByRole('status')).toContainText('The browser declined for now');
  await page.screenshot({ path: 'test-results/persistence-notice.png' });

  await page.goto('/#/settings');
  await expect(page.getByTestId('storage-persistence')).toContainText('Best effort');
  await expect(page.getByRole('main').getByRole('button', { name: 'Keep my data' })).toBeVisible();
  await expect(page.getByTestId('storage-usage')).toContainText('this browser allows the site');
  await page.getByRole('main').screenshot({ path: 'test-results/persistence-settings.png' });

  // "Not now" hides the notice in this browser, across reloads.
  await notice.getByRole('button', { name: 'Not now' }).click();
  await expect(notice).toBeHidden();
  await page.reload();
  await expect(page.getByTestId('storage-persistence')).toContainText('Best effort');
  await expect(notice).toBeHidden();
});

test('persistence granted on request: the notice goes away; never shown when already persistent', async ({
  page,
  context,
}) => {
  await stubPersistence(page, { persisted: false, grant: true });
  await page.goto('/#/certificates');
  // The app asks once at start; a browser that grants then shows no notice at all.
  await expect(page.getByTestId('persistence-notice')).toBeHidden();
  const other = await context.newPage();
  await stubPersistence(other, { persisted: true, grant: true });
  await other.goto('/#/settings');
  await expect(other.getByTestId('storage-persistence')).toContainText('Persistent');
  await expect(other.getByTestId('persistence-notice')).toBeHidden();
});

test('a vault deleted under an open tab: StorageLost, and no empty vault made in its place', async ({ context }) => {
  const vault = `lost${Date.now().toString(36)}`;
  const [a, b] = [await context.newPage(), await context.newPage()];
  await openVaultHarness(a);
  await openVaultHarness(b);
  await a.evaluate(async (vault) => {
    await window.vaultPage.holdVault(vault);
    await window.vaultPage.heldVault(vault).createCertificate('kept', { subject: 'CN=kept', keyType: 'EC' });
  }, vault);
  // Another tab (or "Clear site data") deletes the database.
  await b.evaluate(
    (db) =>
      new Promise<void>((resolve, reject) => {
        const r = indexedDB.deleteDatabase(db);
        r.onsuccess = () => resolve();
        r.onerror = () => reject(new Error(String(r.error)));
      }),
    `certkeep-vault:${vault}`,
  );
  const errors = await a.evaluate(async (vault) => {
    const v = window.vaultPage.heldVault(vault);
    return [
      await window.vaultPage.errorOf(v.getCertificate('kept')),
      await window.vaultPage.errorOf(v.createCertificate('new', { subject: 'CN=new', keyType: 'EC' })),
    ];
  }, vault);
  for (const e of errors) expect(e).toMatchObject({ name: 'VaultError', code: 'StorageLost' });
  expect(errors[0]?.message).toContain('Reload the page');
  const names = await a.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
  expect(names).not.toContain(`certkeep-vault:${vault}`);
});
