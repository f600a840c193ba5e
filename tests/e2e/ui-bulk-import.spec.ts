import { expect, test, type Page } from '@playwright/test';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { pfxFromPair, selfSignedFiles, tempDir } from '../support/openssl';

/** An EC P-256 self-signed certificate with key, made by openssl: `<name>.key`, `<name>.crt`. */
function selfSigned(tmp: ReturnType<typeof tempDir>, name: string): void {
  selfSignedFiles({
    key: 'ec',
    subj: `/CN=${name}.contoso.com`,
    days: 30,
    keyOut: tmp.path(`${name}.key`),
    certOut: tmp.path(`${name}.crt`),
  });
}

const pfx = (tmp: ReturnType<typeof tempDir>, name: string, password: string, out = `${name}.pfx`): string =>
  pfxFromPair(tmp, name, password, out);

async function answerPassword(page: Page, file: string, password: string): Promise<void> {
  const field = page.getByLabel(`Password for ${file}`);
  await expect(field).toBeVisible();
  await field.fill(password);
  await page.getByRole('button', { name: 'Open the file' }).click();
}

test('bulk import of picked files: each password asked once, a duplicate skipped, a file without key refused', async ({
  page,
}, info) => {
  const tmp = tempDir('certkeep-ui-bulk-');
  try {
    for (const n of ['web1', 'web2', 'mail', 'ca-only']) selfSigned(tmp, n);
    const files = [
      pfx(tmp, 'web1', 'alpha'),
      pfx(tmp, 'web2', 'alpha'),
      pfx(tmp, 'mail', 'bravo'),
      // web1 again under another file name and password: the same certificate.
      pfx(tmp, 'web1', 'alpha', 'web1-copy.pfx'),
      tmp.path('ca-only.crt'),
    ];
    await page.goto('/#/import');
    await page.getByLabel('Files (PFX, P12, PEM with keys, or .zip archives of them)').setInputFiles(files);
    await expect(page.getByTestId('bulk-chosen')).toContainText('5 files chosen');
    await page.getByRole('button', { name: 'Import all 5' }).click();
    // alpha is asked for web1.pfx and then tried on web2 and the copy without asking; bravo once.
    await answerPassword(page, 'web1.pfx', 'alpha');
    await answerPassword(page, 'mail.pfx', 'wrong');
    await expect(page.getByText('That password does not open this file. Try again, or skip it.')).toBeVisible();
    await answerPassword(page, 'mail.pfx', 'bravo');

    const summary = page.getByTestId('bulk-summary');
    await expect(summary.getByRole('heading', { level: 3 })).toHaveText('3 imported, 1 skipped, 1 refused');
    await expect(summary.getByRole('heading', { level: 3 })).toBeFocused();
    await expect(page.getByTestId('bulk-imported').getByRole('link')).toHaveText([
      'web1-contoso-com',
      'web2-contoso-com',
      'mail-contoso-com',
    ]);
    await expect(page.getByTestId('bulk-skipped')).toContainText('web1-copy.pfx same certificate as web1.pfx');
    await expect(page.getByTestId('bulk-refused')).toContainText('ca-only.crt');
    await expect(page.getByTestId('bulk-refused')).toContainText('holds no private key');
    await summary.screenshot({ path: info.outputPath('bulk-summary.png') });

    // Again with one of them: now it is already in the vault.
    await page.getByLabel('Files (PFX, P12, PEM with keys, or .zip archives of them)').setInputFiles(files[1]);
    await page.getByRole('button', { name: 'Import it' }).click();
    await answerPassword(page, 'web2.pfx', 'alpha');
    await expect(page.getByTestId('bulk-skipped')).toContainText('same certificate as web2-contoso-com');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Certificates' }).click();
    for (const name of ['web1-contoso-com', 'web2-contoso-com', 'mail-contoso-com'])
      await expect(page.getByRole('link', { name, exact: true })).toBeVisible();
  } finally {
    tmp.cleanup();
  }
});

test('bulk import of a zip: the files inside imported, cancel while a password is asked leaves the rest out', async ({
  page,
}, info) => {
  const tmp = tempDir('certkeep-ui-bulk-zip-');
  try {
    for (const n of ['app1', 'app2', 'locked']) selfSigned(tmp, n);
    const pem = (n: string) =>
      new Uint8Array(Buffer.concat([readFileSync(tmp.path(`${n}.key`)), readFileSync(tmp.path(`${n}.crt`))]));
    const zip = zipSync({
      'estate/app1.pem': pem('app1'),
      'estate/nested/app2.pem': pem('app2'),
      'estate/z-locked.pfx': new Uint8Array(readFileSync(pfx(tmp, 'locked', 'secret'))),
    });
    await page.goto('/#/import');
    await page
      .getByLabel('Files (PFX, P12, PEM with keys, or .zip archives of them)')
      .setInputFiles({ name: 'estate.zip', mimeType: 'application/zip', buffer: Buffer.from(zip) });
    await page.getByRole('button', { name: 'Import it' }).click();
    await expect(page.getByLabel('Password for estate.zip/estate/z-locked.pfx')).toBeVisible();
    // The run waits on the password: its progress bar says how far it is.
    await expect(page.getByRole('progressbar', { name: 'Importing the files' })).toHaveAttribute('aria-valuenow', '67');
    await page.getByTestId('work-progress').getByRole('button', { name: 'Cancel' }).click();

    const summary = page.getByTestId('bulk-summary');
    await expect(summary.getByRole('heading', { level: 3 })).toHaveText(
      'Cancelled: 2 imported, 0 skipped, 0 refused, 1 not reached',
    );
    await expect(page.getByTestId('bulk-imported')).toContainText('app1-contoso-com from estate.zip/estate/app1.pem');
    await expect(page.getByTestId('bulk-imported')).toContainText('estate.zip/estate/nested/app2.pem');
    await expect(page.getByTestId('bulk-not-reached')).toHaveText('estate.zip/estate/z-locked.pfx');
    await summary.screenshot({ path: info.outputPath('bulk-zip-cancelled.png') });
  } finally {
    tmp.cleanup();
  }
});

test('create: a progress bar while the key is made, and Cancel stores nothing', async ({ page }) => {
  // WebCrypto's generateKey is slowed down here so the click on Cancel is not a race with it.
  await page.addInitScript(() => {
    const subtle = crypto.subtle;
    const generateKey = subtle.generateKey.bind(subtle);
    subtle.generateKey = ((...args: Parameters<SubtleCrypto['generateKey']>) =>
      new Promise((resolve) => setTimeout(resolve, 3000)).then(() =>
        generateKey(...args),
      )) as SubtleCrypto['generateKey'];
  });
  await page.goto('/#/create');
  await page.getByLabel('Name', { exact: true }).fill('never-made');
  await page.getByLabel('Subject', { exact: true }).fill('CN=never-made');
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  const bar = page.getByRole('progressbar', { name: 'Creating the certificate' });
  await expect(bar).toBeVisible();
  // Key generation cannot say how far it is: indeterminate.
  await expect(bar).not.toHaveAttribute('aria-valuenow', /.*/);
  await expect(bar).toHaveAttribute('aria-valuetext', 'Generating the key pair');
  await page.getByTestId('work-progress').getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('alert')).toContainText(
    'Creating the certificate was cancelled before anything was stored',
  );
  await expect(bar).toBeHidden();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Certificates' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Certificates' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'never-made' })).toHaveCount(0);
});

test('bulk import of a folder: files in subfolders, named from their certificates', async ({ page }, info) => {
  const tmp = tempDir('certkeep-ui-bulk-folder-');
  try {
    for (const n of ['east', 'west']) selfSigned(tmp, n);
    const folder = tmp.path('servers');
    mkdirSync(join(folder, 'eu'), { recursive: true });
    writeFileSync(
      join(folder, 'east.pem'),
      Buffer.concat([readFileSync(tmp.path('east.key')), readFileSync(tmp.path('east.crt'))]),
    );
    copyFileSync(pfx(tmp, 'west', 'pw'), join(folder, 'eu', 'west.pfx'));
    await page.goto('/#/import');
    await page.getByLabel('Or a folder').setInputFiles(folder);
    await page.getByRole('button', { name: 'Import all 2' }).click();
    await expect(page.getByLabel('Password for servers/eu/west.pfx')).toBeVisible();
    await page.screenshot({ path: info.outputPath('bulk-password.png'), fullPage: true });
    await answerPassword(page, 'servers/eu/west.pfx', 'pw');
    await expect(page.getByTestId('bulk-summary').getByRole('heading', { level: 3 })).toHaveText(
      '2 imported, 0 skipped, 0 refused',
    );
    await expect(page.getByTestId('bulk-imported')).toContainText('east-contoso-com from servers/east.pem');
    await expect(page.getByTestId('bulk-imported')).toContainText('west-contoso-com from servers/eu/west.pfx');
  } finally {
    tmp.cleanup();
  }
});
