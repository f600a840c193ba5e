/**
 * Key Vault policy JSON on the policy panel and on Create, and the expiry calendar on the
 * Certificates page (ARCHITECTURE §8): what is downloaded or copied is read back here, the
 * calendar by ical.js, the documents loaded are the published fixtures.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import ICAL from 'ical.js';
import { readFileSync } from 'node:fs';
import { createThroughUi, expectNoSeriousA11yViolations } from './ui-helpers';

const fixturePath = (name: string) => new URL(`../fixtures/key-vault/${name}`, import.meta.url).pathname;
const AZ_DEFAULT = readFileSync(fixturePath('az-get-default-policy.json'), 'utf8');

async function downloaded(page: Page, button: Locator): Promise<{ name: string; text: string }> {
  const [d] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const path = await d.path();
  return { name: d.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

test('the policy panel exports Key Vault JSON in both forms, as a file and on the clipboard', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await createThroughUi(page, 'pj', 'CN=pj.contoso.com');
  const tools = page.getByRole('region', { name: 'Key Vault JSON' });
  const rest = await downloaded(page, tools.getByRole('button', { name: 'Export as Key Vault JSON' }));
  expect(rest.name).toBe('pj-policy.json');
  expect(JSON.parse(rest.text)).toMatchObject({
    key_props: { exportable: true, kty: 'RSA', key_size: 2048, reuse_key: false },
    secret_props: { contentType: 'application/x-pkcs12' },
    x509_props: {
      subject: 'CN=pj.contoso.com',
      ekus: ['1.3.6.1.5.5.7.3.1', '1.3.6.1.5.5.7.3.2'],
      key_usage: ['digitalSignature', 'keyEncipherment'],
      validity_months: 12,
    },
    lifetime_actions: [{ trigger: { lifetime_percentage: 80 }, action: { action_type: 'AutoRenew' } }],
    issuer: { name: 'Self' },
  });
  await tools.getByLabel('Format').selectOption('cli');
  const cli = await downloaded(page, tools.getByRole('button', { name: 'Export as Key Vault JSON' }));
  expect(cli.name).toBe('pj-policy-az.json');
  expect(Object.keys(JSON.parse(cli.text) as object)).toEqual([
    'attributes',
    'issuerParameters',
    'keyProperties',
    'lifetimeActions',
    'secretProperties',
    'x509CertificateProperties',
  ]);
  await tools.getByRole('button', { name: 'Copy Key Vault JSON' }).click();
  await expect(tools.getByRole('status')).toHaveText('Copied the Key Vault JSON to the clipboard.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(cli.text);
});

test('Create fills its form from the az CLI default policy and makes that certificate', async ({ page }) => {
  await page.goto('/#/create');
  await page.getByRole('button', { name: 'Load from Key Vault JSON' }).click();
  const dialog = page.getByRole('dialog', { name: 'Load a policy from Key Vault JSON' });
  await dialog.getByLabel('Policy JSON').fill(AZ_DEFAULT);
  await expectNoSeriousA11yViolations(page, 'load dialog');
  await dialog.getByRole('button', { name: 'Fill the form' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Filled the form from Key Vault JSON' })).toBeVisible();
  await expect(page.getByLabel('Subject', { exact: true })).toHaveValue('CN=CLIGetDefaultPolicy');
  await expect(page.getByLabel('Reuse the key when the certificate is renewed')).toBeChecked();
  await expect(page.getByLabel('Key agreement')).toBeChecked();
  await expect(page.getByLabel('Certificate signing')).toBeChecked();
  // The document gives no EKUs, so Azure's defaults apply, as they would in Key Vault.
  await expect(page.getByLabel('Server authentication')).toBeChecked();
  await expect(page.getByLabel('Trigger')).toHaveValue('days');
  await expect(page.getByLabel('Days before expiry')).toHaveValue('90');
  await page.getByLabel('Name', { exact: true }).fill('from-az');
  await page.getByRole('button', { name: /^Create/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'from-az' })).toBeVisible({ timeout: 30_000 });
  const policy = page.getByRole('region', { name: 'Policy' });
  await expect(policy.getByText('reused on renewal')).toBeVisible();
  await expect(policy.getByText('Renew automatically 90 days before expiry')).toBeVisible();
});

test('a refused document keeps its text and lists every problem at its JSON path', async ({ page }) => {
  await page.goto('/#/create');
  await page.getByRole('button', { name: 'Load from Key Vault JSON' }).click();
  const dialog = page.getByRole('dialog', { name: 'Load a policy from Key Vault JSON' });
  const text = dialog.getByLabel('Policy JSON');
  await text.fill('{ "key_props": { "kty": "RSA", } }');
  await dialog.getByRole('button', { name: 'Fill the form' }).click();
  await expect(dialog.getByRole('alert')).toContainText('is not valid JSON at line 1, column 32');
  const bad = JSON.stringify({
    key_props: { kty: 'RSA', key_size: 1024 },
    x509_props: { subject: 'CN=a', validity_months: 'twelve', basicConstraints: { ca: true } },
  });
  await text.fill(bad);
  await dialog.getByRole('button', { name: 'Fill the form' }).click();
  const problems = dialog.getByTestId('policy-json-problems');
  await expect(problems).toContainText('The Key Vault policy JSON has 3 problems:');
  await expect(problems.getByRole('listitem')).toHaveText([
    'x509_props.validity_months must be a whole number, not "twelve".',
    /^x509_props\.basicConstraints is not a Key Vault policy field/,
    'key_props.key_size 1024 is not allowed for RSA keys: use 2048, 3072, 4096.',
  ]);
  await expect(text).toHaveAttribute('aria-invalid', 'true');
  await expect(text).toHaveValue(bad);
  await expectNoSeriousA11yViolations(page, 'problems shown');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByLabel('Subject', { exact: true })).toHaveValue('');
});

test('the policy panel loads a REST policy file into its editor', async ({ page }) => {
  await createThroughUi(page, 'pj-load', 'CN=load.contoso.com');
  const tools = page.getByRole('region', { name: 'Key Vault JSON' });
  await tools.getByRole('button', { name: 'Load from Key Vault JSON' }).click();
  const dialog = page.getByRole('dialog', { name: 'Load a policy from Key Vault JSON' });
  await dialog.getByLabel('Policy file').setInputFiles(fixturePath('get-certificate-policy-example.json'));
  const items = dialog.getByTestId('policy-json-problems').getByRole('listitem');
  await expect(items.filter({ hasText: /^parameters is not a Key Vault policy field/ })).toHaveCount(1);
  await expect(items.filter({ hasText: /^responses is not a Key Vault policy field/ })).toHaveCount(1);
  // The spec's example file wraps the policy; its response body is the policy document itself.
  const example = JSON.parse(readFileSync(fixturePath('get-certificate-policy-example.json'), 'utf8')) as {
    responses: { 200: { body: unknown } };
  };
  await dialog.getByLabel('Policy JSON').fill(JSON.stringify(example.responses[200].body, null, 2));
  await dialog.getByRole('button', { name: 'Fill the form' }).click();
  const policy = page.getByRole('region', { name: 'Policy' });
  await expect(policy.getByLabel('Validity in months')).toHaveValue('297');
  await expect(policy.getByLabel('Issuer', { exact: true })).toHaveValue('Unknown');
  await expect(policy.getByLabel('Action')).toHaveValue('EmailContacts');
  await expect(policy.getByRole('button', { name: 'Save the policy' })).toBeVisible();
});

test('the Certificates page exports an expiry calendar that ical.js reads', async ({ page }) => {
  await createThroughUi(page, 'cal-a', 'CN=a.contoso.com, O="Contoso; Ltd"');
  await createThroughUi(page, 'cal-b', 'CN=b.contoso.com');
  await page.goto('/#/certificates');
  const button = page.getByRole('button', { name: 'Export expiry calendar (.ics)' });
  const ics = await downloaded(page, button);
  expect(ics.name).toBe('certkeep-default-expiries.ics');
  await expect(page.getByText('with 4 events')).toBeVisible();
  const calendar = new ICAL.Component(ICAL.parse(ics.text) as unknown[]);
  const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  expect(events.map((e) => e.summary).sort()).toEqual([
    'Certificate cal-a expires',
    'Certificate cal-b expires',
    'Renewal due: certificate cal-a',
    'Renewal due: certificate cal-b',
  ]);
  // The vault prints the subject in RFC 4514 (`\;`); the file escapes that again and ical.js undoes it.
  expect(events.find((e) => e.summary === 'Certificate cal-a expires')?.description).toContain(
    '\nSubject: CN=a.contoso.com,O=Contoso\\; Ltd\n',
  );
  await expectNoSeriousA11yViolations(page, 'certificates page');
});
