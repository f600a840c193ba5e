import { expect, test } from 'vitest';
import { runLifetimeChecks } from '../../../src/shared/run-lifetime-checks';
import { fakeAccess, lifetimeEvent } from './fakes';

test('checks every vault, passes its events on as the notices, and closes each vault', async () => {
  const { access, closed } = fakeAccess({
    default: {
      events: [
        lifetimeEvent({ certificateName: 'web' }),
        lifetimeEvent({ certificateName: 'api', kind: 'renewed', issuerName: 'Self', action: 'AutoRenew' }),
      ],
    },
    prod: { events: [lifetimeEvent({ vaultName: 'prod', certificateName: 'db', issuerName: 'DigiCert-prod' })] },
  });
  const result = await runLifetimeChecks(access);
  expect(result.notices.map((n) => [n.vaultName, n.certificateName, n.kind, n.issuerName, n.action])).toEqual([
    ['default', 'web', 'notify', 'Unknown', 'EmailContacts'],
    ['default', 'api', 'renewed', 'Self', 'AutoRenew'],
    ['prod', 'db', 'notify', 'DigiCert-prod', 'EmailContacts'],
  ]);
  expect(result.checked).toEqual([
    { vaultName: 'default', events: 2 },
    { vaultName: 'prod', events: 1 },
  ]);
  expect(result.failures).toEqual([]);
  expect(closed).toEqual(['default', 'prod']);
});

test('a vault that fails to open or to run does not stop the others', async () => {
  const { access, closed } = fakeAccess({
    broken: { openError: new Error('The vault "broken" could not be opened: blocked by another tab.') },
    failing: { runError: new Error('Running lifetime actions failed.') },
    ok: { events: [lifetimeEvent({ vaultName: 'ok' })] },
  });
  const result = await runLifetimeChecks(access);
  expect(result.notices.map((n) => n.vaultName)).toEqual(['ok']);
  expect(result.failures).toEqual([
    { vaultName: 'broken', message: 'The vault "broken" could not be opened: blocked by another tab.' },
    { vaultName: 'failing', message: 'Running lifetime actions failed.' },
  ]);
  // the vault that opened but failed is still closed
  expect(closed).toEqual(['failing', 'ok']);
});

test('listVaults failing is reported, not thrown', async () => {
  const result = await runLifetimeChecks({
    listVaults: () => Promise.reject(new Error('indexedDB.databases is not available')),
    openVault: () => Promise.reject(new Error('unreachable')),
  });
  expect(result.notices).toEqual([]);
  expect(result.failures).toEqual([
    { vaultName: '*', message: 'cannot list vaults: indexedDB.databases is not available' },
  ]);
});

test('the clock is passed to every vault', async () => {
  const seen: (string | undefined)[] = [];
  const now = () => new Date('2030-01-01T00:00:00Z');
  await runLifetimeChecks(
    {
      listVaults: () => Promise.resolve(['a', 'b']),
      openVault: (o) => {
        seen.push(o?.now?.().toISOString());
        return Promise.resolve({ runLifetimeActions: () => Promise.resolve([]), close: () => undefined });
      },
    },
    { now },
  );
  expect(seen).toEqual(['2030-01-01T00:00:00.000Z', '2030-01-01T00:00:00.000Z']);
});
