import { expect, type Page } from '@playwright/test';

/** Protects the current vault through the Access page with a passphrase; the page stays unlocked. */
export async function protectWithPassphrase(page: Page, principal: string, passphrase: string): Promise<void> {
  await page.goto('/#/access');
  await page.getByRole('button', { name: 'Protect this vault…' }).click();
  const dialog = page.getByRole('dialog', { name: /Protect vault/ });
  await dialog.getByLabel('Your principal name').fill(principal);
  await dialog.getByLabel('New passphrase').fill(passphrase);
  await dialog.getByLabel('Passphrase again').fill(passphrase);
  await dialog.getByRole('button', { name: 'Protect the vault' }).click();
  await expect(page.getByTestId('access-summary')).toHaveText(`Protected. Unlocked as ${principal} (owner).`, {
    timeout: 30_000,
  });
}

/** The lock screen's heading, which every route shows while the vault is locked. */
export function lockHeading(page: Page, vault = 'default') {
  return page.getByRole('heading', { level: 1, name: `Vault “${vault}” is locked` });
}

/** Unlocks through the lock screen with a passphrase and waits until the lock screen is gone. */
export async function unlockWithPassphrase(page: Page, principal: string, passphrase: string): Promise<void> {
  await page.getByLabel('Principal', { exact: true }).fill(principal);
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(lockHeading(page)).toHaveCount(0, { timeout: 30_000 });
}
