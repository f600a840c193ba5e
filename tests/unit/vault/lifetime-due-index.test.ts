import { afterEach, describe, expect, it } from 'vitest';
import { omit } from '../../support/omit';
import { openDB } from 'idb';
import { openIdbVaultStore, vaultDbName, deleteVaultDatabase } from '../../../src/store/idb-vault-store';
import { upgradeVaultDb, type VaultDbSchema } from '../../../src/store/schema';
import { createVaultContext, type VaultContext } from '../../../src/vault/context';
import { nextDueMsOf, scheduled } from '../../../src/vault/lifetime-due-index';
import { runLifetimeActions, type RenewFn } from '../../../src/vault/lifetime-actions';
import type { CertificateRecord, StoreTx, VaultStore, VersionSummary } from '../../../src/vault/vault-store';
import { cleanupContexts, freshContext } from './crypto-client-seed';

afterEach(cleanupContexts);

const at = (iso: string) => new Date(iso);
const NB = at('2026-01-01T00:00:00Z');
const EXP = at('2027-01-01T00:00:00Z');

const LATEST: VersionSummary = {
  version: 'a'.repeat(32),
  ordinal: 0,
  enabled: true,
  notBefore: NB,
  expiresOn: EXP,
  createdOn: NB,
  updatedOn: NB,
  tags: {},
  x509Thumbprint: 'AB'.repeat(20),
  sha256Fingerprint: 'CD'.repeat(32),
  subject: 'CN=test',
};

function row(
  name: string,
  action: 'EmailContacts' | 'AutoRenew' = 'EmailContacts',
  extra: Partial<CertificateRecord> = {},
): CertificateRecord {
  return {
    key: name.toLowerCase(),
    name,
    policy: { issuerName: 'Self', lifetimeActions: [{ action, daysBeforeExpiry: 30 }] },
    createdOn: NB,
    updatedOn: NB,
    latest: { ...LATEST, subject: `CN=${name}` },
    versionCount: 1,
    ...extra,
  };
}

/** The context's store, counting how many certificate rows each read returns and how often a store is counted. */
function counting(ctx: VaultContext): {
  ctx: VaultContext;
  rowsRead: () => number;
  countsTaken: () => number;
  lifetimeIndexReads: () => number;
  reset: () => void;
} {
  let rows = 0;
  let counts = 0;
  let indexReads = 0;
  const spy = (tx: StoreTx): StoreTx => ({
    ...tx,
    get: (...args) => {
      if (args[0] === 'meta' && args[1] === 'lifetimeIndex') indexReads++;
      return tx.get(...args);
    },
    count: (...args) => {
      counts++;
      return tx.count(...args);
    },
    countScheduledCertificates: () => {
      counts++;
      return tx.countScheduledCertificates();
    },
    getAll: async (s, o) => {
      const r = await tx.getAll(s, o);
      if (s === 'certificates') rows += r.length;
      return r;
    },
    certificatesDueBy: async (ms) => {
      const r = await tx.certificatesDueBy(ms);
      rows += r.length;
      return r;
    },
  });
  const store: VaultStore = {
    ...ctx.store,
    read: (fn) => ctx.store.read((tx) => fn(spy(tx))),
    write: (fn) => ctx.store.write((tx) => fn(spy(tx))),
  };
  return {
    ctx: { ...ctx, store },
    rowsRead: () => rows,
    countsTaken: () => counts,
    lifetimeIndexReads: () => indexReads,
    reset: () => {
      rows = 0;
      counts = 0;
      indexReads = 0;
    },
  };
}

describe('nextDueMs', () => {
  const cases: { name: string; r: CertificateRecord; want: number }[] = [
    { name: '30 days before expiry', r: row('a'), want: +at('2026-12-02T00:00:00Z') },
    {
      name: 'disabled latest version: never',
      r: row('b', 'EmailContacts', { latest: { ...LATEST, enabled: false } }),
      want: Infinity,
    },
    { name: 'pending only: never', r: row('c', 'EmailContacts', { latest: undefined }), want: Infinity },
    { name: 'no action: never', r: row('d', 'EmailContacts', { policy: { lifetimeActions: [] } }), want: Infinity },
    {
      name: 'handled: the note decides',
      r: row('e', 'EmailContacts', { lifetimeSeen: { id: `${'a'.repeat(32)}/EmailContacts`, nextMs: Infinity } }),
      want: Infinity,
    },
    {
      name: 'a note for another version is ignored',
      r: row('f', 'EmailContacts', { lifetimeSeen: { id: `${'b'.repeat(32)}/EmailContacts`, nextMs: Infinity } }),
      want: +at('2026-12-02T00:00:00Z'),
    },
  ];
  it.each(cases)('$name', ({ r, want }) => {
    expect(nextDueMsOf(r)).toBe(want);
    expect(scheduled(r).nextDueMs).toBe(want);
  });

  it('is written on every certificate put through the vault store, and a stale note is dropped', async () => {
    const ctx = await freshContext('due');
    await ctx.store.write((tx) =>
      tx.put('certificates', row('Web', 'EmailContacts', { lifetimeSeen: { id: 'old/EmailContacts', nextMs: 5 } })),
    );
    const stored = await ctx.store.read((tx) => tx.get('certificates', 'web'));
    expect(stored?.nextDueMs).toBe(+at('2026-12-02T00:00:00Z'));
    expect(stored?.lifetimeSeen).toBeUndefined();
  });

  it("passes every other member of the store's transaction through, bound to it", async () => {
    const base = await freshContext('due');
    // A transaction that is a class instance with a member StoreTx does not declare (yet).
    class ExtendedTx {
      constructor(private readonly marker: string) {}
      describe(): string {
        return `tx ${this.marker}`;
      }
    }
    const store: VaultStore = {
      ...base.store,
      write: (fn) => base.store.write((tx) => fn(Object.assign(new ExtendedTx('seen'), tx))),
    };
    const ctx = createVaultContext(store);
    const said = await ctx.store.write(async (tx) => {
      await tx.put('certificates', row('Web'));
      return (tx as unknown as ExtendedTx).describe();
    });
    expect(said).toBe('tx seen');
    expect((await ctx.store.read((tx) => tx.get('certificates', 'web')))?.nextDueMs).toBe(+at('2026-12-02T00:00:00Z'));
  });
});

describe('runLifetimeActions reads only what is due', () => {
  it('nothing due: no certificate row is read; handled rows leave the due range', async () => {
    const clock = { value: at('2026-06-01T00:00:00Z') };
    const base = await freshContext('due', clock);
    await base.store.write(async (tx) => {
      for (let i = 0; i < 50; i++) await tx.put('certificates', row(`c${i}`, i === 0 ? 'AutoRenew' : 'EmailContacts'));
    });
    const { ctx, rowsRead, reset } = counting(base);
    expect(await runLifetimeActions(ctx)).toEqual([]);
    expect(rowsRead()).toBe(0);

    clock.value = at('2026-12-10T00:00:00Z');
    const failing: RenewFn = () => Promise.reject(new Error('no'));
    const events = await runLifetimeActions(ctx, failing);
    expect(events.filter((e) => e.kind === 'notify')).toHaveLength(49);
    expect(events.filter((e) => e.kind === 'renewalFailed')).toHaveLength(1);
    const stored = await base.store.read((tx) => tx.getAll('certificates'));
    expect(stored.filter((r) => r.nextDueMs === Infinity)).toHaveLength(49);
    // The failed renewal is looked at again from the next UTC midnight.
    expect(stored.find((r) => r.key === 'c0')?.nextDueMs).toBe(+at('2026-12-11T00:00:00Z'));

    reset();
    expect(await runLifetimeActions(ctx, failing)).toEqual([]);
    expect(rowsRead()).toBe(0);
    clock.value = at('2026-12-11T00:00:00Z');
    expect((await runLifetimeActions(ctx, failing)).map((e) => e.kind)).toEqual(['renewalFailed']);
    expect(rowsRead()).toBe(1);
  });

  it('counts the stores only until a run has seen the schedule complete (counting walks the whole store)', async () => {
    const clock = { value: at('2026-06-01T00:00:00Z') };
    const base = await freshContext('due', clock);
    await base.store.write((tx) => tx.put('certificates', row('Web')));
    const { ctx, rowsRead, countsTaken, lifetimeIndexReads, reset } = counting(base);
    expect(await runLifetimeActions(ctx)).toEqual([]);
    expect(countsTaken()).toBe(2);
    reset();
    expect(await runLifetimeActions(ctx)).toEqual([]);
    expect(await runLifetimeActions(ctx)).toEqual([]);
    expect(countsTaken()).toBe(0);
    expect(rowsRead()).toBe(0);
    // Nothing due: not even the lifetime index (a row of every handled action) is read.
    expect(lifetimeIndexReads()).toBe(0);

    // From then on a row written around the vault is found when next written through it.
    const raw = await openIdbVaultStore(base.name);
    await raw.write((tx) => tx.put('certificates', row('Raw')));
    raw.close();
    clock.value = at('2026-12-10T00:00:00Z');
    expect((await runLifetimeActions(ctx)).map((e) => e.certificateName)).toEqual(['Web']);
    await base.store.write(async (tx) => {
      const stored = await tx.get('certificates', 'raw');
      if (!stored) throw new Error('the row is missing');
      await tx.put('certificates', stored);
    });
    expect((await runLifetimeActions(ctx)).map((e) => e.certificateName)).toEqual(['Raw']);
    expect(countsTaken()).toBe(0);
  });

  it('reads the due range from a floor, so entries a catch-up moved out are not walked again; an older due lowers it', async () => {
    const clock = { value: at('2026-12-10T00:00:00Z') };
    const base = await freshContext('due', clock);
    await base.store.write(async (tx) => {
      for (let i = 0; i < 20; i++) await tx.put('certificates', row(`c${i}`));
    });
    const froms: (number | undefined)[] = [];
    const ctx: VaultContext = {
      ...base,
      store: {
        ...base.store,
        read: (fn) =>
          base.store.read((tx) =>
            fn({
              ...tx,
              get: (...a) => tx.get(...a),
              certificatesDueBy: (ms, fromMs) => {
                froms.push(fromMs);
                return tx.certificatesDueBy(ms, fromMs);
              },
            }),
          ),
      },
    };
    expect(await runLifetimeActions(ctx)).toHaveLength(20);
    // Every handled row left the range (due 2026-12-02, now "never"): the floor is the run's now.
    expect(await runLifetimeActions(ctx)).toEqual([]);
    expect(froms.at(-1)).toBe(+clock.value);

    // A certificate due long before that floor, stored later (an import of one that expires soon).
    clock.value = at('2026-12-11T00:00:00Z');
    await base.store.write((tx) =>
      tx.put(
        'certificates',
        row('Late', 'EmailContacts', { latest: { ...LATEST, expiresOn: at('2026-12-20T00:00:00Z') } }),
      ),
    );
    expect((await runLifetimeActions(ctx)).map((e) => e.certificateName)).toEqual(['Late']);
    expect(froms.at(-1)).toBe(+at('2026-11-20T00:00:00Z'));
    expect(await runLifetimeActions(ctx)).toEqual([]);
    expect(froms.at(-1)).toBe(+clock.value);
  });

  it('a row stored between the read and the write of a run (another tab) keeps the floor below its due', async () => {
    const clock = { value: at('2026-12-10T00:00:00Z') };
    const base = await freshContext('due', clock);
    await base.store.write((tx) => tx.put('certificates', row('First')));
    expect(await runLifetimeActions(base)).toHaveLength(1);
    await base.store.write((tx) => tx.put('certificates', row('Second')));
    let interleave = true;
    const ctx: VaultContext = {
      ...base,
      store: {
        ...base.store,
        write: async (fn) => {
          if (interleave) {
            interleave = false;
            // Due 2026-12-05: above the floor Second lowered it to (2026-12-02), below the one this run would leave (now).
            await base.store.write((tx) =>
              tx.put(
                'certificates',
                row('Other', 'EmailContacts', { latest: { ...LATEST, expiresOn: at('2027-01-04T00:00:00Z') } }),
              ),
            );
          }
          return base.store.write(fn);
        },
      },
    };
    expect((await runLifetimeActions(ctx)).map((e) => e.certificateName)).toEqual(['Second']);
    expect((await runLifetimeActions(base)).map((e) => e.certificateName)).toEqual(['Other']);
  });

  it('a policy write that drops the note brings the row back once, without a second event', async () => {
    const clock = { value: at('2026-12-10T00:00:00Z') };
    const ctx = await freshContext('due', clock);
    await ctx.store.write((tx) => tx.put('certificates', row('Web')));
    expect(await runLifetimeActions(ctx)).toHaveLength(1);
    // e.g. updateCertificatePolicy rebuilding the row without lifetimeSeen
    await ctx.store.write(async (tx) => {
      const stored = await tx.get('certificates', 'web');
      if (!stored) throw new Error('the row is missing');
      await tx.put('certificates', { ...omit(stored, 'lifetimeSeen'), updatedOn: new Date() });
    });
    expect((await ctx.store.read((tx) => tx.get('certificates', 'web')))?.nextDueMs).toBe(+at('2026-12-02T00:00:00Z'));
    expect(await runLifetimeActions(ctx)).toEqual([]);
    expect((await ctx.store.read((tx) => tx.get('certificates', 'web')))?.nextDueMs).toBe(Infinity);
  });

  it('rows written around the vault (no nextDueMs) are still found, by one complete read, and healed', async () => {
    const clock = { value: at('2026-12-10T00:00:00Z') };
    const base = await freshContext('due', clock);
    const raw = await openIdbVaultStore(base.name);
    await raw.write(async (tx) => {
      await tx.put('certificates', row('Due'));
      await tx.put(
        'certificates',
        row('Later', 'EmailContacts', {
          policy: { lifetimeActions: [{ action: 'EmailContacts', daysBeforeExpiry: 1 }] },
        }),
      );
    });
    raw.close();
    const { ctx, rowsRead, reset } = counting(base);
    expect((await runLifetimeActions(ctx)).map((e) => e.certificateName)).toEqual(['Due']);
    expect(rowsRead()).toBe(2);
    const stored = await base.store.read((tx) => tx.getAll('certificates'));
    expect(stored.map((r) => [r.name, r.nextDueMs])).toEqual([
      ['Due', Infinity],
      ['Later', +at('2026-12-31T00:00:00Z')],
    ]);
    reset();
    expect(await runLifetimeActions(ctx)).toEqual([]);
    expect(rowsRead()).toBe(0);
  });
});

describe('schema v2 → v3', () => {
  it('adds byNextDue and marks existing rows "look now"; the first run finds what is due and fixes the rest', async () => {
    const name = `due-upgrade-${Date.now()}`;
    const v2 = await openDB<VaultDbSchema>(vaultDbName(name), 2, { upgrade: upgradeVaultDb });
    const tx = v2.transaction('certificates', 'readwrite');
    await tx.store.put(row('Due'));
    await tx.store.put(
      row('NotYet', 'EmailContacts', {
        policy: { lifetimeActions: [{ action: 'EmailContacts', daysBeforeExpiry: 1 }] },
      }),
    );
    await tx.done;
    v2.close();

    const store = await openIdbVaultStore(name);
    try {
      const rows = await store.read((t) => t.getAll('certificates'));
      expect(rows.map((r) => r.nextDueMs)).toEqual([0, 0]);
      expect(await store.read((t) => t.countScheduledCertificates())).toBe(2);
      const ctx = createVaultContext(store, () => at('2026-12-10T00:00:00Z'));
      expect((await runLifetimeActions(ctx)).map((e) => e.certificateName)).toEqual(['Due']);
      const after = await store.read((t) => t.getAll('certificates'));
      expect(after.map((r) => r.nextDueMs)).toEqual([Infinity, +at('2026-12-31T00:00:00Z')]);
    } finally {
      store.close();
      await deleteVaultDatabase(name);
    }
  });
});
