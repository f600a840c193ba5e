/**
 * The chain on a certificate's page and the trust anchors (ARCHITECTURE §8 "Chains and trust
 * anchors"): an imported leaf whose intermediate came along reads "issuer not found" until its
 * root is trusted from a pasted file on the Issuers page, then every link reads "trusted"; a
 * self-signed certificate from a PFX with an unrelated CA is its own chain, the CA marked as not
 * part of it; "Trust this certificate" from its page. Each status is text, not colour only.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { openssl } from '../support/openssl';
import { makeWorkshop } from '../support/path-chains';
import { expectNoSeriousA11yViolations } from './ui-helpers';

const SHOTS = process.env.CHAIN_SHOTS;
const shot = async (page: Page, name: string) => {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
};
const pem = (der: Uint8Array): string => openssl(['x509', '-inform', 'DER'], der).toString();

async function importPasted(page: Page, text: string, name: string) {
  await page.goto('/#/import');
  await page.getByLabel('Pasted text').fill(text);
  await page.getByRole('button', { name: 'Use pasted text' }).click();
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible({ timeout: 30_000 });
}

const links = (page: Page) => page.getByTestId('chain-links').locator(':scope > li');

test('a chain untrusted until its root is a trust anchor, then trusted link by link', async ({ page }) => {
  const w = makeWorkshop();
  try {
    const root = w.make({ name: 'root', subject: '/CN=Chain Root/O=Contoso', ca: true });
    const int = w.make({ name: 'int', subject: '/CN=Chain Intermediate/O=Contoso', issuer: 'root', ca: true });
    const leaf = w.make({
      name: 'leaf',
      subject: '/CN=app.contoso.com',
      issuer: 'int',
      ext: 'subjectAltName=DNS:app.contoso.com',
    });
    await importPasted(page, readFileSync(w.path('leaf.key'), 'utf8') + pem(leaf) + pem(int), 'app');

    const chain = page.getByRole('region', { name: 'Chain of trust' });
    await expect(chain.getByTestId('chain-status')).toContainText('untrusted');
    await expect(chain.getByTestId('chain-status')).toContainText('Not trusted');
    await expect(links(page)).toHaveCount(2);
    await expect(links(page).nth(0)).toContainText('this certificate:');
    await expect(links(page).nth(0).getByTestId('link-status')).toHaveText('valid');
    await expect(links(page).nth(1).getByTestId('link-status')).toHaveText('issuer not found');
    await expect(links(page).nth(1)).toContainText('The issuer of "CN=Chain Intermediate,O=Contoso"');
    await shot(page, '1-chain-untrusted');
    await expectNoSeriousA11yViolations(page, 'certificate page with an untrusted chain');

    await page.goto('/#/issuers');
    const anchors = page.getByRole('region', { name: 'Trust anchors' });
    await expect(anchors).toContainText('No trust anchors yet');
    await anchors.getByLabel('Pasted certificate (PEM)').fill(pem(root));
    await anchors.getByRole('button', { name: 'Use pasted text' }).click();
    await anchors.getByRole('button', { name: 'Trust pasted.pem' }).click();
    await expect(anchors.getByRole('status')).toHaveText('Trusted: CN=Chain Root,O=Contoso.');
    await expect(anchors.getByTestId('trust-anchors')).toContainText('CN = Chain Root, O = Contoso');
    await shot(page, '2-trust-anchors');
    await expectNoSeriousA11yViolations(page, 'issuers page with a trust anchor');

    await page.goto('/#/certificate/app');
    await expect(chain.getByTestId('chain-status')).toContainText('Trusted: the chain ends at a trust anchor');
    await expect(links(page)).toHaveCount(3);
    await expect(links(page).getByTestId('link-status')).toHaveText(['trusted', 'trusted', 'trusted']);
    await expect(links(page).nth(2)).toContainText('root:');
    await expect(links(page).nth(2)).toContainText('(trust anchor)');
    await shot(page, '3-chain-trusted');

    // Removing the anchor makes it untrusted again.
    await page.goto('/#/issuers');
    await anchors.getByRole('button', { name: 'Remove the trust anchor CN=Chain Root,O=Contoso' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Remove' }).click();
    await expect(anchors).toContainText('No trust anchors yet');
  } finally {
    w.cleanup();
  }
});

test('a self-signed certificate with an unrelated CA in its PFX: its own chain, then "Trust this certificate"', async ({
  page,
}) => {
  const w = makeWorkshop();
  try {
    w.make({ name: 'self', subject: '/CN=self.contoso.com', ext: 'subjectAltName=DNS:self.contoso.com' });
    const stranger = w.make({ name: 'stranger', subject: '/CN=Unrelated CA', ca: true });
    const pfx = w.path('self.pfx');
    openssl([
      'pkcs12',
      '-export',
      '-inkey',
      w.path('self.key'),
      '-in',
      w.path('self.crt'),
      '-certfile',
      w.pemFile('s.pem', [stranger]),
      '-passout',
      'pass:',
      '-out',
      pfx,
    ]);
    await page.goto('/#/import');
    await page.getByLabel('Certificate file (PFX, P12 or PEM with the private key)').setInputFiles(pfx);
    const password = page.getByLabel('This file is protected by a password');
    if (await password.isVisible().catch(() => false))
      await page.getByRole('button', { name: 'Open the file' }).click();
    await page.getByLabel('Name', { exact: true }).fill('self');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'self' })).toBeVisible({ timeout: 30_000 });

    const viewerChain = page.getByRole('navigation', { name: 'Certificate chain' });
    await expect(viewerChain).toContainText('CN = Unrelated CA (not in this certificate’s chain)');
    await expect(viewerChain).not.toContainText('(root)');
    await expect(links(page)).toHaveCount(1);
    await expect(links(page).nth(0).getByTestId('link-status')).toHaveText('self-signed, not trusted');
    await shot(page, '4-self-signed-pfx');

    await page.getByRole('button', { name: 'Trust this certificate' }).click();
    await expect(page.getByRole('region', { name: 'Chain of trust' }).getByTestId('chain-status')).toContainText(
      'Trusted',
    );
    await expect(links(page).nth(0).getByTestId('link-status')).toHaveText('trusted');
  } finally {
    w.cleanup();
  }
});
