import { expect, test, type Page } from '@playwright/test';
import { openssl, tempDir } from '../support/openssl';

async function downloadCer(page: Page, to: string): Promise<void> {
  const panel = page.getByRole('region', { name: 'Download' });
  const [d] = await Promise.all([
    page.waitForEvent('download'),
    panel.getByRole('button', { name: 'CER (DER)' }).click(),
  ]);
  await d.saveAs(to);
}

test('the subject field says what the order means and previews the name exactly as openssl prints the certificate', async ({
  page,
}) => {
  const tmp = tempDir('certkeep-ui-subject-');
  try {
    await page.goto('/#/create');
    const subject = page.getByLabel('Subject', { exact: true });
    await expect(page.locator('#create-subject-hint')).toContainText(
      'Encoded in the order written: the first attribute is the first in the certificate',
    );
    await page.getByLabel('Name', { exact: true }).fill('docs');
    await subject.fill('DC=Contoso,OU="Docs,Contoso",CN=www.contosoHRApp.com');
    const preview = page.getByTestId('subject-preview');
    await expect(preview).toHaveText('DC = Contoso, OU = "Docs,Contoso", CN = www.contosoHRApp.com');
    // Screen readers hear the preview with the field: it is part of its description.
    await expect(subject).toHaveAttribute('aria-describedby', 'create-subject-hint create-subject-preview');
    await page.locator('.field').filter({ has: subject }).screenshot({ path: 'reports/ui-subject-preview.png' });
    const previewed = await preview.textContent();

    // The preview follows the typing, and an unreadable name has no preview, only the vault's error.
    await subject.fill('CN=a+OU=b, O=x');
    await expect(preview).toHaveText('CN = a + OU = b, O = x');
    await subject.fill('CN=ok, nonsense');
    await expect(preview).toHaveCount(0);
    await expect(page.locator('#create-subject-error')).toContainText('not a valid X500 name');
    await subject.fill('DC=Contoso,OU="Docs,Contoso",CN=www.contosoHRApp.com');

    await page.getByRole('button', { name: 'Create', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'docs' })).toBeVisible({ timeout: 30_000 });
    await downloadCer(page, tmp.path('docs.cer'));
    const theirs = openssl(['x509', '-inform', 'DER', '-in', tmp.path('docs.cer'), '-noout', '-subject'])
      .toString()
      .replace(/^subject=/, '')
      .trim();
    expect(previewed).toBe(theirs);
    // One notation on the detail page: the certificate and the policy print the name as openssl does.
    await expect(page.getByTestId('viewer-subject')).toHaveText(theirs);
    await expect(page.getByTestId('policy-subject')).toHaveText(theirs);
    await page.getByRole('region', { name: 'Policy' }).screenshot({ path: 'reports/ui-subject-policy.png' });
    await page.getByRole('region', { name: 'Certificate', exact: true }).screenshot({
      path: 'reports/ui-subject-viewer.png',
    });
  } finally {
    tmp.cleanup();
  }
});

test('an empty subject shows one clear message, not the vault message as well', async ({ page }) => {
  await page.goto('/#/create');
  await page.getByLabel('Name', { exact: true }).fill('empty');
  const subject = page.getByLabel('Subject', { exact: true });
  // A bad name first: the vault's check runs as the user types and speaks for the subject…
  await subject.fill('nonsense');
  await expect(page.locator('#create-subject-error')).toContainText('not a valid X500 name');
  // …then an empty one: the form's own words, once, and nothing in the vault's field names.
  await subject.fill('');
  const errors = page.locator('.field-error');
  await expect(errors).toHaveText([
    'Give a subject (e.g. CN=www.contoso.com) or at least one subject alternative name.',
  ]);
  // The vault's check is debounced (200 ms): give it time to answer, then look again.
  await page.waitForTimeout(1000);
  await expect(errors).toHaveCount(1);
  await expect(page.locator('form')).not.toContainText('subjectAlternativeNames');
  await expect(subject).toHaveAttribute('aria-invalid', 'true');
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(errors).toHaveCount(1);
  await page.locator('.field').filter({ has: subject }).screenshot({ path: 'reports/ui-subject-empty.png' });
});
