/**
 * The expiry calendar, read back by an independent RFC 5545 parser (Mozilla's ical.js, the one
 * Thunderbird uses), plus the line rules of RFC 5545 §3.1 that a tolerant parser would forgive.
 */
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { expiryCalendar, type CertificateProperties, type ExpiryCalendarEntry } from '../../../src/vault';
import { makeVault } from './vault-fixture';

const NOW = new Date('2026-03-01T12:00:00Z');
const DAY = 86_400_000;

function props(name: string, over: Partial<CertificateProperties> = {}): CertificateProperties {
  const version = over.version ?? `${name.length.toString(16).padStart(2, '0')}${'a'.repeat(30)}`;
  return {
    id: `https://default.vault.local/certificates/${name}/${version}`,
    name,
    version,
    vaultUrl: 'https://default.vault.local',
    enabled: true,
    notBefore: new Date('2026-01-01T00:00:00Z'),
    expiresOn: new Date('2027-01-01T00:00:00Z'),
    createdOn: new Date('2026-01-01T00:00:00Z'),
    updatedOn: new Date('2026-01-01T00:00:00Z'),
    tags: {},
    recoverableDays: 90,
    recoveryLevel: 'Recoverable',
    subject: `CN=${name}.contoso.com`,
    ...over,
  };
}

interface ParsedEvent {
  uid: string;
  summary: string;
  description: string;
  start: string;
  stamp: string;
}

/** The calendar as ical.js reads it. */
function parse(text: string): { calendar: ICAL.Component; events: ParsedEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
  const events = calendar.getAllSubcomponents('vevent').map((v) => {
    const event = new ICAL.Event(v);
    return {
      uid: event.uid,
      summary: event.summary,
      description: event.description,
      start: event.startDate.toJSDate().toISOString(),
      stamp: (v.getFirstPropertyValue('dtstamp') as ICAL.Time).toJSDate().toISOString(),
    };
  });
  return { calendar, events };
}

/** RFC 5545 §3.1: CRLF only, at most 75 octets a line, continuations start with one space. */
function expectWellFormedLines(text: string): void {
  expect(text.endsWith('\r\n')).toBe(true);
  expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  for (const line of text.slice(0, -2).split('\r\n')) {
    expect(Buffer.byteLength(line, 'utf8'), line).toBeLessThanOrEqual(75);
    expect(line).not.toMatch(/^ {2}|^\t/);
  }
}

const entries: ExpiryCalendarEntry[] = [
  {
    properties: props('www', { keyDescription: 'RSA 2048', issuerName: 'Self', x509ThumbprintString: 'AB12' }),
    policy: { issuerName: 'Self', lifetimeActions: [{ action: 'AutoRenew', lifetimePercentage: 80 }] },
  },
  {
    properties: props('api', { expiresOn: new Date('2026-06-30T15:30:00Z'), enabled: false }),
    policy: { issuerName: 'Unknown', lifetimeActions: [{ action: 'EmailContacts', daysBeforeExpiry: 30 }] },
  },
  { properties: props('pending', { version: undefined, notBefore: undefined, expiresOn: undefined, pending: true }) },
  { properties: props('no-policy') },
];

describe('expiryCalendar', () => {
  const text = expiryCalendar(entries, { now: NOW });

  it('is a VCALENDAR with PRODID and VERSION that ical.js reads', () => {
    const { calendar } = parse(text);
    expect(calendar.name).toBe('vcalendar');
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toBe('-//Certkeep//Expiry calendar//EN');
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Certkeep: certificate expiries (vault default)');
    expectWellFormedLines(text);
  });

  it('has one event per expiry and per lifetime-action date, in date order, stamped with now', () => {
    const { events } = parse(text);
    expect(events.map((e) => [e.start, e.summary])).toEqual([
      ['2026-05-31T15:30:00.000Z', 'Renewal reminder: certificate api (disabled)'],
      ['2026-06-30T15:30:00.000Z', 'Certificate api (disabled) expires'],
      // 80 % of 2026-01-01 … 2027-01-01 (365 days) is 292 days in.
      [new Date(Date.parse('2026-01-01T00:00:00Z') + 292 * DAY).toISOString(), 'Renewal due: certificate www'],
      // Same instant: ordered by UID, so the file does not depend on the list's order.
      ['2027-01-01T00:00:00.000Z', 'Certificate www expires'],
      ['2027-01-01T00:00:00.000Z', 'Certificate no-policy expires'],
    ]);
    expect(new Set(events.map((e) => e.stamp))).toEqual(new Set([NOW.toISOString()]));
    expect(events.find((e) => e.summary === 'Certificate www expires')?.description).toBe(
      [
        'The certificate www expires on 2027-01-01 00:00:00 UTC.',
        'Subject: CN=www.contoso.com',
        'Vault: default.vault.local',
        `Version: 03${'a'.repeat(30)}`,
        'Issuer: Self',
        'Key: RSA 2048',
        'SHA-1 thumbprint: AB12',
      ].join('\n'),
    );
  });

  it('gives stable, unique UIDs: the same input in any order is the same file', () => {
    const { events } = parse(text);
    const uids = events.map((e) => e.uid);
    expect(new Set(uids).size).toBe(uids.length);
    expect(uids).toContain(`expiry-03${'a'.repeat(30)}-www@default.vault.local`);
    expect(uids).toContain(`lifetime-0-03${'a'.repeat(30)}-www@default.vault.local`);
    expect(expiryCalendar([...entries].reverse(), { now: NOW })).toBe(text);
    expect(expiryCalendar(entries, { now: new Date(NOW.getTime() + 1000) })).not.toBe(text);
  });

  it('escapes and folds hostile names and subjects so they read back exactly', () => {
    const subject =
      'CN=evil\\, "x";y,z\nOU=line two\r\nO=ünïcødé 漢字 🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂 ' + 'é'.repeat(90);
    const name = 'semi;colon,comma\\back';
    const hostile = expiryCalendar(
      [{ properties: props(name, { subject: `${subject}\u0007bell` }), policy: { lifetimeActions: [] } }],
      { now: NOW, vaultName: 'a;b,c' },
    );
    expectWellFormedLines(hostile);
    expect(hostile).toContain('SUMMARY:Certificate semi\\;colon\\,comma\\\\back expires');
    const { calendar, events } = parse(hostile);
    // X- properties are TEXT by default (RFC 5545 §3.8.8.2); ical.js leaves unknown ones raw.
    expect(hostile).toContain('X-WR-CALNAME:Certkeep: certificate expiries (vault a\\;b\\,c)\r\n');
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(events).toHaveLength(1);
    expect(events[0]?.summary).toBe(`Certificate ${name} expires`);
    // Line breaks in the subject read back as \n; the bell (a control character TEXT forbids) as a space.
    expect(events[0]?.description).toContain(`Subject: ${subject.replace(/\r\n/g, '\n')} bell`);
    expect(events[0]?.uid).toBe(`expiry-${events[0]?.uid.slice(7, 39)}-${name.toLowerCase()}@default.vault.local`);
  });

  it('is an empty but valid calendar without certificates', () => {
    const empty = expiryCalendar([], { now: NOW });
    expect(parse(empty).events).toEqual([]);
    expect(empty).toBe(
      [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'PRODID:-//Certkeep//Expiry calendar//EN',
        'CALSCALE:GREGORIAN',
        'METHOD:PUBLISH',
        'X-WR-CALNAME:Certkeep: certificate expiries (vault default)',
        'END:VCALENDAR',
        '',
      ].join('\r\n'),
    );
  });
});

describe('the expiry calendar of a vault', () => {
  it('has the dates the vault lists', async () => {
    const { vault } = await makeVault();
    await vault.createCertificate('self-a', { subject: 'CN=a, O=Contoso', validityInMonths: 6 });
    await vault.createCertificate('self-b', {
      subject: 'CN=b',
      lifetimeActions: [{ action: 'EmailContacts', daysBeforeExpiry: 10 }],
    });
    const list: ExpiryCalendarEntry[] = [];
    for await (const properties of vault.listPropertiesOfCertificates())
      list.push({ properties, policy: await vault.getCertificatePolicy(properties.name) });
    const { events } = parse(expiryCalendar(list, { now: NOW }));
    expect(events).toHaveLength(4);
    for (const { properties } of list) {
      const expiry = events.find(
        (e) => e.uid === `expiry-${properties.version ?? ''}-${properties.name}@${new URL(properties.vaultUrl).host}`,
      );
      expect(expiry?.start).toBe(
        new Date(Math.floor((properties.expiresOn?.getTime() ?? 0) / 1000) * 1000).toISOString(),
      );
    }
    const reminder = events.find((e) => e.summary === 'Renewal reminder: certificate self-b');
    const b = list.find((e) => e.properties.name === 'self-b')?.properties.expiresOn?.getTime() ?? 0;
    expect(reminder?.start).toBe(new Date(Math.floor((b - 10 * DAY) / 1000) * 1000).toISOString());
  });
});
