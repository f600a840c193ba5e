import { expect, test, type Page } from '@playwright/test';
import { createThroughUi } from './ui-helpers';

test('the subject is checked as it is typed, in the vault words', async ({ page }) => {
  await page.goto('/#/create');
  const subject = page.getByLabel('Subject', { exact: true });
  await subject.fill('this is not a name');
  await expect(page.getByText('The subject name provided is not a valid X500 name')).toBeVisible();
  await expect(subject).toHaveAttribute('aria-invalid', 'true');
  await subject.fill('DC=Contoso,OU="Docs,Contoso",CN=www.contosoHRApp.com');
  await expect(page.getByText('The subject name provided is not a valid X500 name')).toHaveCount(0);
  await expect(subject).not.toHaveAttribute('aria-invalid', 'true');
});

test('defaults follow Azure: RSA 2048, exportable, PKCS#12, 12 months, DS+KE, server+client auth, AutoRenew 80 %', async ({
  page,
}) => {
  await page.goto('/#/create');
  await expect(page.getByLabel('Key type')).toHaveValue('RSA');
  await expect(page.getByLabel('Key size')).toHaveValue('2048');
  await expect(page.getByLabel(/^Exportable private key/)).toBeChecked();
  await expect(page.getByLabel('Reuse the key when the certificate is renewed')).not.toBeChecked();
  await expect(page.getByLabel('Secret format')).toHaveValue('application/x-pkcs12');
  await expect(page.getByLabel('Validity in months')).toHaveValue('12');
  await expect(page.getByLabel('Digital signature')).toBeChecked();
  await expect(page.getByLabel('Key encipherment')).toBeChecked();
  await expect(page.getByLabel('Server authentication')).toBeChecked();
  await expect(page.getByLabel('Client authentication')).toBeChecked();
  await expect(page.getByLabel('Code signing')).not.toBeChecked();
  await expect(page.getByLabel('Percentage of lifetime')).toHaveValue('80');
  await expect(page.getByLabel('Action')).toHaveValue('AutoRenew');
  await page.getByLabel('Issuer', { exact: true }).selectOption('Unknown');
  await expect(page.getByLabel('Action')).toHaveValue('EmailContacts');
  await page.getByLabel('Key type').selectOption('EC');
  await expect(page.getByLabel('Key encipherment')).not.toBeChecked();
  await expect(page.getByLabel('Curve')).toHaveValue('P-256');
});

test('SAN rows, EC P-384, days-before-expiry and a name conflict shown at the name field', async ({ page }) => {
  await page.goto('/#/create');
  await page.getByLabel('Name', { exact: true }).fill('ec-web');
  await page.getByLabel('Subject', { exact: true }).fill('CN=ec.contoso.com');
  await page.getByRole('button', { name: 'Add a name' }).click();
  await page.getByLabel('Value of name 1').fill('ec.contoso.com');
  await page.getByRole('button', { name: 'Add a name' }).click();
  await page.getByLabel('Type of name 2').selectOption('ip');
  await page.getByLabel('Value of name 2').fill('not-an-ip');
  await expect(
    page.getByText('subjectAlternativeNames ipAddresses "not-an-ip" is not an IPv4 or IPv6 address.'),
  ).toBeVisible();
  await page.getByLabel('Value of name 2').fill('10.0.0.1');
  await page.getByRole('button', { name: 'Add a name' }).click();
  await page.getByRole('button', { name: 'Remove name 3' }).click();
  await page.getByLabel('Key type').selectOption('EC');
  await page.getByLabel('Curve').selectOption('P-384');
  await page.getByLabel('Trigger').selectOption('days');
  await page.getByLabel('Days before expiry').fill('30');
  await page.getByRole('button', { name: 'Add a tag' }).click();
  await page.getByLabel('Tag 1 key').fill('team');
  await page.getByLabel('Tag 1 value').fill('edge');
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'ec-web' })).toBeVisible();
  const viewer = page.getByRole('region', { name: 'Certificate', exact: true });
  await expect(viewer).toContainText('EC P-384');
  await expect(viewer).toContainText('DNS name: ec.contoso.com');
  await expect(viewer).toContainText('IP address: 10.0.0.1');
  await expect(page.getByRole('region', { name: 'Policy' })).toContainText('Renew automatically 30 days before expiry');

  // Same name again (any case): Key Vault makes a new version of it.
  await page.goto('/#/create');
  await page.getByLabel('Name', { exact: true }).fill('EC-WEB');
  await page.getByLabel('Subject', { exact: true }).fill('CN=again.contoso.com');
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Versions' }).getByRole('row')).toHaveCount(3);

  // A name held by a deleted certificate: Conflict, in the vault's words next to the name.
  await createThroughUi(page, 'other', 'CN=other.contoso.com');
  await page.getByRole('button', { name: 'Delete this certificate' }).click();
  await page.getByRole('dialog', { name: 'Delete other?' }).getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Certificates' })).toBeVisible();
  await page.goto('/#/create');
  await page.getByLabel('Name', { exact: true }).fill('other');
  await page.getByLabel('Subject', { exact: true }).fill('CN=again.contoso.com');
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(page.getByLabel('Name', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#create-name-error')).toContainText('A deleted certificate named "other" still exists');
});

test('a slow RSA 4096 key shows progress (aria-busy and words) until the certificate is made', async ({ page }) => {
  await page.goto('/#/create');
  await page.getByLabel('Name', { exact: true }).fill('big');
  await page.getByLabel('Subject', { exact: true }).fill('CN=big.contoso.com');
  await page.getByLabel('Key size').selectOption('4096');
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(page.locator('form[aria-busy="true"]')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Generating the key pair' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'big' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('region', { name: 'Certificate', exact: true })).toContainText('RSA 4096');
});

/** Options of the form's selects whose words do not fit their select (text wider than the box less its arrow). */
async function cutOffOptions(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const canvas = document.createElement('canvas').getContext('2d');
    if (!canvas) throw new Error('no canvas');
    const ARROW = 24; // Chromium draws the drop-down arrow inside the box
    return [...document.querySelectorAll<HTMLSelectElement>('form select')].flatMap((select) => {
      const style = getComputedStyle(select);
      canvas.font = style.font;
      const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - ARROW;
      return [...select.options]
        .filter((o) => canvas.measureText(o.text).width > room)
        .map((o) => `${select.id}: ${o.text}`);
    });
  });
}

for (const width of [1280, 360]) {
  test(`every choice of every drop-down reads whole at ${width} px (the lifetime trigger included)`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto('/#/create');
    await expect(page.getByLabel('Trigger')).toHaveValue('percentage');
    expect(await cutOffOptions(page)).toEqual([]);
    await page.getByRole('group', { name: 'Lifetime action' }).screenshot({ path: `reports/ui-lifetime-${width}.png` });
  });
}
