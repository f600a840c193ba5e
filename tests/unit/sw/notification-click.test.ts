import { expect, test } from 'vitest';
import { handleNotificationClick, type ClientsLike, type WindowClientLike } from '../../../src/sw/notification-click';
import type { LifetimeEvent } from '../../../src/vault';
import { lifetimeEvent } from '../shared/fakes';

const ORIGIN = 'http://localhost:4188';
const DATA = { vault: 'default', certificate: 'web', kind: 'notify', url: '/#/certificate/web', issuerName: 'Self' };

function fakeClients(urls: string[], options: { navigateFails?: boolean } = {}) {
  const calls: string[] = [];
  const make = (url: string): WindowClientLike => ({
    url,
    focus: () => {
      calls.push(`focus ${url}`);
      return Promise.resolve();
    },
    navigate: (to) => {
      if (options.navigateFails)
        return Promise.reject(new TypeError("This service worker is not the client's active service worker."));
      calls.push(`navigate ${to}`);
      return Promise.resolve();
    },
  });
  const clients: ClientsLike = {
    matchAll: () => Promise.resolve(urls.map(make)),
    openWindow: (url) => {
      calls.push(`open ${url}`);
      return Promise.resolve(make(url));
    },
  };
  return { clients, calls };
}

const noRenew = () => Promise.reject(new Error('renew must not be called'));

test('a click on the body focuses the open app window and shows the certificate', async () => {
  const { clients, calls } = fakeClients([`${ORIGIN}/#/settings`]);
  expect(await handleNotificationClick('', DATA, { clients, origin: ORIGIN, renew: noRenew })).toBe('focused');
  expect(calls).toEqual([`focus ${ORIGIN}/#/settings`, `navigate ${ORIGIN}/#/certificate/web`]);
});

test('"Open" with no window opens one on the certificate page', async () => {
  const { clients, calls } = fakeClients([]);
  expect(await handleNotificationClick('open', DATA, { clients, origin: ORIGIN, renew: noRenew })).toBe('opened');
  expect(calls).toEqual([`open ${ORIGIN}/#/certificate/web`]);
});

test('a window this worker cannot navigate (uncontrolled) gets a new window instead', async () => {
  const { clients, calls } = fakeClients([`${ORIGIN}/`], { navigateFails: true });
  expect(await handleNotificationClick('', DATA, { clients, origin: ORIGIN, renew: noRenew })).toBe('opened');
  expect(calls).toEqual([`focus ${ORIGIN}/`, `open ${ORIGIN}/#/certificate/web`]);
});

test('"Renew now" renews without opening a window and reports the outcome', async () => {
  const { clients, calls } = fakeClients([`${ORIGIN}/`]);
  const renewed: string[] = [];
  const renew = (vault: string, certificate: string): Promise<LifetimeEvent> => {
    renewed.push(`${vault}/${certificate}`);
    return Promise.resolve(lifetimeEvent({ certificateName: certificate, kind: 'renewed' }));
  };
  expect(await handleNotificationClick('renew-now', DATA, { clients, origin: ORIGIN, renew })).toBe('renewed');
  expect(renewed).toEqual(['default/web']);
  expect(calls).toEqual([]);
  const failing = (): Promise<LifetimeEvent> => Promise.resolve(lifetimeEvent({ kind: 'renewalFailed' }));
  expect(await handleNotificationClick('renew-now', DATA, { clients, origin: ORIGIN, renew: failing })).toBe(
    'renewalFailed',
  );
});

test.each([
  { name: 'foreign data', action: '', data: { title: 'not ours' } },
  { name: 'no data', action: '', data: null },
  { name: 'an unknown action', action: 'snooze', data: DATA },
  { name: 'a URL on another origin', action: '', data: { ...DATA, url: 'https://evil.example/' } },
])('ignores $name', async ({ action, data }) => {
  const { clients, calls } = fakeClients([`${ORIGIN}/`]);
  expect(await handleNotificationClick(action, data, { clients, origin: ORIGIN, renew: noRenew })).toBe('ignored');
  expect(calls).toEqual([]);
});
