/**
 * Keeps CertificateRecord.nextDueMs (indexed by byNextDue, schema v3) right on every write, so
 * runLifetimeActions reads only the certificates that are due: with 10 000 certificates and
 * nothing due, a run reads no certificate row at all instead of all 10 000.
 *
 * It wraps the store the vault uses (createVaultContext): each `put('certificates', row)` is
 * given the row's next due instant, computed from its policy and its latest version, the way
 * lifetime-schedule.ts says. Nothing else changes and no request is added, so the rule "only
 * IDB calls inside a write" still holds.
 *
 * `lifetimeSeen` is the run's note on the row ("this action was handled, look again at …"),
 * which keeps handled rows out of the due range. It is only a hint: if a write drops it, the
 * row comes back into range, the run finds the action done in its own index, and writes the
 * note again. A row written around the vault (a raw store in a test or bench fixture) has no
 * nextDueMs. Until a run has seen every row scheduled, runLifetimeActions compares the index
 * count with the row count and, when they differ, reads every row once; then it writes the
 * meta row `lifetimeSchedule`, and later runs trust the index. Counting is not free: Chromium
 * walks the whole store to count it (seconds at 100 000 rows), so it happens once per vault,
 * not once per run. Rows written around the vault after that are found when next written
 * through it, as the list index finds them (list-buckets.ts).
 */
import { lifetimeActionDueMs } from './lifetime-schedule';
import type { LifetimeAction } from './types';
import type { CertificateRecord, StoreTx, VaultStore, VersionSummary } from './vault-store';

/** What can fall due on a row: its latest version, if enabled, and its policy's (single) lifetime action. */
function dueParts(row: CertificateRecord): { latest: VersionSummary; action: LifetimeAction } | undefined {
  const latest = row.latest;
  const action = row.policy.lifetimeActions?.[0];
  if (!latest?.enabled || !action) return undefined;
  return { latest, action };
}

/** The lifetime action id of a row's latest version ("<version>/<action>"), or undefined when nothing can fall due. */
export function lifetimeIdOf(row: CertificateRecord): string | undefined {
  const parts = dueParts(row);
  return parts && `${parts.latest.version}/${parts.action.action}`;
}

/** When a run must next look at `row` (Infinity: never, until the row changes). */
export function nextDueMsOf(row: CertificateRecord): number {
  const parts = dueParts(row);
  if (!parts) return Infinity;
  const seen = row.lifetimeSeen;
  if (seen?.id === `${parts.latest.version}/${parts.action.action}`) return seen.nextMs;
  const due = lifetimeActionDueMs(parts.action, +parts.latest.notBefore, +parts.latest.expiresOn);
  // A malformed action (no trigger) is never due.
  return Number.isNaN(due) ? Infinity : due;
}

/** The row as it should be stored: nextDueMs computed, a stale `lifetimeSeen` dropped. */
export function scheduled(row: CertificateRecord): CertificateRecord {
  const id = lifetimeIdOf(row);
  const { lifetimeSeen, ...rest } = row;
  const out: CertificateRecord = lifetimeSeen && lifetimeSeen.id === id ? { ...rest, lifetimeSeen } : rest;
  out.nextDueMs = nextDueMsOf(out);
  return out;
}

/**
 * The meta row saying every certificate row carries a nextDueMs (see above), with a floor: no
 * row's nextDueMs is below `floorMs`. A run reads the due range from the floor, not from the
 * start of the index, because a catch-up that moves thousands of rows out of the range leaves
 * their old index entries behind as deletions that IndexedDB (LevelDB) walks on every later
 * scan until it compacts them: 2 ms before a catch-up of 24 000 rows, 200 ms after it.
 */
const SCHEDULE_META = 'lifetimeSchedule';

export interface Schedule {
  floorMs: number;
}

/** The schedule, once a run has seen every certificate row scheduled; undefined before. */
export async function readSchedule(tx: StoreTx): Promise<Schedule | undefined> {
  const value = (await tx.get('meta', SCHEDULE_META))?.value;
  if (value === undefined) return undefined;
  // A row without a numeric floor bounds nothing.
  const floorMs: unknown =
    typeof value === 'object' && value !== null && 'floorMs' in value ? value.floorMs : undefined;
  return { floorMs: typeof floorMs === 'number' ? floorMs : -Infinity };
}

/** Inside a write, after a run that left every row scheduled and none below `floorMs`. */
export function writeSchedule(tx: StoreTx, floorMs: number): Promise<void> {
  return tx.put('meta', { key: SCHEDULE_META, value: { floorMs } satisfies Schedule });
}

/** Inside a write: a row stored with `nextDueMs` below the floor lowers it. */
async function keepFloorBelow(tx: StoreTx, nextDueMs: number | undefined): Promise<void> {
  if (typeof nextDueMs !== 'number' || !Number.isFinite(nextDueMs)) return;
  const schedule = await readSchedule(tx);
  if (schedule && nextDueMs < schedule.floorMs) await writeSchedule(tx, nextDueMs);
}

/** The vault's store with nextDueMs maintained on every certificate write. */
export function withLifetimeDueIndex(store: VaultStore): VaultStore {
  return {
    name: store.name,
    read: (fn) => store.read(fn),
    write: (fn) => store.write((tx) => fn(scheduling(tx))),
    close: () => store.close(),
  };
}

/**
 * `tx` whose certificate puts store the row `scheduled` and keep the floor below it. Every other
 * member is tx's own, bound to it (tx may be a class instance), so a method StoreTx gains later
 * passes through without this file having to know it.
 */
function scheduling(tx: StoreTx): StoreTx {
  const put: StoreTx['put'] = async (name, value) => {
    if (name !== 'certificates') return tx.put(name, value);
    const row = scheduled(value as CertificateRecord);
    await tx.put('certificates', row);
    await keepFloorBelow(tx, row.nextDueMs);
  };
  return new Proxy(tx, {
    get(target, property): unknown {
      if (property === 'put') return put;
      const member: unknown = Reflect.get(target, property);
      return typeof member === 'function' ? member.bind(target) : member;
    },
  });
}
