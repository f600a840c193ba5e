import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { openssl, tempDir } from '../support/openssl';
import { createThroughUi } from './ui-helpers';

test('a CSR for an Unknown issuer: copy/download, clear merge errors, then merge a P7B signed by openssl', async ({
  page,
}) => {
  const tmp = tempDir('certkeep-ui-pending-');
  try {
    await createThroughUi(page, 'pending-web', 'CN=pending.contoso.com', { issuer: 'Unknown' });
    const panel = page.getByRole('region', { name: 'Pending certificate request' });
    await expect(panel.getByTestId('operation-status')).toHaveText('Waiting for the signed certificate');
    await expect(panel.getByLabel('Certificate signing request (PEM)')).toHaveValue(
      /^-----BEGIN CERTIFICATE REQUEST-----/,
    );

    // The downloaded CSR verifies with openssl (a tool we did not write).
    const [pemDownload] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByRole('button', { name: 'Download .csr (PEM)' }).click(),
    ]);
    expect(pemDownload.suggestedFilename()).toBe('pending-web.csr');
    await pemDownload.saveAs(tmp.path('req.csr'));
    openssl(['req', '-in', tmp.path('req.csr'), '-verify', '-noout']);
    const [derDownload] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByRole('button', { name: 'Download .csr (DER)' }).click(),
    ]);
    await derDownload.saveAs(tmp.path('req.der'));
    openssl(['req', '-inform', 'DER', '-in', tmp.path('req.der'), '-verify', '-noout']);

    // openssl acts as the CA.
    openssl([
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      tmp.path('ca.key'),
      '-out',
      tmp.path('ca.pem'),
      '-subj',
      '/CN=UI Test CA',
      '-days',
      '30',
    ]);
    openssl([
      'x509',
      '-req',
      '-in',
      tmp.path('req.csr'),
      '-CA',
      tmp.path('ca.pem'),
      '-CAkey',
      tmp.path('ca.key'),
      '-CAcreateserial',
      '-out',
      tmp.path('leaf.pem'),
      '-days',
      '21',
    ]);
    openssl([
      'crl2pkcs7',
      '-nocrl',
      '-certfile',
      tmp.path('leaf.pem'),
      '-certfile',
      tmp.path('ca.pem'),
      '-outform',
      'DER',
      '-out',
      tmp.path('chain.p7b'),
    ]);

    // Not a certificate at all: the vault's words, the pending request stays.
    await panel.getByLabel('Or paste the signed certificate (PEM)').fill('hello, this is not a certificate');
    await panel.getByRole('button', { name: 'Use pasted text' }).click();
    await expect(panel.getByRole('alert')).toContainText(/could not be read|not in a supported format|no certificate/i);
    await panel.getByRole('button', { name: 'Dismiss error' }).click();

    // The CA's own certificate does not carry the pending key: key mismatch.
    await panel.getByLabel('Or paste the signed certificate (PEM)').fill(readFileSync(tmp.path('ca.pem'), 'utf8'));
    await panel.getByRole('button', { name: 'Use pasted text' }).click();
    await expect(panel.getByRole('alert')).toContainText(
      'The public key of the end-entity certificate in the specified X.509 certificate content does not match the public part of the specified private key. Please check if certificate is valid',
    );
    // The vault names the merged certificate as the input at fault: the hint's "value shown" is marked.
    await expect(panel.getByLabel('Or paste the signed certificate (PEM)')).toHaveAttribute('aria-invalid', 'true');
    await expect(panel.getByLabel('Signed certificate file')).toHaveAttribute('aria-invalid', 'true');
    await expect(panel.getByRole('alert')).toContainText('Correct the value shown');
    await expect(panel.getByTestId('operation-status')).toHaveText('Waiting for the signed certificate');

    // The status line counts calendar days (UTC) from the page's clock to notAfter, and openssl
    // signed with the real time: fix the page's clock 20 days before notAfter (a day after
    // notBefore), so the words do not depend on the hour the test runs.
    const notAfter = openssl(['x509', '-in', tmp.path('leaf.pem'), '-noout', '-enddate'])
      .toString()
      .trim()
      .replace(/^notAfter=/, '');
    await page.clock.setFixedTime(new Date(Date.parse(notAfter) - 20 * 86_400_000));

    // The real answer, as a DER P7B through the file picker.
    await panel.getByLabel('Signed certificate file').setInputFiles(tmp.path('chain.p7b'));
    await expect(page.getByTestId('cert-status')).toHaveText('expires in 20 days', { timeout: 30_000 });
    await expect(page.getByRole('region', { name: 'Pending certificate request' })).toHaveCount(0);
    const chain = page.getByRole('navigation', { name: 'Certificate chain' });
    await expect(chain.getByRole('listitem')).toHaveCount(2);
    await expect(chain).toContainText('CN = UI Test CA');
    await page.screenshot({ path: 'reports/ui-merged.png', fullPage: true });
  } finally {
    tmp.cleanup();
  }
});

test('a pending operation can be cancelled and deleted', async ({ page }) => {
  await createThroughUi(page, 'to-cancel', 'CN=cancel.contoso.com', { issuer: 'Unknown' });
  const panel = page.getByRole('region', { name: 'Pending certificate request' });
  await panel.getByRole('button', { name: 'Cancel the request' }).click();
  await expect(panel.getByTestId('operation-status')).toHaveText('Cancelled');
  // A cancelled request takes no merge any more.
  await expect(panel.getByRole('button', { name: 'Cancel the request' })).toHaveCount(0);
  await expect(panel.getByLabel('Signed certificate file')).toHaveCount(0);
  await panel.getByRole('button', { name: 'Delete the operation' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete the pending operation?' });
  await dialog.getByRole('button', { name: 'Delete the operation' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Certificates' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'to-cancel' })).toHaveCount(0);
});
