/**
 * The service worker's job over the real vault (fake-indexeddb in Node): certificates made with
 * the clock 20 days back are due now; one run notifies and renews, the next raises nothing.
 */
import { deleteDB } from 'idb';
import { beforeEach, expect, test } from 'vitest';
import { collect } from '../vault/vault-fixture';
import { listVaults, openVault } from '../../../src/vault';
import { runLifetimeJob } from '../../../src/shared/lifetime-job';
import { renewNow } from '../../../src/sw/renew-now';
import { NOTIFICATION_LOG_DB, readNotificationLog } from '../../../src/shared/notification-log';
import { deleteVaultDatabase } from '../../../src/store/idb-vault-store';
import { fakeSurface } from '../shared/fakes';

const DAY_MS = 86_400_000;
const NOW = new Date('2027-02-19T09:00:00Z');
const PAST = new Date(NOW.getTime() - 20 * DAY_MS);

beforeEach(async () => {
  for (const name of await listVaults()) await deleteVaultDatabase(name);
  await deleteDB(NOTIFICATION_LOG_DB);
});

async function seed(vaultName: string) {
  const vault = await openVault({ name: vaultName, now: () => PAST });
  await vault.setContacts([{ email: 'ops@contoso.com', name: 'Ops' }]);
  const due = { issuerName: 'Self', keyType: 'EC' as const, validityInMonths: 1 };
  await vault.createCertificate('web', {
    ...due,
    subject: 'CN=web',
    lifetimeActions: [{ action: 'AutoRenew', daysBeforeExpiry: 27 }],
  });
  await vault.createCertificate('mail', {
    ...due,
    subject: 'CN=mail',
    lifetimeActions: [{ action: 'EmailContacts', daysBeforeExpiry: 27 }],
  });
  await vault.createCertificate('fresh', { issuerName: 'Self', keyType: 'EC', subject: 'CN=fresh' });
  vault.close();
}

async function versions(vaultName: string, name: string): Promise<number> {
  const vault = await openVault({ name: vaultName, now: () => NOW });
  const listed = await collect(vault.listPropertiesOfCertificateVersions(name));
  vault.close();
  return listed.length;
}

test('due actions notify (EmailContacts) and renew (AutoRenew) once, across vaults', async () => {
  await seed('default');
  await seed('prod');
  const surface = fakeSurface();
  const run = () =>
    runLifetimeJob({
      access: { listVaults, openVault },
      surface,
      permission: 'granted',
      now: () => NOW,
      maxActions: 2,
      ranIn: 'service-worker',
    });

  const first = await run();
  expect(first.failures).toEqual([]);
  const tags = surface.shown.map((s) => s.options.tag);
  for (const v of ['default', 'prod']) {
    expect(tags).toContain(`${v}/mail/notify`);
    expect(tags).toContain(`${v}/web/renewed`);
    expect(tags.some((t) => t.startsWith(`${v}/fresh/`))).toBe(false);
  }
  const mail = surface.shown.find((s) => s.options.tag === 'default/mail/notify');
  expect(mail?.title).toBe("Time to renew 'mail'");
  expect(mail?.options.body).toContain('Contacts: Ops <ops@contoso.com>.');
  // Self → "Renew now" is offered next to "Open"
  expect(mail?.options.actions.map((a) => a.action)).toEqual(['open', 'renew-now']);
  const renewed = first.notices.find((n) => n.vaultName === 'default' && n.kind === 'renewed');
  expect(renewed?.newX509ThumbprintString).toMatch(/^[0-9A-Fa-f]{40}$/);
  expect(renewed?.newX509ThumbprintString).not.toBe(renewed?.x509ThumbprintString);
  expect(await versions('default', 'web')).toBe(2);
  expect(await versions('default', 'mail')).toBe(1);

  const second = await run();
  expect(second.notices).toEqual([]);
  expect(surface.shown).toHaveLength(tags.length);
  expect(await readNotificationLog()).toHaveLength(tags.length);
  expect(await versions('default', 'web')).toBe(2);
});

test('Renew now makes a new version of a Self certificate with its policy', async () => {
  await seed('default');
  const notice = await renewNow({ openVault }, 'default', 'mail', () => NOW);
  expect(notice).toMatchObject({
    kind: 'renewed',
    vaultName: 'default',
    certificateName: 'mail',
    issuerName: 'Self',
    action: 'EmailContacts',
  });
  expect(notice.newVersion).not.toBe(notice.version);
  expect(await versions('default', 'mail')).toBe(2);
  const vault = await openVault({ name: 'default', now: () => NOW });
  const policy = await vault.getCertificatePolicy('mail');
  vault.close();
  expect(policy.lifetimeActions).toEqual([{ action: 'EmailContacts', daysBeforeExpiry: 27 }]);
});
