import { expect, test } from '@playwright/test';
import { selfSignedPem } from '../support/openssl';
import { createThroughUi } from './ui-helpers';

/** A self-signed RSA certificate and its key as one PEM text, made by openssl. */
function pemBundle(cn: string): string {
  const { keyPem, certPem } = selfSignedPem({ key: 'rsa', subj: `/CN=${cn}`, days: 30 });
  return keyPem + certPem;
}

test('a file opened with the installed app (launchQueue) lands on Import, already read', async ({ page }) => {
  const pem = pemBundle('launched.contoso.com');
  // Chromium gives launchQueue only to an installed app; stand in for it before the app starts.
  await page.addInitScript(() => {
    // Chromium has a native (accessor) launchQueue: shadow it on the window itself.
    Object.defineProperty(window, 'launchQueue', {
      configurable: true,
      value: {
        setConsumer(consumer: (p: unknown) => void) {
          (window as unknown as { __launch: (text: string) => void }).__launch = (text: string) =>
            consumer({
              files: [
                {
                  getFile: () => Promise.resolve(new File([text], 'launched.pem', { type: 'application/x-pem-file' })),
                },
              ],
            });
        },
      },
    });
  });
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Certificates' })).toBeVisible();
  await page.evaluate((text) => (window as unknown as { __launch: (t: string) => void }).__launch(text), pem);
  await expect(page.getByRole('heading', { level: 1, name: 'Import a certificate' })).toBeVisible();
  await expect(page.getByTestId('import-file')).toContainText('launched.pem');
  await expect(page.getByTestId('key-present')).toHaveText('A private key, and:');
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('launched-contoso-com');
});

test('a file dropped on the Import zone is read like a picked one', async ({ page }) => {
  const pem = pemBundle('dropped.contoso.com');
  await page.goto('/#/import');
  const data = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'dropped.pem', { type: 'application/x-pem-file' }));
    return dt;
  }, pem);
  await page.getByTestId('drop-zone').dispatchEvent('dragover', { dataTransfer: data });
  await page.getByTestId('drop-zone').dispatchEvent('drop', { dataTransfer: data });
  await expect(page.getByTestId('import-file')).toContainText('dropped.pem');
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('dropped-contoso-com');
});

test('Copy puts the CSR PEM on the clipboard', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await createThroughUi(page, 'copy-me', 'CN=copy.contoso.com', { issuer: 'Unknown' });
  const panel = page.getByRole('region', { name: 'Pending certificate request' });
  await panel.getByRole('button', { name: 'Copy' }).click();
  await expect(panel.getByText('Copied to the clipboard.')).toBeVisible();
  const text = await page.evaluate(() => navigator.clipboard.readText());
  expect(text).toBe(await panel.getByLabel('Certificate signing request (PEM)').inputValue());
  expect(text).toMatch(/^-----BEGIN CERTIFICATE REQUEST-----\n/);
});
