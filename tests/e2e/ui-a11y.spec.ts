import { expect, test, type Page } from '@playwright/test';
import { createThroughUi, expectNoSeriousA11yViolations, hasHorizontalScroll } from './ui-helpers';

/** A vault with something on every screen: a certificate, a pending request, a deleted one, an issuer, a contact. */
async function fillVault(page: Page): Promise<void> {
  await createThroughUi(page, 'web', 'CN=www.contoso.com, O=Contoso');
  await createThroughUi(page, 'csr', 'CN=csr.contoso.com', { issuer: 'Unknown' });
  await createThroughUi(page, 'old', 'CN=old.contoso.com');
  await page.getByRole('button', { name: 'Delete this certificate' }).click();
  await page.getByRole('dialog', { name: 'Delete old?' }).getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Certificates' })).toBeVisible();
  await page.goto('/#/contacts');
  await page.getByRole('button', { name: 'Add a contact' }).click();
  await page.getByLabel('Email').fill('pki@contoso.com');
  await page.getByRole('button', { name: 'Save contacts' }).click();
  await expect(page.getByText('Contacts saved.')).toBeVisible();
}

/** Every screen, with the heading that says it is ready. */
const SCREENS: { hash: string; heading: string; ready?: (page: Page) => Promise<void> }[] = [
  {
    hash: '#/certificates',
    heading: 'Certificates',
    ready: (p) => expect(p.getByRole('link', { name: 'web' })).toBeVisible(),
  },
  { hash: '#/create', heading: 'Create a certificate' },
  { hash: '#/certificate/web', heading: 'web', ready: (p) => expect(p.getByTestId('sha256')).toBeVisible() },
  {
    hash: '#/certificate/csr',
    heading: 'csr',
    ready: (p) => expect(p.getByLabel('Certificate signing request (PEM)')).toBeVisible(),
  },
  { hash: '#/import', heading: 'Import a certificate' },
  { hash: '#/issuers', heading: 'Issuers' },
  {
    hash: '#/contacts',
    heading: 'Contacts',
    ready: (p) => expect(p.locator('#contact-0-email')).toHaveValue('pki@contoso.com'),
  },
  { hash: '#/deleted', heading: 'Deleted', ready: (p) => expect(p.getByRole('row', { name: /old/ })).toBeVisible() },
  { hash: '#/settings', heading: 'Settings' },
];

async function visit(page: Page, screen: (typeof SCREENS)[number]): Promise<void> {
  await page.goto(`/${screen.hash}`);
  await expect(page.getByRole('heading', { level: 1, name: screen.heading, exact: true })).toBeVisible();
  await screen.ready?.(page);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe finds no serious or critical violation on any screen (${colorScheme})`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.emulateMedia({ colorScheme });
    await fillVault(page);
    for (const screen of SCREENS) {
      await visit(page, screen);
      await expectNoSeriousA11yViolations(page, `${screen.hash} ${colorScheme}`);
    }
    // A dialog open, too.
    await visit(page, SCREENS[0]);
    await page.getByRole('button', { name: 'Restore a backup' }).click();
    await expectNoSeriousA11yViolations(page, `restore dialog ${colorScheme}`);
    await page.screenshot({ path: `reports/ui-dialog-${colorScheme}.png` });
    await visit(page, SCREENS[2]);
    await page.screenshot({ path: `reports/ui-detail-${colorScheme}.png`, fullPage: true });
  });
}

test('every screen fits 360 px: no sideways scroll of the page', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 360, height: 740 });
  await fillVault(page);
  for (const screen of SCREENS) {
    await visit(page, screen);
    const name = screen.hash.replace(/[#/]+/g, '-').replace(/^-|-$/g, '');
    await page.screenshot({ path: `reports/ui-360-${name}.png`, fullPage: true });
    expect(await hasHorizontalScroll(page), `${screen.hash} scrolls sideways at 360 px`).toBe(false);
  }
});

test('the Certificates list works from the keyboard alone', async ({ page }) => {
  await createThroughUi(page, 'kbd', 'CN=kbd.contoso.com');
  await page.goto('/#/certificates');
  await expect(page.getByRole('link', { name: 'kbd' })).toBeVisible();
  // Tab to the first sort button and sort with Enter, then reach the row link and open it.
  const sortName = page.getByRole('button', { name: 'Name' });
  for (let i = 0; i < 30 && !(await sortName.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(sortName).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('columnheader', { name: 'Name' })).toHaveAttribute('aria-sort', 'ascending');
  const link = page.getByRole('link', { name: 'kbd' });
  for (let i = 0; i < 30 && !(await link.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(link).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'kbd' })).toBeVisible();
});
