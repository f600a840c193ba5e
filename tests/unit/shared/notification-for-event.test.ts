import { describe, expect, test } from 'vitest';
import {
  certificateUrl,
  describeExpiry,
  notificationForEvent,
  notificationTag,
  shortThumbprint,
} from '../../../src/shared/notification-for-event';
import type { LifetimeEvent } from '../../../src/vault';
import { hrefFor } from '../../../src/ui/state/router';

const NOW = new Date('2027-02-19T09:00:00Z');
const EXPIRES = new Date('2027-03-03T08:00:00Z');

function notice(over: Partial<LifetimeEvent>): LifetimeEvent {
  return {
    kind: 'notify',
    certificateName: 'web',
    vaultName: 'default',
    version: 'a'.repeat(32),
    x509ThumbprintString: '9F8E7D6C5B4A39281706F5E4D3C2B1A098765432',
    dueOn: new Date('2027-02-19T00:00:00Z'),
    expiresOn: EXPIRES,
    contacts: [],
    message: '',
    issuerName: 'Unknown',
    action: 'EmailContacts',
    daysLeft: 12,
    ...over,
  };
}

describe('notificationForEvent', () => {
  const cases: {
    name: string;
    in: Partial<LifetimeEvent>;
    title: string;
    body: RegExp[];
    actions: string[];
    requireInteraction: boolean;
  }[] = [
    {
      name: 'AutoRenew: the expiration notice before renewal',
      in: { action: 'AutoRenew', issuerName: 'Self' },
      title: "'web' expires in 12 days, on 2027-03-03",
      body: [/renew it automatically/],
      actions: ['open', 'renew-now'],
      requireInteraction: false,
    },
    {
      name: 'EmailContacts: time to renew, naming the contacts',
      in: {
        action: 'EmailContacts',
        issuerName: 'Unknown',
        contacts: [{ name: 'Ann', email: 'ann@contoso.com' }, { email: 'ops@contoso.com' }],
      },
      title: "Time to renew 'web'",
      body: [
        /'web' expires in 12 days, on 2027-03-03 \(vault default\)\./,
        /merge it/,
        /Contacts: Ann <ann@contoso\.com>, ops@contoso\.com\./,
      ],
      actions: ['open'],
      requireInteraction: false,
    },
    {
      name: 'EmailContacts with a named issuer says where to ask',
      in: { action: 'EmailContacts', issuerName: 'DigiCert-prod' },
      title: "Time to renew 'web'",
      body: [/from DigiCert-prod and merge it/],
      actions: ['open'],
      requireInteraction: false,
    },
    {
      name: 'renewed: old → new thumbprint, short',
      in: {
        kind: 'renewed',
        action: 'AutoRenew',
        issuerName: 'Self',
        newX509ThumbprintString: '0123456789abcdef0123456789abcdef01234567',
      },
      title: "'web' renewed",
      body: [/New version 01234567… replaces 9F8E7D6C…/],
      actions: ['open'],
      requireInteraction: false,
    },
    {
      name: 'renewal failed: renew by hand, with the reason, and it stays',
      in: {
        kind: 'renewalFailed',
        action: 'AutoRenew',
        issuerName: 'Self',
        message: 'The key could not be generated.',
      },
      title: "Renewal of 'web' failed",
      body: [/Renew it by hand\./, /Reason: The key could not be generated\./],
      actions: ['open', 'renew-now'],
      requireInteraction: true,
    },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const n = notificationForEvent(notice(c.in), { now: NOW });
      expect(n.title).toBe(c.title);
      for (const re of c.body) expect(n.options.body).toMatch(re);
      expect(n.options.actions.map((a) => a.action)).toEqual(c.actions);
      expect(n.options.requireInteraction).toBe(c.requireInteraction);
      expect(n.options.data).toMatchObject({ vault: 'default', certificate: 'web', url: '/#/certificate/web' });
    });
  }

  test('one tag per certificate and kind, case-insensitive like certificate names', () => {
    const a = notificationForEvent(notice({ certificateName: 'Web' }), { now: NOW });
    const b = notificationForEvent(notice({ certificateName: 'web' }), { now: NOW });
    const c = notificationForEvent(notice({ kind: 'renewed' }), { now: NOW });
    expect(a.options.tag).toBe('default/web/notify');
    expect(b.options.tag).toBe(a.options.tag);
    expect(c.options.tag).toBe('default/web/renewed');
    expect(notificationTag('prod', 'api-1', 'renewalFailed')).toBe('prod/api-1/renewalFailed');
  });

  test('actions are cut to Notification.maxActions', () => {
    const n = notificationForEvent(notice({ issuerName: 'Self' }), { now: NOW, maxActions: 1 });
    expect(n.options.actions.map((a) => a.action)).toEqual(['open']);
    expect(notificationForEvent(notice({ issuerName: 'Self' }), { now: NOW, maxActions: 0 }).options.actions).toEqual(
      [],
    );
  });
});

describe('describeExpiry', () => {
  const table: { expires: string; want: string }[] = [
    { expires: '2027-03-03T08:00:00Z', want: 'expires in 12 days, on 2027-03-03' },
    { expires: '2027-02-21T00:00:00Z', want: 'expires in 2 days, on 2027-02-21' },
    { expires: '2027-02-20T23:00:00Z', want: 'expires in 1 day, on 2027-02-20' },
    { expires: '2027-02-20T08:00:00Z', want: 'expires in 1 day, on 2027-02-20' },
    { expires: '2027-02-18T23:00:00Z', want: 'expired 1 day ago, on 2027-02-18' },
    { expires: '2027-02-19T18:00:00Z', want: 'expires today, on 2027-02-19' },
    { expires: '2027-02-19T08:00:00Z', want: 'expired today, on 2027-02-19' },
    { expires: '2027-02-16T08:00:00Z', want: 'expired 3 days ago, on 2027-02-16' },
  ];
  for (const { expires, want } of table)
    test(`${expires} → ${want}`, () => expect(describeExpiry(new Date(expires), NOW)).toBe(want));
});

test('shortThumbprint keeps 8 hex digits, upper case', () => {
  expect(shortThumbprint('abcdef0123456789')).toBe('ABCDEF01…');
  expect(shortThumbprint(undefined)).toBe('?');
});

test('certificateUrl is the UI route for a certificate (ui/state/router.ts hrefFor)', () => {
  for (const name of ['web', 'api-01', 'A-b-9']) expect(certificateUrl(name)).toBe(`/${hrefFor('certificate', name)}`);
});
