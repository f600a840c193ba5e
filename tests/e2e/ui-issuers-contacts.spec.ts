import { expect, test } from '@playwright/test';
import { createThroughUi } from './ui-helpers';

test('issuers: DigiCert fields, the API key never shown back, used by a policy, delete refused while used', async ({
  page,
}) => {
  await page.goto('/#/issuers');
  await expect(page.getByText('No issuers yet.')).toBeVisible();
  await page.getByRole('button', { name: 'Add an issuer' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add an issuer' });
  await dialog.getByLabel('Issuer name').fill('digi');
  await dialog.getByLabel('Provider').selectOption('DigiCert');
  await dialog.getByLabel('Account ID').fill('acct-42');
  await dialog.getByLabel('API key').fill('super-secret-api-key');
  await dialog.getByLabel('Organization ID').fill('org-7');
  await dialog.getByLabel('First name').fill('Ada');
  await dialog.getByLabel('Email').fill('ada@contoso.com');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('listitem').filter({ hasText: 'digi' })).toContainText('DigiCert');

  await page.getByRole('button', { name: 'Edit digi' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit digi' });
  await expect(edit.getByLabel('Account ID')).toHaveValue('acct-42');
  await expect(edit.getByLabel('Organization ID')).toHaveValue('org-7');
  await expect(edit.getByLabel('API key')).toHaveValue('');
  await expect(edit.getByText('Leave empty to keep the stored one.')).toBeVisible();
  expect(await page.content()).not.toContain('super-secret-api-key');
  await edit.getByLabel('Account ID').fill('acct-43');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();

  // GlobalSign shows its own fields.
  await page.getByRole('button', { name: 'Add an issuer' }).click();
  const gs = page.getByRole('dialog', { name: 'Add an issuer' });
  await gs.getByLabel('Provider').selectOption('GlobalSign');
  await expect(gs.getByLabel('Password')).toBeVisible();
  await expect(gs.getByLabel('Organization ID')).toHaveCount(0);
  await expect(gs.getByLabel('Phone')).toBeVisible();
  await gs.getByRole('button', { name: 'Cancel' }).click();

  await createThroughUi(page, 'via-digi', 'CN=digi.contoso.com', { issuer: 'digi' });
  await expect(page.getByRole('region', { name: 'Pending certificate request' })).toContainText('digi');

  await page.goto('/#/issuers');
  await page.getByRole('button', { name: 'Delete digi' }).click();
  await page.getByRole('dialog', { name: 'Delete the issuer digi?' }).getByRole('button', { name: 'Delete' }).click();
  // Refused in the vault's words while a certificate's policy names it.
  await expect(page.getByRole('alert')).toContainText('Issuer "digi" is used by certificate "via-digi"');
  await expect(page.getByRole('button', { name: 'Edit digi' })).toBeVisible();
});

test('contacts: add, save, reload, remove', async ({ page }) => {
  await page.goto('/#/contacts');
  await page.getByRole('button', { name: 'Add a contact' }).click();
  await page.getByLabel('Email').fill('pki@contoso.com');
  await page.getByLabel('Name').fill('PKI team');
  await page.getByRole('button', { name: 'Add a contact' }).click();
  await page.locator('#contact-1-email').fill('oncall@contoso.com');
  await page.locator('#contact-1-phone').fill('+1 555 0100');
  await page.getByRole('button', { name: 'Save contacts' }).click();
  await expect(page.getByText('Contacts saved.')).toBeVisible();
  await page.reload();
  await expect(page.locator('#contact-0-email')).toHaveValue('pki@contoso.com');
  await expect(page.locator('#contact-1-phone')).toHaveValue('+1 555 0100');
  await page.getByRole('button', { name: 'Remove contact 1' }).click();
  await page.getByRole('button', { name: 'Save contacts' }).click();
  await expect(page.getByText('Contacts saved.')).toBeVisible();
  await page.reload();
  await expect(page.locator('#contact-0-email')).toHaveValue('oncall@contoso.com');
  await expect(page.locator('#contact-1-email')).toHaveCount(0);
});

test('vaults: create a second vault, switch between them, the choice survives a reload', async ({ page }) => {
  await createThroughUi(page, 'in-default', 'CN=default.contoso.com');
  await page.getByLabel('Vault', { exact: true }).selectOption('__new');
  const dialog = page.getByRole('dialog', { name: 'New vault' });
  await dialog.getByLabel('Vault name').fill('bad name!');
  await expect(dialog.getByText('Use 1 to 63 letters, digits and hyphens.')).toBeVisible();
  await dialog.getByLabel('Vault name').fill('staging');
  await dialog.getByRole('button', { name: 'Create and open' }).click();
  await expect(page.getByText('This vault has no certificates yet.')).toBeVisible();
  await expect(page.getByLabel('Vault', { exact: true })).toHaveValue('staging');
  await page.reload();
  await expect(page.getByLabel('Vault', { exact: true })).toHaveValue('staging');
  await expect(page.getByText('This vault has no certificates yet.')).toBeVisible();
  await page.getByLabel('Vault', { exact: true }).selectOption('default');
  await expect(page.getByRole('link', { name: 'in-default' })).toBeVisible();
});

test('an issuer keeps a list of administrator contacts, as Key Vault does', async ({ page }) => {
  await page.goto('/#/issuers');
  await page.getByRole('button', { name: 'Add an issuer' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add an issuer' });
  await dialog.getByLabel('Issuer name').fill('gs');
  await dialog.getByLabel('Provider').selectOption('GlobalSign');
  const first = dialog.getByRole('group', { name: 'Administrator 1' });
  await first.getByLabel('First name').fill('Ada');
  await first.getByLabel('Email').fill('ada@contoso.com');
  await dialog.getByRole('button', { name: 'Add an administrator' }).click();
  const second = dialog.getByRole('group', { name: 'Administrator 2' });
  // The new row takes the focus, so a keyboard user types on.
  await expect(second.getByLabel('First name')).toBeFocused();
  await page.keyboard.type('Grace');
  await second.getByLabel('Phone').fill('+1 555 0100');
  await dialog.screenshot({ path: 'reports/ui-issuer-admins.png' });
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole('button', { name: 'Edit gs' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit gs' });
  await expect(edit.getByRole('group', { name: /^Administrator \d$/ })).toHaveCount(2);
  await expect(edit.getByRole('group', { name: 'Administrator 1' }).getByLabel('Email')).toHaveValue('ada@contoso.com');
  await expect(edit.getByRole('group', { name: 'Administrator 2' }).getByLabel('First name')).toHaveValue('Grace');
  await expect(edit.getByRole('group', { name: 'Administrator 2' }).getByLabel('Phone')).toHaveValue('+1 555 0100');
  await edit.getByRole('button', { name: 'Remove administrator 1' }).click();
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();

  await page.getByRole('button', { name: 'Edit gs' }).click();
  const again = page.getByRole('dialog', { name: 'Edit gs' });
  await expect(again.getByRole('group', { name: /^Administrator \d$/ })).toHaveCount(1);
  await expect(again.getByRole('group', { name: 'Administrator 1' }).getByLabel('First name')).toHaveValue('Grace');
});
