/**
 * AutoRenew of a leaf issued by a Local CA, in the service worker, offline (ARCHITECTURE §8 "Local
 * CA"): the worker renews it with the CA's key, the new version has a new serial, and its chain
 * still verifies with openssl.
 */
import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openssl } from '../support/openssl';
import { launchPersistent, waitForServiceWorker } from './persistent-context';
import { installVaultHarness } from './lifetime-harness';
import { grantAll, lastRunAt, shownNotifications, versionCount } from './lifetime-probes';

const DAY_MS = 86_400_000;

type VaultModule = typeof import('../../src/vault');

/**
 * A root CA and its Local issuer, and a leaf it issued whose AutoRenew is already due: made with
 * the vault's clock 20 days in the past, valid 30 days, renewed 27 days before expiry.
 */
async function createDueLocalLeaf(page: Page): Promise<void> {
  await installVaultHarness(page);
  await page.evaluate(
    async (past) => {
      const { openVault } = (globalThis as unknown as { certkeepVault: VaultModule }).certkeepVault;
      const vault = await openVault({ name: 'default', now: () => new Date(past) });
      try {
        await vault.createCertificate('root', {
          subject: 'CN=Offline Root CA',
          keyType: 'EC',
          basicConstraints: { ca: true, pathLength: 0 },
          validityInDays: 3650,
        });
        await vault.createIssuer('Offline', 'Local', { certificateName: 'root' });
        await vault.createCertificate('leaf', {
          subject: 'CN=leaf.lab.example',
          subjectAlternativeNames: { dnsNames: ['leaf.lab.example'] },
          keyType: 'EC',
          issuerName: 'Offline',
          validityInDays: 30,
          lifetimeActions: [{ action: 'AutoRenew', daysBeforeExpiry: 27 }],
        });
      } finally {
        vault.close();
      }
    },
    Date.now() - 20 * DAY_MS,
  );
}

/** Every version of `leaf` as PEM chains (leaf first), oldest first. */
async function leafChains(page: Page): Promise<string[][]> {
  return page.evaluate(async () => {
    const { openVault, toPem } = (globalThis as unknown as { certkeepVault: VaultModule }).certkeepVault;
    const vault = await openVault({ name: 'default' });
    try {
      const versions = [];
      for await (const p of vault.listPropertiesOfCertificateVersions('leaf')) versions.push(p);
      versions.sort((a, b) => a.createdOn.getTime() - b.createdOn.getTime());
      const out: string[][] = [];
      for (const v of versions) {
        const c = await vault.getCertificateVersion('leaf', v.version ?? '');
        out.push(await Promise.all(c.chain.map((d) => toPem('CERTIFICATE', d))));
      }
      return out;
    } finally {
      vault.close();
    }
  });
}

test('the service worker renews a Local-issued leaf offline: new version, new serial, the chain verifies', async () => {
  const { context, close } = await launchPersistent();
  const dir = mkdtempSync(join(tmpdir(), 'certkeep-sw-ca-'));
  try {
    const page = await context.newPage();
    await page.goto('/');
    await waitForServiceWorker(page);
    await grantAll(context, page);
    await createDueLocalLeaf(page);
    expect(await versionCount(page, 'leaf')).toBe(1);

    // Offline, the app starts from the precache and asks the worker to run the checks (Chromium
    // fires no periodic sync while offline).
    await context.setOffline(true);
    const before = await lastRunAt(page);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect.poll(() => lastRunAt(page), { timeout: 30_000 }).toBeGreaterThan(before);
    const shown = await shownNotifications(page);
    expect(shown.map((n) => n.tag)).toContain('default/leaf/renewed');

    await installVaultHarness(page);
    expect(await versionCount(page, 'leaf')).toBe(2);
    const [oldChain, newChain] = await leafChains(page);
    expect(newChain).toHaveLength(2);
    const file = (name: string, pem: string) => {
      const f = join(dir, name);
      writeFileSync(f, pem);
      return f;
    };
    const serial = (pem: string) => openssl(['x509', '-noout', '-serial'], pem).toString().trim();
    expect(serial(newChain[0] ?? '')).not.toBe(serial(oldChain[0] ?? ''));
    expect(
      openssl([
        'verify',
        '-CAfile',
        file('root.pem', newChain[1] ?? ''),
        file('leaf.pem', newChain[0] ?? ''),
      ]).toString(),
    ).toContain(': OK');
  } finally {
    await close();
    rmSync(dir, { recursive: true, force: true });
  }
});
