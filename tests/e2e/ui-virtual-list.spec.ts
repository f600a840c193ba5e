import { expect, test, type Page } from '@playwright/test';
import { builtVaultChunk } from '../support/built-vault-chunk';
import { selfSignedPem } from '../support/openssl';

const COUNT = 400;

/** One EC key + self-signed certificate as a PEM bundle, made by openssl. */
function makePem(): string {
  const { keyPem, certPem } = selfSignedPem({ key: 'ec', subj: '/CN=fleet.contoso.com', days: 365 });
  return keyPem + certPem;
}

/** Imports the PEM under COUNT names through the built vault chunk (its exports keep their names). */
async function fill(page: Page): Promise<void> {
  const chunk = builtVaultChunk();
  await page.goto('/#/settings');
  await page.evaluate(
    async ({ url, pem, count }) => {
      const m = (await import(/* @vite-ignore */ url)) as typeof import('../../src/vault/index');
      const vault = await m.openVault({ name: 'default' });
      const bytes = new TextEncoder().encode(pem);
      for (let i = 0; i < count; i += 25) {
        await Promise.all(
          Array.from({ length: Math.min(25, count - i) }, (_, j) =>
            vault.importCertificate(`fleet-${String(i + j).padStart(4, '0')}`, bytes, {
              tags: { rack: `r${(i + j) % 7}` },
            }),
          ),
        );
      }
      vault.close();
    },
    { url: chunk, pem: makePem(), count: COUNT },
  );
}

/** The body rows in the DOM (spacers are aria-hidden, so not rows). */
const bodyRows = (page: Page) => page.getByRole('table').locator('tbody tr[data-row]');
const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '');

test('400 certificates: a virtualised table that scrolls, searches, sorts and moves by keyboard', async ({ page }) => {
  test.setTimeout(180_000);
  await fill(page);
  await page.goto('/');
  const table = page.getByRole('table');
  await expect(table).toHaveAttribute('aria-rowcount', String(COUNT + 1));
  await expect(page.getByRole('status').filter({ hasText: 'certificates' })).toHaveText(`${COUNT} certificates`);
  // Only a window of rows is in the DOM, each saying where it stands among all of them.
  const rendered = await bodyRows(page).count();
  expect(rendered).toBeGreaterThan(5);
  expect(rendered).toBeLessThan(60);
  await expect(bodyRows(page).first()).toHaveAttribute('aria-rowindex', '2');
  await page.screenshot({ path: 'reports/ui-virtual-list.png', fullPage: true });

  // The mouse wheel scrolls the table, and rows further down replace the first ones.
  await page.getByRole('button', { name: 'Name' }).click();
  await expect(bodyRows(page).first()).toContainText('fleet-0000');
  const box = await page.getByRole('region', { name: 'Certificates table' }).boundingBox();
  if (!box) throw new Error('the table has no box');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; i < 10; i++) await page.mouse.wheel(0, 400);
  await expect(bodyRows(page).first()).not.toHaveAttribute('aria-rowindex', '2');
  await expect(table.getByRole('link', { name: 'fleet-0000' })).toHaveCount(0);
  const firstShown = Number(await bodyRows(page).first().getAttribute('aria-rowindex'));
  expect(firstShown).toBeGreaterThan(50);
  await expect(table.getByRole('link', { name: `fleet-${String(firstShown - 2).padStart(4, '0')}` })).toHaveCount(1);

  // Keyboard: from a row, End goes to the last certificate (scrolled in), Home back to the first.
  await page.getByRole('button', { name: 'Name' }).click(); // descending now: a new sort starts at the top
  await expect(page.getByRole('columnheader', { name: 'Name' })).toHaveAttribute('aria-sort', 'descending');
  await table.getByRole('link', { name: 'fleet-0399' }).focus();
  await page.keyboard.press('ArrowDown');
  expect(await focusedText(page)).toBe('fleet-0398');
  await page.keyboard.press('End');
  expect(await focusedText(page)).toBe('fleet-0000');
  await expect(bodyRows(page).last()).toHaveAttribute('aria-rowindex', String(COUNT + 1));
  await page.keyboard.press('ArrowUp');
  expect(await focusedText(page)).toBe('fleet-0001');
  await page.keyboard.press('PageUp');
  const afterPageUp = await focusedText(page);
  expect(Number(afterPageUp.slice(6))).toBeGreaterThan(3);
  await page.keyboard.press('Home');
  expect(await focusedText(page)).toBe('fleet-0399');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'fleet-0399' })).toBeVisible();
  await page.goBack();

  // A focused row scrolled away by the wheel leaves focus in the table, not on the page body.
  await table.getByRole('link').first().focus();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; i < 10; i++) await page.mouse.wheel(0, 600);
  await expect(bodyRows(page).first()).not.toHaveAttribute('aria-rowindex', '2');
  expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Certificates table');
  // … and an arrow key from there goes to the first row in view.
  await page.keyboard.press('ArrowDown');
  expect(await focusedText(page)).toMatch(/^fleet-\d{4}$/);

  // Search by name and by tag; the count says how many of all match.
  await page.getByLabel('Search').fill('fleet-0123');
  await expect(bodyRows(page)).toHaveCount(1);
  await expect(page.getByRole('status').filter({ hasText: 'certificates' })).toHaveText(`1 of ${COUNT} certificates`);
  await page.getByLabel('Search').fill('rack=r3');
  await expect(page.getByRole('status').filter({ hasText: 'certificates' })).toHaveText(
    `${Math.ceil((COUNT - 3) / 7)} of ${COUNT} certificates`,
  );
  await page.getByLabel('Search').fill('');
  await expect(table).toHaveAttribute('aria-rowcount', String(COUNT + 1));
  await expect(page.getByTestId('timeline-summary')).toContainText(`${COUNT} certificates: 0 expired`);
});
