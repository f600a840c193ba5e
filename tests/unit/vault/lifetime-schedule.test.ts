import { describe, expect, it } from 'vitest';
import {
  daysUntilExpiry,
  expiryPhrase,
  isLifetimeActionDue,
  lifetimeActionDueMs,
} from '../../../src/vault/lifetime-schedule';
import type { LifetimeAction } from '../../../src/vault/types';

const t = (iso: string) => Date.parse(iso);
// A 2026 certificate: exactly 365 days of validity.
const NB = t('2026-01-01T00:00:00Z');
const EXP = t('2027-01-01T00:00:00Z');

describe('lifetimeActionDueMs', () => {
  const cases: { name: string; action: LifetimeAction; want: string | null }[] = [
    {
      name: '30 days before expiry',
      action: { action: 'EmailContacts', daysBeforeExpiry: 30 },
      want: '2026-12-02T00:00:00.000Z',
    },
    {
      name: '1 day before expiry',
      action: { action: 'AutoRenew', daysBeforeExpiry: 1 },
      want: '2026-12-31T00:00:00.000Z',
    },
    {
      name: '80 % of 365 days = day 292',
      action: { action: 'AutoRenew', lifetimePercentage: 80 },
      want: '2026-10-20T00:00:00.000Z',
    },
    {
      name: '1 % of 365 days = 3.65 days',
      action: { action: 'EmailContacts', lifetimePercentage: 1 },
      want: '2026-01-04T15:36:00.000Z',
    },
    { name: '99 %', action: { action: 'EmailContacts', lifetimePercentage: 99 }, want: '2026-12-28T08:24:00.000Z' },
    { name: 'no trigger: never due', action: { action: 'EmailContacts' }, want: null },
  ];
  it.each(cases)('$name', ({ action, want }) => {
    const due = lifetimeActionDueMs(action, NB, EXP);
    if (want === null) expect(due).toBeNaN();
    else expect(new Date(due).toISOString()).toBe(want);
  });
});

describe('isLifetimeActionDue (edges: the due instant itself is due, one ms before is not)', () => {
  const days30: LifetimeAction = { action: 'EmailContacts', daysBeforeExpiry: 30 };
  const pct80: LifetimeAction = { action: 'AutoRenew', lifetimePercentage: 80 };
  const cases: { name: string; action: LifetimeAction; now: string; want: boolean }[] = [
    { name: 'days: a day early', action: days30, now: '2026-12-01T00:00:00Z', want: false },
    { name: 'days: 1 ms early', action: days30, now: '2026-12-01T23:59:59.999Z', want: false },
    { name: 'days: exactly due', action: days30, now: '2026-12-02T00:00:00Z', want: true },
    { name: 'days: after expiry still due', action: days30, now: '2027-02-01T00:00:00Z', want: true },
    { name: 'pct: 1 ms early', action: pct80, now: '2026-10-19T23:59:59.999Z', want: false },
    { name: 'pct: exactly due', action: pct80, now: '2026-10-20T00:00:00Z', want: true },
    { name: 'pct: before notBefore', action: pct80, now: '2025-06-01T00:00:00Z', want: false },
    { name: 'no trigger', action: { action: 'AutoRenew' }, now: '2030-01-01T00:00:00Z', want: false },
  ];
  it.each(cases)('$name', ({ action, now, want }) => {
    expect(isLifetimeActionDue(action, NB, EXP, t(now))).toBe(want);
  });
});

describe('expiry wording', () => {
  const cases: { now: string; days: number; want: string }[] = [
    { now: '2026-12-02T00:00:00Z', days: 30, want: 'expires in 30 days, on 2027-01-01' },
    // Calendar days: a second into the day still counts that whole day.
    { now: '2026-12-02T00:00:01Z', days: 30, want: 'expires in 30 days, on 2027-01-01' },
    { now: '2026-12-31T00:00:00Z', days: 1, want: 'expires in 1 day, on 2027-01-01' },
    { now: '2026-12-31T23:59:59Z', days: 1, want: 'expires in 1 day, on 2027-01-01' },
    { now: '2027-01-01T00:00:00Z', days: 0, want: 'expired today, on 2027-01-01' },
    { now: '2027-01-03T00:00:00Z', days: -2, want: 'expired 2 days ago, on 2027-01-01' },
  ];
  it.each(cases)('$now → $want', ({ now, days, want }) => {
    expect(daysUntilExpiry(EXP, t(now))).toBe(days);
    expect(expiryPhrase(EXP, t(now))).toBe(want);
  });
});
