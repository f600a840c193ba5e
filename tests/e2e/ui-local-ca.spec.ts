/**
 * The local CA screens (ARCHITECTURE §8 "Local CA"): a root made with the CA switch, its Local
 * issuer, a leaf signed at once, an external CSR signed through the dialog (downloads judged by
 * openssl), a refusal in the vault's words, revocation and the CRL; keyboard and axe checks.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openssl, opensslOutcome } from '../support/openssl';
import { expectNoSeriousA11yViolations, hasHorizontalScroll } from './ui-helpers';

const SHOTS = process.env.CA_SHOTS;
/** With CA_SHOTS set, a screenshot for a person to look at: the page, or a dialog as it shows. */
const shot = async (page: Page, name: string, dialog?: Locator) => {
  if (!SHOTS) return;
  if (dialog) await dialog.screenshot({ path: join(SHOTS, `${name}.png`) });
  else await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
};

/** Clicks `button` and saves the download it starts into `dir`; returns the file's path. */
async function saved(page: Page, button: Locator, dir: string): Promise<string> {
  const [d] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const file = join(dir, d.suggestedFilename());
  await d.saveAs(file);
  return file;
}

/** `openssl req -newkey` as a requester runs it; PEM text. */
function csrPem(dir: string, subject: string, san: string): string {
  return openssl([
    'req',
    '-new',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-keyout',
    join(dir, 'req.key'),
    '-subj',
    subject,
    '-addext',
    `subjectAltName=${san}`,
  ]).toString();
}

async function makeRoot(page: Page) {
  await page.goto('/#/create');
  await page.getByLabel('Name', { exact: true }).fill('root');
  await page.getByLabel('Subject', { exact: true }).fill('CN=Contoso Root CA,O=Contoso');
  await page.getByLabel('Key type').selectOption('EC');
  await page.getByRole('switch', { name: /CA: this certificate signs other certificates/ }).check();
  // The switch gives the key a CA's usages and drops the default TLS EKUs.
  await expect(page.getByLabel('Certificate signing')).toBeChecked();
  await expect(page.getByLabel('CRL signing')).toBeChecked();
  await expect(page.getByLabel('Digital signature')).not.toBeChecked();
  await expect(page.getByLabel('Server authentication')).not.toBeChecked();
  await page.getByLabel('Path length').fill('1');
  await page.getByLabel('Permitted DNS names').fill('contoso.com');
  await page.getByLabel('Permitted IP ranges').fill('10.0.0.0/8');
  await page.getByLabel('Validity in days (instead of months)').fill('3650');
  await shot(page, '1-create-root-ca');
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'root' })).toBeVisible({ timeout: 30_000 });
}

test('a root CA, its Local issuer, a leaf signed at once, a CSR signed, a revocation and a CRL', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'certkeep-ui-ca-'));
  try {
    await makeRoot(page);
    const ca = page.getByRole('region', { name: 'Certificate authority' });
    await expect(ca).toContainText('No Local issuer signs with this CA yet.');
    await expect(page.getByTestId('viewer-name-constraints')).toHaveText('permitted DNS contoso.com, IP 10.0.0.0/8');
    await expect(page.getByTestId('policy-ca')).toHaveText(
      'CA, path length 1; permitted DNS contoso.com, IP 10.0.0.0/8',
    );
    await ca.getByLabel('Issuer name').fill('RootCA');
    await ca.getByRole('button', { name: 'Make a Local issuer' }).click();
    await expect(ca).toContainText('Local issuer: RootCA');
    await expect(ca.getByText('This CA has not issued a certificate yet.')).toBeVisible();

    await page.goto('/#/issuers');
    await expect(page.getByRole('listitem').filter({ hasText: 'RootCA' })).toContainText('Local CA, signs with root');
    await shot(page, '2-issuers-local-ca');

    // A leaf with the Local issuer: signed at once, AutoRenew offered.
    await page.goto('/#/create');
    await page.getByLabel('Name', { exact: true }).fill('web');
    await page.getByLabel('Subject', { exact: true }).fill('CN=www.contoso.com');
    await page.getByLabel('Issuer', { exact: true }).selectOption('RootCA');
    await expect(page.getByLabel('Action')).toHaveValue('AutoRenew');
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'web' })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('region', { name: 'Certificate authority' })).toHaveCount(0);

    // Sign an external request on the CA's page, from the keyboard.
    await page.goto('/#/certificate/root');
    await expect(ca.getByRole('row', { name: /CN=www\.contoso\.com/ })).toContainText('web');
    const signButton = ca.getByRole('button', { name: 'Sign a request' });
    await signButton.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Sign a request with root' });
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(signButton).toBeFocused();

    await signButton.click();
    await dialog
      .getByLabel('Or paste the request (PEM)')
      .fill(csrPem(dir, '/CN=api.contoso.com', 'DNS:api.contoso.com'));
    await dialog.getByRole('button', { name: 'Use pasted text' }).click();
    await expect(dialog.getByTestId('csr-facts')).toContainText('DNS name: api.contoso.com');
    await expect(dialog.getByTestId('csr-facts')).toContainText('valid (ecdsa-with-SHA256)');
    await dialog.getByLabel('Validity in days').fill('90');
    await shot(page, '3-sign-request', dialog);
    await expectNoSeriousA11yViolations(page, 'sign a request dialog');
    await dialog.getByRole('button', { name: 'Sign', exact: true }).click();
    await expect(dialog.getByTestId('signed-result')).toContainText('Signed: serial');
    await shot(page, '4-signed', dialog);
    const chain = await saved(page, dialog.getByRole('button', { name: 'Chain (PEM)' }), dir);
    const leafPem = await saved(page, dialog.getByRole('button', { name: 'Certificate (PEM)' }), dir);
    const p7b = await saved(page, dialog.getByRole('button', { name: 'Chain (P7B)' }), dir);
    // The chain's last certificate is the root: the signed leaf verifies against it.
    const pems =
      readFileSync(chain, 'utf8').match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----\n/g) ?? [];
    expect(pems).toHaveLength(2);
    const rootFile = join(dir, 'root.pem');
    writeFileSync(rootFile, pems.at(-1) ?? '');
    expect(openssl(['verify', '-CAfile', rootFile, leafPem]).toString()).toContain(': OK');
    expect(openssl(['pkcs7', '-inform', 'DER', '-in', p7b, '-print_certs', '-noout']).toString()).toContain(
      'subject=CN = api.contoso.com',
    );
    await dialog.getByRole('button', { name: 'Done' }).click();

    // A request for a name the root may not certify is refused in the vault's words.
    await signButton.click();
    await dialog
      .getByLabel('Or paste the request (PEM)')
      .fill(csrPem(dir, '/CN=shop.fabrikam.com', 'DNS:shop.fabrikam.com'));
    await dialog.getByRole('button', { name: 'Use pasted text' }).click();
    await expect(dialog.getByTestId('csr-facts')).toContainText('shop.fabrikam.com');
    await dialog.getByRole('button', { name: 'Sign', exact: true }).click();
    await expect(dialog.getByRole('alert')).toContainText(
      'The DNS name "shop.fabrikam.com" is outside the names permitted by CA "root" (permitted: DNS contoso.com, IP 10.0.0.0/8)',
    );
    await shot(page, '5-sign-refused', dialog);
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    // Revoke the vault leaf, then the CRL lists it and openssl refuses the leaf with -crl_check.
    const row = ca.getByRole('row', { name: /CN=www\.contoso\.com/ });
    await row.getByRole('button', { name: /^Revoke / }).click();
    const confirm = page.getByRole('dialog', { name: /^Revoke CN=www\.contoso\.com/ });
    await confirm.getByLabel('Reason (RFC 5280)').selectOption('keyCompromise');
    await confirm.getByRole('button', { name: 'Revoke' }).click();
    await expect(row).toContainText('(Key compromise)');
    await expect(row.getByRole('button', { name: /^Revoke / })).toHaveCount(0);
    await ca.getByLabel('Next update in days').fill('7');
    const crl = await saved(page, ca.getByRole('button', { name: 'Download CRL' }), dir);
    await expect(ca.getByRole('status').filter({ hasText: 'CRL saved' })).toContainText('listing 1 revoked');
    await shot(page, '6-ca-page', ca);
    await expectNoSeriousA11yViolations(page, 'CA page');
    const crlText = opensslOutcome([
      'crl',
      '-inform',
      'DER',
      '-in',
      crl,
      '-CAfile',
      rootFile,
      '-verify',
      '-noout',
      '-text',
    ]);
    expect(crlText.out).toContain('verify OK');
    expect(crlText.out).toMatch(/CRL Reason Code:\s+Key Compromise/);
    const webSerial = (await row.getAttribute('data-serial')) ?? '';
    expect(crlText.out).toContain(`Serial Number: ${webSerial}`);
    // At 360 px the log scrolls inside its own region; the page does not scroll sideways.
    await page.setViewportSize({ width: 360, height: 800 });
    expect(await hasHorizontalScroll(page)).toBe(false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('Issuers: Add a Local CA picks a vault certificate, and a certificate that is no CA is refused under the field', async ({
  page,
}) => {
  await makeRoot(page);
  await page.goto('/#/create');
  await page.getByLabel('Name', { exact: true }).fill('plain');
  await page.getByLabel('Subject', { exact: true }).fill('CN=plain.contoso.com');
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'plain' })).toBeVisible({ timeout: 30_000 });

  await page.goto('/#/issuers');
  await page.getByRole('button', { name: 'Add a Local CA' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a Local CA issuer' });
  await expect(dialog.getByLabel('Account ID')).toHaveCount(0);
  await dialog.getByLabel('Issuer name').fill('Lab');
  await dialog.getByLabel('CA certificate').selectOption('plain');
  await dialog.getByRole('button', { name: 'Save' }).click();
  const ca = dialog.getByLabel('CA certificate');
  await expect(ca).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByText('Certificate "plain" is not a CA certificate')).toBeVisible();
  await shot(page, '7-local-ca-refused', dialog);
  await expectNoSeriousA11yViolations(page, 'Local CA issuer dialog');
  await ca.selectOption('root');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('listitem').filter({ hasText: 'Lab' })).toContainText('Local CA, signs with root');
});
