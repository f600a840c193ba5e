import { expect, test, type Page } from '@playwright/test';
import { openVaultHarness } from './harness/module-harness';
import { createThroughUi } from './ui-helpers';

// Two tabs of one vault (ARCHITECTURE §9 "Two tabs"): two pages of one browser context share
// the origin's IndexedDB and BroadcastChannel, as two tabs of a profile do.

/** Each test its own vault, chosen before the app loads (the vault switcher remembers it in localStorage). */
async function openApp(page: Page, vault: string, hash: string): Promise<void> {
  await page.addInitScript((name) => localStorage.setItem('certkeep.vault', name), vault);
  await page.goto(`/${hash}`);
}

test('a certificate created or deleted in one tab shows in the other within a second', async ({ context }) => {
  const vault = `tabs${Date.now().toString(36)}`;
  const a = await context.newPage();
  const b = await context.newPage();
  await openApp(b, vault, '#/certificates');
  await expect(b.locator('.empty-state')).toBeVisible();
  await openApp(a, vault, '#/certificates');
  await createThroughUi(a, 'from-tab-a', 'CN=from-tab-a.contoso.com');
  // createThroughUi returns once A shows the new certificate: the write has committed.
  await expect(b.getByRole('link', { name: 'from-tab-a' })).toBeVisible({ timeout: 1000 });

  await a.getByRole('button', { name: 'Delete this certificate' }).click();
  await a.getByRole('dialog').getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(a).not.toHaveURL(/#\/certificates\/from-tab-a/);
  await expect(b.getByRole('link', { name: 'from-tab-a' })).toBeHidden({ timeout: 1000 });
});

test('two tabs editing one policy: the second save is told, not applied over the first', async ({ context }) => {
  const vault = `conflict${Date.now().toString(36)}`;
  const a = await context.newPage();
  await openApp(a, vault, '#/certificates');
  await createThroughUi(a, 'shared', 'CN=shared.contoso.com');
  const b = await context.newPage();
  await openApp(b, vault, '#/certificate/shared');
  const policyA = a.getByRole('region', { name: 'Policy' });
  const policyB = b.getByRole('region', { name: 'Policy' });
  await policyA.getByRole('button', { name: 'Edit the policy' }).click();
  await policyB.getByRole('button', { name: 'Edit the policy' }).click();

  await policyA.getByLabel('Validity in months').fill('24');
  await policyA.getByRole('button', { name: 'Save the policy' }).click();
  await expect(policyA.getByRole('button', { name: 'Edit the policy' })).toBeVisible();

  // B still edits what it read before A's save; A's change reached B's page meanwhile, and B's
  // unsaved form was kept.
  await policyB.getByLabel('Validity in months').fill('6');
  await policyB.getByRole('button', { name: 'Save the policy' }).click();
  const alert = policyB.getByRole('alert');
  await expect(alert).toContainText('Changed in another tab');
  await expect(alert).toContainText('was changed elsewhere');
  await expect(alert).toContainText('nothing was saved');
  await b.screenshot({ path: 'test-results/two-tabs-policy-conflict.png', fullPage: false });
  await alert.scrollIntoViewIfNeeded();
  await policyB.screenshot({ path: 'test-results/two-tabs-policy-conflict-panel.png' });

  // Nothing of B's save was kept; starting again shows A's policy, and that save goes through.
  await policyB.getByRole('button', { name: 'Start again from the saved policy' }).click();
  await expect(policyB.getByLabel('Validity in months')).toHaveValue('24');
  await policyB.getByLabel('Validity in months').fill('6');
  await policyB.getByRole('button', { name: 'Save the policy' }).click();
  await expect(policyB.getByRole('button', { name: 'Edit the policy' })).toBeVisible();
  await expect(policyA).toContainText('6 months', { timeout: 1000 });
});

test('lock() in one tab locks the vault in the other within a second; unlock stays per tab', async ({ context }) => {
  const vault = `lock${Date.now().toString(36)}`;
  const [a, b] = [await context.newPage(), await context.newPage()];
  await openVaultHarness(a);
  await openVaultHarness(b);
  await a.evaluate(async (vault) => {
    await window.vaultPage.holdVault(vault);
    await window.vaultPage.heldVault(vault).protect({ principal: 'Alice', passphrase: 'correct horse battery' });
  }, vault);
  await b.evaluate(async (vault) => {
    await window.vaultPage.holdVault(vault);
    await window.vaultPage.heldVault(vault).unlock({ principal: 'Alice', passphrase: 'correct horse battery' });
  }, vault);
  expect(await b.evaluate(async (v) => (await window.vaultPage.heldVault(v).getAccessState()).unlocked, vault)).toBe(
    true,
  );
  await a.evaluate((v) => window.vaultPage.heldVault(v).lock(), vault);
  const lockedInMs = await b.evaluate(async (v) => {
    const start = performance.now();
    while ((await window.vaultPage.heldVault(v).getAccessState()).unlocked) {
      if (performance.now() - start > 1000) return -1;
      await new Promise((r) => setTimeout(r, 5));
    }
    return performance.now() - start;
  }, vault);
  expect(lockedInMs).toBeGreaterThanOrEqual(0);
  expect(lockedInMs).toBeLessThan(1000);
  expect(
    await b.evaluate((v) => window.vaultPage.errorOf(window.vaultPage.heldVault(v).getContacts()), vault),
  ).toMatchObject({
    code: 'Locked',
  });
  // B unlocks again; A stays locked.
  await b.evaluate(
    (v) => window.vaultPage.heldVault(v).unlock({ principal: 'Alice', passphrase: 'correct horse battery' }),
    vault,
  );
  await a.waitForTimeout(100);
  expect(await a.evaluate(async (v) => (await window.vaultPage.heldVault(v).getAccessState()).unlocked, vault)).toBe(
    false,
  );
});

test('tags and contacts: an edit in progress survives the other tab’s save, and its own save is told', async ({
  context,
}) => {
  const vault = `tags${Date.now().toString(36)}`;
  const a = await context.newPage();
  await openApp(a, vault, '#/certificates');
  await createThroughUi(a, 'tagged', 'CN=tagged.contoso.com');
  const b = await context.newPage();
  await openApp(b, vault, '#/certificate/tagged');
  const propsA = a.getByRole('region', { name: 'Properties' });
  const propsB = b.getByRole('region', { name: 'Properties' });
  // B starts typing a tag; A saves one meanwhile.
  await propsB.getByRole('button', { name: 'Add a tag' }).click();
  await propsB.getByLabel('Tag 1 key').fill('owner');
  await propsA.getByRole('button', { name: 'Add a tag' }).click();
  await propsA.getByLabel('Tag 1 key').fill('team');
  await propsA.getByLabel('Tag 1 value').fill('web');
  await propsA.getByRole('button', { name: 'Save tags' }).click();
  await expect(propsA.getByRole('status')).toHaveText('Tags saved.');
  // B's refresh kept what B typed, and B's save is refused rather than dropping A's tag.
  await b.waitForTimeout(300);
  await expect(propsB.getByLabel('Tag 1 key')).toHaveValue('owner');
  await propsB.getByLabel('Tag 1 value').fill('pki');
  await propsB.getByRole('button', { name: 'Save tags' }).click();
  await expect(propsB.getByRole('alert')).toContainText('Changed in another tab');
  await propsB.getByRole('button', { name: 'Start again from the saved tags' }).click();
  await expect(propsB.getByLabel('Tag 1 key')).toHaveValue('team');

  // Contacts: the same rule.
  await a.goto('/#/contacts');
  await b.goto('/#/contacts');
  await a.getByRole('button', { name: 'Add a contact' }).click();
  await b.getByRole('button', { name: 'Add a contact' }).click();
  await a.getByLabel('Email').fill('a@contoso.com');
  await b.getByLabel('Email').fill('b@contoso.com');
  await a.getByRole('button', { name: 'Save contacts' }).click();
  await expect(a.getByText('Contacts saved.')).toBeVisible();
  await b.getByRole('button', { name: 'Save contacts' }).click();
  await expect(b.getByRole('alert')).toContainText('contacts were changed elsewhere');
  await b.getByRole('button', { name: 'Start again from the saved contacts' }).click();
  await expect(b.locator('#contact-0-email')).toHaveValue('a@contoso.com');
});
