import { afterEach, describe, expect, it } from 'vitest';
import {
  formatClaim,
  isOpen,
  LIFETIME_INDEX_META,
  nextLookMs,
  parseClaim,
  readLifetimeIndex,
  writeLifetimeIndex,
  type ClaimState,
} from '../../../src/vault/lifetime-claims';
import { cleanupContexts, freshContext } from './crypto-client-seed';

afterEach(cleanupContexts);

const ms = (iso: string) => Date.parse(iso);
const TODAY = '2026-10-20';
const NOW = ms('2026-10-20T12:00:00Z');

describe('the stored form of a claim', () => {
  // The values earlier releases wrote into the lifetime index row, and what they mean.
  const stored: { stored: unknown; want: ClaimState | undefined }[] = [
    { stored: 'done', want: { kind: 'done' } },
    { stored: 'failed:2026-10-20', want: { kind: 'failed', day: '2026-10-20' } },
    { stored: 1792490400000, want: { kind: 'claimed', atMs: 1792490400000 } },
    { stored: 'failed:', want: undefined },
    { stored: 'failed:yesterday', want: undefined },
    { stored: 'Done', want: undefined },
    { stored: Number.NaN, want: undefined },
    { stored: null, want: undefined },
    { stored: { kind: 'done' }, want: undefined },
  ];
  it.each(stored)('$stored → $want', ({ stored: value, want }) => {
    expect(parseClaim(value)).toEqual(want);
  });

  it('format is parse reversed, for every kind', () => {
    const states: ClaimState[] = [
      { kind: 'done' },
      { kind: 'failed', day: '2027-01-31' },
      { kind: 'claimed', atMs: ms('2026-10-20T11:50:00Z') },
    ];
    for (const state of states) expect(parseClaim(formatClaim(state))).toEqual(state);
    expect(states.map(formatClaim)).toEqual(['done', 'failed:2027-01-31', ms('2026-10-20T11:50:00Z')]);
  });
});

describe('when an action is open, and when to look again', () => {
  const table: { name: string; state: ClaimState | undefined; open: boolean; next: number }[] = [
    { name: 'nothing ran', state: undefined, open: true, next: -Infinity },
    { name: 'done', state: { kind: 'done' }, open: false, next: Infinity },
    {
      name: 'failed today: from the next UTC midnight',
      state: { kind: 'failed', day: TODAY },
      open: false,
      next: ms('2026-10-21T00:00:00Z'),
    },
    { name: 'failed on an earlier day', state: { kind: 'failed', day: '2026-10-19' }, open: true, next: -Infinity },
    {
      name: 'claimed 10 minutes ago: a live run',
      state: { kind: 'claimed', atMs: ms('2026-10-20T11:50:00Z') },
      open: false,
      next: ms('2026-10-20T12:05:00.001Z'),
    },
    {
      name: 'claimed 15 minutes ago exactly: not yet stale',
      state: { kind: 'claimed', atMs: ms('2026-10-20T11:45:00Z') },
      open: false,
      next: NOW + 1,
    },
    {
      name: 'claimed over 15 minutes ago: stale',
      state: { kind: 'claimed', atMs: ms('2026-10-20T11:44:59Z') },
      open: true,
      next: ms('2026-10-20T11:59:59.001Z'),
    },
  ];
  it.each(table)('$name', ({ state, open, next }) => {
    expect(isOpen(state, NOW, TODAY)).toBe(open);
    expect(nextLookMs(state, TODAY)).toBe(next);
  });
});

describe('the lifetime index row', () => {
  it('reads what an earlier release wrote, and writes the same form back', async () => {
    const ctx = await freshContext('claims');
    const written = {
      'web/aaaa/EmailContacts': 'done',
      'api/bbbb/AutoRenew': 'failed:2026-10-19',
      'db/cccc/AutoRenew': ms('2026-10-20T11:50:00Z'),
      'odd/dddd/AutoRenew': 'something else',
    };
    await ctx.store.write((tx) => tx.put('meta', { key: LIFETIME_INDEX_META, value: written }));
    const index = await ctx.store.read((tx) => readLifetimeIndex(tx));
    expect([...index]).toEqual([
      ['web/aaaa/EmailContacts', { kind: 'done' }],
      ['api/bbbb/AutoRenew', { kind: 'failed', day: '2026-10-19' }],
      ['db/cccc/AutoRenew', { kind: 'claimed', atMs: ms('2026-10-20T11:50:00Z') }],
    ]);
    await ctx.store.write((tx) => writeLifetimeIndex(tx, index));
    // the value it could not read is dropped; the rest is written exactly as before
    expect(await ctx.store.read((tx) => tx.get('meta', LIFETIME_INDEX_META))).toEqual({
      key: LIFETIME_INDEX_META,
      value: {
        'web/aaaa/EmailContacts': 'done',
        'api/bbbb/AutoRenew': 'failed:2026-10-19',
        'db/cccc/AutoRenew': ms('2026-10-20T11:50:00Z'),
      },
    });
  });

  it('no row yet, or a row that is not an object: nothing ran', async () => {
    const ctx = await freshContext('claims');
    expect((await ctx.store.read((tx) => readLifetimeIndex(tx))).size).toBe(0);
    await ctx.store.write((tx) => tx.put('meta', { key: LIFETIME_INDEX_META, value: 'garbage' }));
    expect((await ctx.store.read((tx) => readLifetimeIndex(tx))).size).toBe(0);
  });
});
