import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './ui-helpers';
import { lockHeading, protectWithPassphrase, unlockWithPassphrase } from './access-ui-helpers';

// The Access UI (ARCHITECTURE §8 "Access", UI): the lock screen on every route, the Lock
// button, idle auto-lock, the unlock errors in words, principals from templates with their
// matrix, the audit log; axe on the lock screen and the Access page.

const ALICE = 'correct horse battery staple';
const BOB = 'bob signs the builds';

const ROUTES = [
  '#/certificates',
  '#/certificate/web',
  '#/create',
  '#/import',
  '#/issuers',
  '#/contacts',
  '#/deleted',
  '#/access',
  '#/settings',
];

async function lockWithButton(page: Page): Promise<void> {
  await page.getByRole('banner').getByRole('button', { name: 'Lock' }).click();
  await expect(lockHeading(page)).toBeVisible();
}

test('an unprotected vault offers protection; once protected, the lock screen stands on every route and the Lock button locks', async ({
  page,
}) => {
  await page.goto('/#/certificates');
  await expect(page.getByTestId('protection-banner')).toContainText('This vault is not protected');
  await page.getByTestId('protection-banner').getByRole('link', { name: 'Protect this vault' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Access' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'What protects the keys at rest' })).toBeVisible();

  await protectWithPassphrase(page, 'Alice', ALICE);
  await expect(page.getByTestId('protection-banner')).toHaveCount(0);
  await expect(page.getByTestId('unlocked-as')).toHaveText('Alice');
  await lockWithButton(page);
  await expect(page.getByText('Locked with the Lock button.')).toBeVisible();
  // Nothing of the vault shows, the navigation is gone, and no route gets past the lock.
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  for (const hash of ROUTES) {
    await page.goto(`/${hash}`);
    await expect(lockHeading(page), hash).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 }), hash).toHaveCount(1);
  }
  await page.screenshot({ path: 'reports/ui-lock-screen.png', fullPage: true });
  await expectNoSeriousA11yViolations(page, 'lock screen');

  // A reload starts locked: nothing kept the unlock.
  await unlockWithPassphrase(page, 'Alice', ALICE);
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await page.reload();
  await expect(lockHeading(page)).toBeVisible();
});

test('unlock errors in words: a wrong passphrase, an unknown principal, and the throttle after 10 failures', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await protectWithPassphrase(page, 'Alice', ALICE);
  await lockWithButton(page);
  const principal = page.getByLabel('Principal', { exact: true });
  const passphrase = page.getByLabel('Passphrase', { exact: true });
  const unlock = page.getByRole('button', { name: 'Unlock' });

  await principal.fill('Mallory');
  await passphrase.fill(ALICE);
  await unlock.click();
  await expect(page.getByRole('alert')).toContainText('Unknown principal');
  await expect(page.getByRole('alert')).toContainText('There is no principal named "Mallory" in this vault.');

  // The clock stands still, so the throttle's wait cannot run out between the tries below.
  await page.clock.pauseAt(new Date());
  await principal.fill('Alice');
  for (let i = 1; i <= 10; i++) {
    await passphrase.fill(`wrong guess ${i}`);
    await unlock.click();
    await expect(page.getByRole('alert')).toContainText('Wrong passphrase');
    await expect(passphrase).toHaveValue('');
  }
  await expect(page.getByRole('alert')).toContainText('The passphrase does not unlock the vault as "Alice".');
  await expect(page.getByTestId('unlock-wait')).toHaveText('Too many failed tries (10 in a row): try again in 1 s.');
  await passphrase.fill(ALICE);
  await expect(unlock).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Use passkey' })).toBeDisabled();

  // Once the wait is over the right passphrase opens it, and the log shows every try.
  await page.clock.fastForward(2_000);
  await expect(page.getByTestId('unlock-wait')).toHaveText('');
  await unlockWithPassphrase(page, 'Alice', ALICE);
  await page.goto('/#/access');
  const log = page.getByTestId('audit-log');
  await expect(log.getByRole('row', { name: /Unlock \(passphrase\) Failed/ })).toHaveCount(10);
  await expect(log.getByRole('row', { name: /Unlock \(passphrase\) OK/ })).toHaveCount(1);
});

test('idle auto-lock after the Settings time, 15 minutes by default', async ({ page }) => {
  await page.clock.install();
  await protectWithPassphrase(page, 'Alice', ALICE);
  await page.goto('/#/settings');
  await expect(page.getByLabel('Lock a protected vault after no activity for')).toHaveValue('15');
  await page.clock.fastForward('14:00');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await page.clock.fastForward('01:10');
  await expect(lockHeading(page)).toBeVisible();
  await expect(page.getByText('Locked after the idle time set in Settings.')).toBeVisible();

  // Activity restarts the count; a shorter time locks sooner.
  await unlockWithPassphrase(page, 'Alice', ALICE);
  await page.getByLabel('Lock a protected vault after no activity for').selectOption('1');
  await page.clock.fastForward('00:50');
  await page.keyboard.press('Shift');
  await page.clock.fastForward('00:50');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await page.clock.fastForward('00:20');
  await expect(lockHeading(page)).toBeVisible();
});

test('Access page: a principal from a template, its matrix, what it may do, and the audit log', async ({ page }) => {
  test.setTimeout(120_000);
  await protectWithPassphrase(page, 'Alice', ALICE);
  await page.getByRole('button', { name: 'Add a principal' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a principal' });
  const template = dialog.getByLabel('Template');
  await expect(template.locator('option')).toHaveText([
    'Custom',
    'Certificate officer',
    'Auditor: get + list',
    'Signer: keys sign/verify',
  ]);
  await dialog.getByLabel('Principal name').fill('Bob');
  await template.selectOption('Signer: keys sign/verify');
  const matrix = {
    get: dialog.getByRole('group', { name: 'Certificate Management Operations' }).getByLabel(/^Get/),
    purge: dialog.getByRole('group', { name: 'Privileged Certificate Operations' }).getByLabel(/^Purge/),
    sign: dialog.getByRole('group', { name: 'Cryptographic Operations (keys)' }).getByLabel(/^Sign/),
    decrypt: dialog.getByRole('group', { name: 'Cryptographic Operations (keys)' }).getByLabel(/^Decrypt/),
    secret: dialog.getByRole('group', { name: 'Secret Management Operations' }).getByLabel(/^Get/),
    issuers: dialog.getByRole('group', { name: 'Certificate issuers and contacts' }).getByRole('checkbox'),
  };
  await expect(matrix.get).toBeChecked();
  await expect(matrix.sign).toBeChecked();
  await expect(matrix.purge).not.toBeChecked();
  await expect(matrix.decrypt).not.toBeChecked();
  await expect(matrix.secret).not.toBeChecked();
  await expect(matrix.issuers).toHaveCount(6);
  // A change by hand makes it a custom set.
  await matrix.decrypt.check();
  await expect(template).toHaveValue('');
  await matrix.decrypt.uncheck();
  await expect(template).toHaveValue('Signer: keys sign/verify');
  await dialog.getByLabel('New passphrase').fill('short');
  await expect(dialog.getByText('Too short: at least 8 characters.')).toBeVisible();
  await dialog.getByLabel('New passphrase').fill(BOB);
  await dialog.getByLabel('Passphrase again').fill(BOB);
  await dialog.getByRole('button', { name: 'Add principal' }).click();
  const principals = page.getByTestId('principals');
  await expect(
    principals.getByRole('row', { name: /^Bob passphrase Signer: keys sign\/verify \(4 of 23\)/ }),
  ).toBeVisible({ timeout: 30_000 });
  await expect(principals.getByRole('row', { name: /^Alice passphrase Owner: every permission/ })).toBeVisible();
  const log = page.getByTestId('audit-log');
  await expect(log.getByRole('row', { name: /Alice Set access policy “Bob” \(added: .+\) OK/ })).toBeVisible();
  await expect(log.getByRole('row', { name: /Alice Protected the vault \(owner, passphrase; .+\) OK/ })).toBeVisible();
  await page.screenshot({ path: 'reports/ui-access-page.png', fullPage: true });
  await expectNoSeriousA11yViolations(page, 'access page');
  await page.getByRole('button', { name: 'Add a principal' }).click();
  await expectNoSeriousA11yViolations(page, 'principal dialog');
  await page.screenshot({ path: 'reports/ui-access-principal-dialog.png' });
  await page.keyboard.press('Escape');

  // Bob, a signer, sees his own permissions, and the vault refuses what he lacks.
  await lockWithButton(page);
  await unlockWithPassphrase(page, 'Bob', BOB);
  await page.goto('/#/access');
  await expect(page.getByTestId('access-summary')).toHaveText('Protected. Unlocked as Bob.');
  await expect(page.getByRole('heading', { name: 'Your permissions' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Cryptographic Operations (keys)' }).getByLabel(/^Sign/)).toBeChecked();
  await expect(page.getByRole('button', { name: 'Add a principal' })).toHaveCount(0);
  await page.goto('/#/contacts');
  await expect(page.getByRole('alert')).toContainText('needs the certificates/managecontacts permission');

  // Alice removes Bob; the log says so.
  await lockWithButton(page);
  await unlockWithPassphrase(page, 'Alice', ALICE);
  await page.goto('/#/access');
  await page.getByRole('button', { name: 'Remove Bob' }).click();
  await page.getByRole('dialog', { name: 'Remove Bob?' }).getByRole('button', { name: 'Remove' }).click();
  await expect(principals.getByRole('row', { name: /^Bob/ })).toHaveCount(0);
  await expect(log.getByRole('row', { name: /Alice Removed principal “Bob” OK/ })).toBeVisible();
  await expect(log.getByRole('row', { name: /Bob Unlock \(passphrase\) OK/ })).toBeVisible();

  // Turning protection off asks for Alice's passphrase, then the banner offers protection again.
  await page.getByRole('button', { name: 'Turn protection off…' }).click();
  const off = page.getByRole('dialog', { name: 'Turn protection off?' });
  await off.getByLabel('Your passphrase, to confirm').fill('not it at all');
  await off.getByRole('button', { name: 'Turn protection off' }).click();
  await expect(off.getByRole('alert')).toContainText('does not confirm "Alice"');
  await off.getByLabel('Your passphrase, to confirm').fill(ALICE);
  await off.getByRole('button', { name: 'Turn protection off' }).click();
  await expect(page.getByRole('heading', { name: 'Not protected' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('banner').getByRole('button', { name: 'Lock' })).toHaveCount(0);
});
