import { expect, test, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { openssl, tempDir } from '../support/openssl';
import { createThroughUi } from './ui-helpers';

async function download(page: Page, button: ReturnType<Page['getByRole']>, to: string): Promise<string> {
  const [d] = await Promise.all([page.waitForEvent('download'), button.click()]);
  await d.saveAs(to);
  return d.suggestedFilename();
}

test('downloads: CER, PEM chain, P7B and a password PFX all open in openssl', async ({ page }) => {
  const tmp = tempDir('certkeep-ui-dl-');
  try {
    await createThroughUi(page, 'dl', 'CN=dl.contoso.com');
    const panel = page.getByRole('region', { name: 'Download' });
    expect(await download(page, panel.getByRole('button', { name: 'CER (DER)' }), tmp.path('dl.cer'))).toBe('dl.cer');
    expect(openssl(['x509', '-inform', 'DER', '-in', tmp.path('dl.cer'), '-noout', '-subject']).toString()).toContain(
      'CN = dl.contoso.com',
    );
    expect(await download(page, panel.getByRole('button', { name: 'PEM (chain)' }), tmp.path('dl.pem'))).toBe('dl.pem');
    expect(openssl(['x509', '-in', tmp.path('dl.pem'), '-noout', '-subject']).toString()).toContain(
      'CN = dl.contoso.com',
    );
    expect(await download(page, panel.getByRole('button', { name: 'P7B (chain)' }), tmp.path('dl.p7b'))).toBe('dl.p7b');
    expect(
      openssl(['pkcs7', '-inform', 'DER', '-in', tmp.path('dl.p7b'), '-print_certs', '-noout']).toString(),
    ).toContain('dl.contoso.com');
    await panel.getByLabel('PFX password (optional)').fill('pfx-pass');
    expect(await download(page, panel.getByRole('button', { name: 'PFX with private key' }), tmp.path('dl.pfx'))).toBe(
      'dl.pfx',
    );
    const info = openssl(['pkcs12', '-in', tmp.path('dl.pfx'), '-passin', 'pass:pfx-pass', '-nodes']).toString();
    expect(info).toContain('BEGIN PRIVATE KEY');
    expect(info).toContain('dl.contoso.com');
    // Legacy: openssl 3 needs -legacy to read it, and reports the 3DES/SHA-1 algorithms.
    await panel.getByLabel(/^Legacy compatible/).check();
    await download(page, panel.getByRole('button', { name: 'PFX with private key' }), tmp.path('legacy.pfx'));
    const legacyInfo = openssl([
      'pkcs12',
      '-legacy',
      '-in',
      tmp.path('legacy.pfx'),
      '-passin',
      'pass:pfx-pass',
      '-info',
      '-nodes',
    ]).toString();
    expect(legacyInfo).toContain('BEGIN PRIVATE KEY');
    const algorithms = spawnSync('openssl', [
      'pkcs12',
      '-legacy',
      '-in',
      tmp.path('legacy.pfx'),
      '-passin',
      'pass:pfx-pass',
      '-info',
      '-noout',
    ]).stderr.toString();
    expect(algorithms).toMatch(/pbeWithSHA1And3-KeyTripleDES-CBC/);
    expect(algorithms).toMatch(/MAC: sha1/);
  } finally {
    tmp.cleanup();
  }
});

test('disable/enable, tags and policy edit go through the vault and show after reload', async ({ page }) => {
  await createThroughUi(page, 'props', 'CN=props.contoso.com');
  const props = page.getByRole('region', { name: 'Properties' });
  const keyOps = page.getByRole('region', { name: 'Key operations' });
  await expect(keyOps.getByTestId('allowed-operations')).toHaveText('sign, verify, wrapKey, unwrapKey');
  await keyOps.getByRole('button', { name: 'Sign and verify a test message' }).click();
  await expect(keyOps.getByTestId('keyops-result')).toHaveText('RS256: signed (256 bytes), signature verified.');
  await props.getByRole('button', { name: 'Disable' }).click();
  await expect(props.getByTestId('enabled-state')).toHaveText('disabled');
  await expect(page.getByTestId('cert-status')).toHaveText('disabled');
  // A disabled version's key is inoperable (ARCHITECTURE §5): Forbidden, in words.
  await keyOps.getByRole('button', { name: 'Sign and verify a test message' }).click();
  await expect(keyOps.getByRole('alert')).toContainText('Not allowed');
  await props.getByRole('button', { name: 'Enable' }).click();
  await expect(props.getByTestId('enabled-state')).toHaveText('enabled');

  await props.getByRole('button', { name: 'Add a tag' }).click();
  await props.getByLabel('Tag 1 key').fill('owner');
  await props.getByLabel('Tag 1 value').fill('web team');
  await props.getByRole('button', { name: 'Save tags' }).click();
  await expect(props.getByRole('status')).toHaveText('Tags saved.');

  const policy = page.getByRole('region', { name: 'Policy' });
  await policy.getByRole('button', { name: 'Edit the policy' }).click();
  await policy.getByLabel('Validity in months').fill('24');
  await policy.getByLabel('Code signing').check();
  await policy.getByRole('button', { name: 'Save the policy' }).click();
  await expect(policy.getByRole('button', { name: 'Edit the policy' })).toBeVisible();

  await page.reload();
  await expect(page.getByRole('region', { name: 'Policy' })).toContainText('24 months');
  await expect(page.getByRole('region', { name: 'Policy' })).toContainText('Code signing');
  await expect(page.getByRole('region', { name: 'Properties' }).getByLabel('Tag 1 value')).toHaveValue('web team');
});

test('delete asks first, Deleted lists it with dates, recover brings it back, purge erases it', async ({ page }) => {
  // The page's clock stands at noon UTC today, so the dates below cannot turn over mid-test.
  const today = new Date();
  today.setUTCHours(12, 0, 0, 0);
  await page.clock.setFixedTime(today);
  await createThroughUi(page, 'gone', 'CN=gone.contoso.com');
  const opener = page.getByRole('button', { name: 'Delete this certificate' });
  await opener.click();
  const dialog = page.getByRole('dialog', { name: 'Delete gone?' });
  await expect(dialog).toBeVisible();
  // Escape cancels and gives focus back to the button that opened the dialog.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
  await opener.click();
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Certificates' })).toBeVisible();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Deleted' }).click();
  const row = page.getByRole('row', { name: /gone/ });
  const purge = new Date(today.getTime() + 90 * 86_400_000);
  await expect(row).toContainText(today.toISOString().slice(0, 10));
  await expect(row).toContainText(purge.toISOString().slice(0, 10));
  await row.getByRole('button', { name: 'Recover gone' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'gone' })).toBeVisible();

  await page.getByRole('button', { name: 'Delete this certificate' }).click();
  await page.getByRole('dialog', { name: 'Delete gone?' }).getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Certificates' })).toBeVisible();
  await page.goto('/#/deleted');
  await page.getByRole('button', { name: 'Purge gone' }).click();
  await page.getByRole('dialog', { name: 'Purge gone for good?' }).getByRole('button', { name: 'Purge' }).click();
  await expect(page.getByText('Nothing has been deleted.')).toBeVisible();
});

test('backup to a password file, purge, then restore from Settings (wrong password keeps the file)', async ({
  page,
}) => {
  const tmp = tempDir('certkeep-ui-backup-');
  try {
    await createThroughUi(page, 'saved', 'CN=saved.contoso.com');
    await page.getByLabel('Backup password', { exact: true }).fill('b4ckup');
    await page.getByLabel('Repeat the password').fill('b4ckup');
    expect(await download(page, page.getByRole('button', { name: 'Download a backup' }), tmp.path('saved.bak'))).toBe(
      'saved.certkeep-backup',
    );

    await page.getByRole('button', { name: 'Delete this certificate' }).click();
    await page.getByRole('dialog', { name: 'Delete saved?' }).getByRole('button', { name: 'Delete' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Certificates' })).toBeVisible();
    await page.goto('/#/deleted');
    await page.getByRole('button', { name: 'Purge saved' }).click();
    await page.getByRole('dialog', { name: 'Purge saved for good?' }).getByRole('button', { name: 'Purge' }).click();
    await expect(page.getByText('Nothing has been deleted.')).toBeVisible();

    await page.goto('/#/settings');
    await page.getByRole('button', { name: 'Restore a backup' }).click();
    const dialog = page.getByRole('dialog', { name: 'Restore a certificate backup' });
    await dialog.getByLabel('Backup file').setInputFiles(tmp.path('saved.bak'));
    await dialog.getByLabel('Backup password').fill('nope');
    await dialog.getByRole('button', { name: 'Restore' }).click();
    await expect(dialog.getByRole('alert')).toContainText('Wrong password');
    await dialog.getByLabel('Backup password').fill('b4ckup');
    await dialog.getByRole('button', { name: 'Restore' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'saved' })).toBeVisible();
    await expect(page.getByTestId('cert-status')).toHaveText('valid');
  } finally {
    tmp.cleanup();
  }
});

test('downloads: a PFX with a PBMAC1 MAC, and a PEM whose key is encrypted under a password typed twice', async ({
  page,
}) => {
  const tmp = tempDir('certkeep-ui-protect-');
  try {
    await createThroughUi(page, 'modern', 'CN=modern.contoso.com');
    let panel = page.getByRole('region', { name: 'Download' });
    await panel.getByLabel(/^Legacy compatible/).check();
    await panel.getByLabel('Modern MAC (PBMAC1, OpenSSL 3.4+)').check();
    await expect(panel.getByLabel(/^Legacy compatible/)).not.toBeChecked(); // the two exclude each other
    await panel.getByLabel('PFX password (optional)').fill('pfx-pass');
    await download(page, panel.getByRole('button', { name: 'PFX with private key' }), tmp.path('modern.pfx'));
    // openssl 3.0 names PBMAC1 but cannot check it (3.4 can): past the MAC it reads the key.
    expect(openssl(['asn1parse', '-inform', 'DER', '-in', tmp.path('modern.pfx')]).toString()).toContain('PBMAC1');
    const pfx = ['pkcs12', '-in', tmp.path('modern.pfx'), '-passin', 'pass:pfx-pass', '-nodes', '-nomacver'];
    expect(openssl(pfx).toString()).toContain('BEGIN PRIVATE KEY');

    await page.goto('/#/create');
    await page.getByLabel('Name', { exact: true }).fill('pem-enc');
    await page.getByLabel('Subject', { exact: true }).fill('CN=pem-enc.contoso.com');
    await page.getByLabel('Secret format').selectOption('application/x-pem-file');
    await page.getByRole('button', { name: /^Create/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'pem-enc' })).toBeVisible({ timeout: 30_000 });
    panel = page.getByRole('region', { name: 'Download' });
    await panel.getByLabel(/^Encrypt the key with a password/).check();
    const button = panel.getByRole('button', { name: 'PEM with encrypted key' });
    await panel.getByLabel('Key password', { exact: true }).fill('key-pass');
    await panel.getByLabel('Repeat the key password').fill('key-pasz');
    await expect(panel.getByRole('alert')).toHaveText('The two passwords differ.');
    await expect(button).toBeDisabled();
    await panel.getByLabel('Repeat the key password').fill('key-pass');
    expect(await download(page, button, tmp.path('pem-enc.pem'))).toBe('pem-enc.pem');
    const pem = readFileSync(tmp.path('pem-enc.pem'), 'utf8');
    expect(pem).toMatch(/^-----BEGIN ENCRYPTED PRIVATE KEY-----/);
    const pub = openssl(['pkey', '-in', tmp.path('pem-enc.pem'), '-passin', 'pass:key-pass', '-pubout']).toString();
    expect(pub).toBe(openssl(['x509', '-in', tmp.path('pem-enc.pem'), '-noout', '-pubkey']).toString());
  } finally {
    tmp.cleanup();
  }
});
