import { expect, test, type CDPSession, type Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { BASE_URL } from '../../playwright.config';
import { openssl, tempDir } from '../support/openssl';
import { ecdsaRawToDer } from '../support/ecdsa-signature';
import { launchPersistent, waitForServiceWorker } from './persistent-context';
import { installVaultHarness } from './lifetime-harness';
import { grantAll, lastRunAt } from './lifetime-probes';
import { lockHeading, unlockWithPassphrase } from './access-ui-helpers';

// A locked protected vault still renews (ARCHITECTURE §8 "Access", renewal while locked): the
// SERVICE WORKER's periodic sync renews an AutoRenew certificate with a key sealed to the
// vault's sealing key; the app shows the lock screen; after an unlock the new version's key
// signs, and openssl verifies the signature with the new certificate.

const DAY_MS = 86_400_000;
const SYNC_TAG = 'lifetime-actions';
const PASSPHRASE = 'renewals keep working while locked';
type VaultModule = typeof import('../../src/vault');

async function registrationId(cdp: CDPSession): Promise<string> {
  const found = new Promise<string>((resolve) => {
    cdp.on('ServiceWorker.workerRegistrationUpdated', (e) => {
      const reg = e.registrations.find((r) => r.scopeURL === `${BASE_URL}/` && !r.isDeleted);
      if (reg) resolve(reg.registrationId);
    });
  });
  await cdp.send('ServiceWorker.enable');
  return found;
}

/** A protected vault with an EC certificate whose AutoRenew is due (made 20 days ago, 1 month, 27 days before expiry). */
async function createProtectedDueCertificate(page: Page): Promise<void> {
  await installVaultHarness(page);
  await page.evaluate(
    async ({ past, passphrase }) => {
      const { openVault } = (globalThis as unknown as { certkeepVault: VaultModule }).certkeepVault;
      const vault = await openVault({ name: 'default', now: () => new Date(past) });
      try {
        await vault.protect({ principal: 'ops', passphrase });
        await vault.createCertificate('web', {
          subject: 'CN=web.contoso.com',
          keyType: 'EC',
          exportable: false,
          validityInMonths: 1,
          lifetimeActions: [{ action: 'AutoRenew', daysBeforeExpiry: 27 }],
        });
      } finally {
        vault.close();
      }
    },
    { past: Date.now() - 20 * DAY_MS, passphrase: PASSPHRASE },
  );
}

test('the service worker renews an AutoRenew certificate of a locked vault; after unlock the new key signs', async () => {
  test.setTimeout(120_000);
  const { context, close } = await launchPersistent();
  const t = tempDir('certkeep-locked-renewal-');
  try {
    const page = await context.newPage();
    await page.goto('/');
    await waitForServiceWorker(page);
    const cdp = await grantAll(context, page);
    await page.goto('/#/settings');
    await page.reload();
    await expect(page.getByTestId('periodic-sync')).toHaveText(/Registered/);
    await createProtectedDueCertificate(page);
    await page.reload();
    await expect(lockHeading(page)).toBeVisible();

    const id = await registrationId(cdp);
    const before = await lastRunAt(page);
    await cdp.send('ServiceWorker.dispatchPeriodicSyncEvent', { origin: BASE_URL, registrationId: id, tag: SYNC_TAG });
    await expect.poll(() => lastRunAt(page), { timeout: 30_000 }).toBeGreaterThan(before);

    // Still locked in the app; unlocking shows two versions.
    await expect(lockHeading(page)).toBeVisible();
    await page.goto('/#/certificate/web');
    await unlockWithPassphrase(page, 'ops', PASSPHRASE);
    await expect(page.getByRole('heading', { level: 1, name: 'web' })).toBeVisible();
    await expect(page.getByTestId('key-protection')).toContainText('sealed');

    await installVaultHarness(page);
    const signed = await page.evaluate(async (passphrase) => {
      const { openVault } = (globalThis as unknown as { certkeepVault: VaultModule }).certkeepVault;
      const vault = await openVault({ name: 'default' });
      const b64 = (b: Uint8Array) => btoa(String.fromCharCode(...b));
      try {
        const lockedAnswer = await vault.getCertificate('web').then(
          () => 'answered',
          (e: unknown) => (e as { code?: string }).code,
        );
        await vault.unlock({ principal: 'ops', passphrase });
        const versions: string[] = [];
        for await (const p of vault.listPropertiesOfCertificateVersions('web')) if (p.version) versions.push(p.version);
        const c = await vault.getCertificate('web');
        const client = await vault.getCryptographyClient('web');
        const sig = await client.signData('ES256', new TextEncoder().encode('renewed while locked'));
        return { lockedAnswer, versions: versions.length, cer: b64(c.cer), sig: b64(sig.result) };
      } finally {
        vault.close();
      }
    }, PASSPHRASE);
    expect(signed.lockedAnswer).toBe('Locked');
    expect(signed.versions).toBe(2);

    writeFileSync(t.path('cer.der'), Buffer.from(signed.cer, 'base64'));
    writeFileSync(
      t.path('pub.pem'),
      openssl(['x509', '-inform', 'DER', '-in', t.path('cer.der'), '-pubkey', '-noout']),
    );
    const notBefore = openssl(['x509', '-inform', 'DER', '-in', t.path('cer.der'), '-noout', '-startdate']).toString();
    // The current version is the renewed one: issued today, not 20 days ago.
    const issued = Date.parse(notBefore.replace('notBefore=', '').trim());
    expect(Date.now() - issued).toBeLessThan(2 * DAY_MS);
    writeFileSync(t.path('sig'), ecdsaRawToDer(new Uint8Array(Buffer.from(signed.sig, 'base64'))));
    writeFileSync(t.path('data'), 'renewed while locked');
    const args = ['dgst', '-sha256', '-verify', t.path('pub.pem'), '-signature', t.path('sig'), t.path('data')];
    expect(openssl(args).toString()).toContain('Verified OK');
  } finally {
    t.cleanup();
    await close();
  }
});
