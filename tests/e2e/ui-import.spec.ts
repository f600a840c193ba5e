import { expect, test } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { openssl, selfSignedFiles, tempDir } from '../support/openssl';

const XSS_CN = '<img src=x onerror=alert(1)>';

/** A certificate's subject as `openssl x509 -noout -subject` prints it: how every screen shows names. */
const opensslSubject = (pem: string): string =>
  openssl(['x509', '-in', pem, '-noout', '-subject'])
    .toString()
    .replace(/^subject=/, '')
    .trim();

test('import a PFX: password asked only when needed, wrong password asks again, contents shown, CN rendered as text', async ({
  page,
}) => {
  const tmp = tempDir('certkeep-ui-import-');
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  try {
    selfSignedFiles({
      key: 'rsa',
      subj: `/CN=${XSS_CN}/O=Evil & Co`,
      days: 30,
      keyOut: tmp.path('k.pem'),
      certOut: tmp.path('c.pem'),
    });
    openssl([
      'pkcs12',
      '-export',
      '-inkey',
      tmp.path('k.pem'),
      '-in',
      tmp.path('c.pem'),
      '-passout',
      'pass:s3cret',
      '-out',
      tmp.path('evil.pfx'),
    ]);

    await page.goto('/#/import');
    await page
      .getByLabel('Certificate file (PFX, P12 or PEM with the private key)')
      .setInputFiles(tmp.path('evil.pfx'));
    const password = page.getByLabel('This file is protected by a password');
    await expect(password).toBeVisible();
    await password.fill('wrong');
    await page.getByRole('button', { name: 'Open the file' }).click();
    await expect(page.getByText('That password does not open the file. Try again.')).toBeVisible();
    await expect(page.getByTestId('import-file')).toContainText('evil.pfx');
    await password.fill('s3cret');
    await page.getByRole('button', { name: 'Open the file' }).click();

    await expect(page.getByTestId('import-format')).toHaveText('PKCS#12 (PFX)');
    await expect(page.getByTestId('key-present')).toHaveText('A private key, and:');
    const subject = opensslSubject(tmp.path('c.pem'));
    expect(subject).toBe('CN = "<img src=x onerror=alert(1)>", O = Evil & Co');
    const contents = page.getByRole('region', { name: 'What is inside' });
    await expect(contents).toContainText(subject);
    await expect(page.getByLabel('Name', { exact: true })).toHaveValue('img-src-x-onerror-alert-1');
    await page.getByRole('button', { name: 'Import', exact: true }).click();

    await expect(page.getByRole('heading', { level: 1, name: 'img-src-x-onerror-alert-1' })).toBeVisible();
    await expect(page.getByTestId('viewer-subject')).toHaveText(subject);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Certificates' }).click();
    await expect(page.getByRole('cell', { name: XSS_CN })).toBeVisible();
    // The markup stayed text: no <img src=x> element anywhere, no alert fired.
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(dialogs).toEqual([]);
  } finally {
    tmp.cleanup();
  }
});

test('import a PEM key + certificate without a password, with an edited policy and a tag', async ({ page }) => {
  const tmp = tempDir('certkeep-ui-import-');
  try {
    selfSignedFiles({
      key: 'ec',
      subj: '/CN=ec.contoso.com',
      days: 90,
      keyOut: tmp.path('k.pem'),
      certOut: tmp.path('c.pem'),
    });
    const bundle = `${openssl(['pkey', '-in', tmp.path('k.pem')]).toString()}${openssl(['x509', '-in', tmp.path('c.pem')]).toString()}`;

    await page.goto('/#/import');
    await page.getByLabel('Pasted text').fill(bundle);
    await page.getByRole('button', { name: 'Use pasted text' }).click();
    await expect(page.getByTestId('import-format')).toHaveText('PEM');
    await expect(page.getByLabel('This file is protected by a password')).toHaveCount(0);
    await expect(page.getByLabel('Name', { exact: true })).toHaveValue('ec-contoso-com');
    await page.getByText('Policy (derived from the certificate').click();
    await expect(page.getByLabel('Key type')).toHaveValue('EC');
    await expect(page.getByLabel('Issuer', { exact: true })).toHaveValue('Self');
    await page.screenshot({ path: 'reports/ui-import.png', fullPage: true });
    await page.getByLabel('Exportable private key (PFX / PEM with the key can be downloaded)').uncheck();
    await page.getByRole('button', { name: 'Add a tag' }).click();
    await page.getByLabel('Tag 1 key').fill('env');
    await page.getByLabel('Tag 1 value').fill('prod');
    await page.getByRole('button', { name: 'Import', exact: true }).click();

    await expect(page.getByRole('heading', { level: 1, name: 'ec-contoso-com' })).toBeVisible();
    await expect(page.getByText('The private key is not exportable: it never leaves this browser.')).toBeVisible();
    await expect(page.getByLabel('Tag 1 key')).toHaveValue('env');
  } finally {
    tmp.cleanup();
  }
});

test('a certificate without a key is shown but not importable; garbage gets the vault words', async ({ page }) => {
  const tmp = tempDir('certkeep-ui-import-');
  try {
    selfSignedFiles({
      key: 'rsa',
      subj: '/CN=nokey.contoso.com',
      days: 30,
      keyOut: tmp.path('k.pem'),
      certOut: tmp.path('c.pem'),
    });
    await page.goto('/#/import');
    await page.getByLabel('Certificate file (PFX, P12 or PEM with the private key)').setInputFiles(tmp.path('c.pem'));
    await expect(page.getByTestId('key-present')).toHaveText('No private key.');
    await expect(page.getByRole('button', { name: 'Import', exact: true })).toHaveCount(0);

    await page
      .getByLabel('Certificate file (PFX, P12 or PEM with the private key)')
      .setInputFiles({ name: 'junk.pfx', mimeType: 'application/x-pkcs12', buffer: Buffer.from('not a pfx at all') });
    await expect(page.getByRole('alert')).toContainText(/could not be read|not in a supported format/);
    await expect(page.getByRole('alert')).not.toContainText(/TypeError|at .*\.js/);
  } finally {
    tmp.cleanup();
  }
});

test('the picker names the file that was read, whichever way it came (no stale "No file chosen")', async ({ page }) => {
  const tmp = tempDir('certkeep-ui-import-');
  try {
    selfSignedFiles({
      key: 'ec',
      subj: '/CN=picked.contoso.com',
      days: 30,
      keyOut: tmp.path('k.pem'),
      certOut: tmp.path('c.pem'),
    });
    const bundle = `${openssl(['pkey', '-in', tmp.path('k.pem')]).toString()}${openssl(['x509', '-in', tmp.path('c.pem')]).toString()}`;
    writeFileSync(tmp.path('picked.pem'), bundle);
    await page.goto('/#/import');
    const picker = page.getByLabel('Certificate file (PFX, P12 or PEM with the private key)');
    const chosen = () => picker.evaluate((input: HTMLInputElement) => [...(input.files ?? [])].map((f) => f.name));
    expect(await chosen()).toEqual([]);

    await picker.setInputFiles(tmp.path('picked.pem'));
    await expect(page.getByTestId('key-present')).toHaveText('A private key, and:');
    // The browser's own control keeps showing the file after it was read.
    expect(await chosen()).toEqual(['picked.pem']);
    await page.getByTestId('drop-zone').screenshot({ path: 'reports/ui-import-picked.png' });

    // Pasted text is a file too: the picker says so instead of "No file chosen".
    await page.getByLabel('Pasted text').fill(bundle);
    await page.getByRole('button', { name: 'Use pasted text' }).click();
    await expect(page.getByTestId('import-file')).toContainText('pasted.pem');
    await expect.poll(chosen).toEqual(['pasted.pem']);
    await page.getByTestId('drop-zone').screenshot({ path: 'reports/ui-import-pasted.png' });
  } finally {
    tmp.cleanup();
  }
});
