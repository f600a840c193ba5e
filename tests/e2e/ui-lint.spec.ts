import { expect, test } from '@playwright/test';
import { createThroughUi } from './ui-helpers';

const shots = process.env.LINT_SCREENSHOTS;

test('lint in the UI: the SC-081 default and its finding beside validity, a pending CSR panel, the list filter', async ({
  page,
}) => {
  await page.goto('/#/create');
  await page.getByLabel('Name', { exact: true }).fill('public-web');
  await page.getByLabel('Subject', { exact: true }).fill('CN=intranet.local');
  await page.getByLabel('Issuer', { exact: true }).selectOption('Unknown');
  // A public CA's certificate defaults to what the current SC-081 step allows (200 days until 2027-03-15).
  const days = page.getByLabel('Validity in days (instead of months)');
  await expect(days).toHaveValue(/^(198|98|45)$/);
  await days.fill('365');
  const validityLint = page.locator('#create-validity-lint');
  await expect(validityLint).toContainText('may be at most');
  await expect(validityLint.locator('[data-lint-id^="e_tls_server_cert_valid_time_longer_than_"]')).toBeVisible();
  await expect(days).toHaveAttribute('aria-describedby', /create-validity-lint/);
  await expect(page.locator('#create-subject-lint')).toContainText('common name');
  if (shots) await page.locator('.policy-form').screenshot({ path: `${shots}/lint-create-form.png` });
  // Back to months: 12 months is still too long for a public CA; the recommended days pass.
  await days.fill('');
  await expect(validityLint).toContainText('may be at most');
  await days.fill('98');
  await expect(validityLint).toHaveCount(0);

  await page.getByRole('button', { name: /^Create/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'public-web' })).toBeVisible({ timeout: 30_000 });
  const csrLint = page.getByTestId('csr-lint');
  await expect(csrLint.locator('[data-lint-id="e_ext_san_missing"]')).toBeVisible();
  await expect(csrLint.locator('[data-lint-id="e_subject_common_name_not_from_san"]')).toBeVisible();
  await expect(csrLint).toContainText('BR 7.1.2.7.12');
  if (shots)
    await page
      .getByRole('region', { name: 'Pending certificate request' })
      .screenshot({ path: `${shots}/lint-pending.png` });

  // A self-signed certificate without a SAN is stored with one lint error; the filter finds it from metadata.
  await createThroughUi(page, 'dev-cert', 'CN=dev.contoso.com');
  await expect(page.getByTestId('certificate-lint').locator('[data-lint-id="e_ext_san_missing"]')).toBeVisible();
  await page.goto('/#/certificates');
  const table = page.getByRole('region', { name: 'Certificates table' });
  await expect(table.getByRole('link', { name: 'public-web' })).toBeVisible();
  await page.getByLabel('Has lint errors').check();
  await expect(table.getByRole('link', { name: 'dev-cert' })).toBeVisible();
  await expect(table.getByRole('link', { name: 'public-web' })).toHaveCount(0);
  if (shots) await page.screenshot({ path: `${shots}/lint-list-filter.png`, fullPage: true });
});

test('lint in Chromium knows the public-suffix list: country-code and IDN TLDs pass, a misspelt one and a bare suffix do not', async ({
  page,
}) => {
  await page.goto('/#/create');
  await page.getByLabel('Subject', { exact: true }).fill('CN=shop.example.co.uk');
  await page.getByLabel('Issuer', { exact: true }).selectOption('Unknown');
  const names = ['shop.example.co.uk', 'xn--d1acufc.xn--p1ai', 'example.de', 'example.comm', 'co.uk'];
  for (const [i, name] of names.entries()) {
    await page.getByRole('button', { name: 'Add a name' }).click();
    await page.getByLabel(`Value of name ${i + 1}`).fill(name);
  }
  const sanLint = page.locator('#create-subjectAlternativeNames-lint');
  const notTld = sanLint.locator('[data-lint-id="e_dnsname_not_valid_tld"]');
  await expect(notTld).toHaveCount(1);
  await expect(notTld).toContainText('"example.comm"');
  const bareSuffix = sanLint.locator('[data-lint-id="e_dnsname_contains_bare_iana_suffix"]');
  await expect(bareSuffix).toHaveCount(1);
  await expect(bareSuffix).toContainText('"co.uk"');
  await expect(sanLint.locator('[data-lint-id^="e_dnsname"]')).toHaveCount(2);
});
