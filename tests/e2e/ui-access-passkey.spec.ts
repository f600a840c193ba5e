import { expect, test, type CDPSession, type Page } from '@playwright/test';
import { lockHeading } from './access-ui-helpers';

// Passkeys through the UI, with Chromium's virtual authenticator (CDP WebAuthn): enrol while
// protecting, lock, unlock with "Use passkey"; a passkey whose PRF answers differently is a wrong
// passkey that no longer answers PRF leaves the vault locked with plain words; an authenticator
// without PRF is refused plainly before anything changes.

const AUTHENTICATOR = {
  protocol: 'ctap2',
  transport: 'internal',
  hasResidentKey: true,
  hasUserVerification: true,
  isUserVerified: true,
  automaticPresenceSimulation: true,
} as const;

async function virtualAuthenticator(page: Page, hasPrf: boolean): Promise<{ cdp: CDPSession; id: string }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: { ...AUTHENTICATOR, hasPrf },
  });
  return { cdp, id: authenticatorId };
}

async function protectWithPasskey(page: Page, principal: string): Promise<void> {
  await page.goto('/#/access');
  await page.getByRole('button', { name: 'Protect this vault…' }).click();
  const dialog = page.getByRole('dialog', { name: /Protect vault/ });
  await dialog.getByLabel('Your principal name').fill(principal);
  await dialog.getByLabel(/^Passkey/).check();
  await dialog.getByRole('button', { name: 'Protect the vault' }).click();
}

test('a passkey with PRF protects the vault, and "Use passkey" unlocks it; a passkey that stops answering PRF leaves it locked', async ({
  page,
}) => {
  await page.goto('/');
  const { cdp, id } = await virtualAuthenticator(page, true);
  await protectWithPasskey(page, 'Alice');
  await expect(page.getByTestId('access-summary')).toHaveText('Protected. Unlocked as Alice (owner).', {
    timeout: 30_000,
  });
  await expect(page.getByTestId('principals').getByRole('row', { name: /^Alice passkey Owner/ })).toBeVisible();

  await page.getByRole('banner').getByRole('button', { name: 'Lock' }).click();
  await expect(lockHeading(page)).toBeVisible();
  await expect(page.getByText('“Alice” can unlock with a passkey.')).toBeVisible();
  await page.getByRole('button', { name: 'Use passkey' }).click();
  await expect(lockHeading(page)).toHaveCount(0, { timeout: 30_000 });
  await expect(page.getByTestId('unlocked-as')).toHaveText('Alice');

  // The same credential id with another key behind it and no PRF secret (CDP's addCredential
  // makes none): the lock screen says why the passkey cannot open the vault.
  const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId: id });
  expect(credentials).toHaveLength(1);
  const original = credentials[0];
  await cdp.send('WebAuthn.removeCredential', { authenticatorId: id, credentialId: original.credentialId });
  const { privateKey } = await page.evaluate(async () => {
    const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign']);
    const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey));
    return { privateKey: btoa(String.fromCharCode(...pkcs8)) };
  });
  await cdp.send('WebAuthn.addCredential', {
    authenticatorId: id,
    credential: { ...original, privateKey, signCount: 0 },
  });
  await page.getByRole('banner').getByRole('button', { name: 'Lock' }).click();
  await page.getByRole('button', { name: 'Use passkey' }).click();
  await expect(page.getByRole('alert')).toContainText('Passkey without PRF');
  await expect(page.getByRole('alert')).toContainText('does not support the PRF extension');
  await expect(lockHeading(page)).toBeVisible();
});

test('an authenticator without PRF is refused in plain words and the vault stays unprotected', async ({ page }) => {
  await page.goto('/');
  await virtualAuthenticator(page, false);
  await protectWithPasskey(page, 'Alice');
  const dialog = page.getByRole('dialog', { name: /Protect vault/ });
  await expect(dialog.getByRole('alert')).toContainText('Passkey without PRF');
  await expect(dialog.getByRole('alert')).toContainText('its authenticator does not support the PRF extension');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('heading', { name: 'Not protected' })).toBeVisible();
});
