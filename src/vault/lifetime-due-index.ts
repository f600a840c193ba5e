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
 * nextDueMs; runLifetimeActions notices (the index count differs from the row count) and
 * falls back to reading every row.
 */
import { lifetimeActionDueMs } from './lifetime-schedule';
import type { CertificateRecord, StoreTx, VaultStore } from './vault-store';

/** The lifetime action id of a row's latest version ("<version>/<action>"), or undefined when nothing can fall due. */
export function lifetimeIdOf(row: CertificateRecord): string | undefined {
  const latest = row.latest;
  const action = row.policy?.lifetimeActions?.[0];
  if (!latest || !latest.enabled || !action) return undefined;
  return `${latest.version}/${action.action}`;
}

/** When a run must next look at `row` (Infinity: never, until the row changes). */
export function nextDueMsOf(row: CertificateRecord): number {
  const id = lifetimeIdOf(row);
  if (id === undefined) return Infinity;
  if (row.lifetimeSeen?.id === id && typeof row.lifetimeSeen.nextMs === 'number') return row.lifetimeSeen.nextMs;
  const due = lifetimeActionDueMs(row.policy.lifetimeActions![0]!, +row.latest!.notBefore, +row.latest!.expiresOn);
  // A malformed action (no trigger) is never due.
  return Number.isNaN(due) ? Infinity : due;
}

/** The row as it should be stored: nextDueMs computed, a stale `lifetimeSeen` dropped. */
export function scheduled(row: CertificateRecord): CertificateRecord {
  const id = lifetimeIdOf(row);
  const { lifetimeSeen, ...rest } = row;
  const keep = lifetimeSeen && lifetimeSeen.id === id ? { lifetimeSeen } : {};
  const out: CertificateRecord = { ...rest, ...keep };
  out.nextDueMs = nextDueMsOf(out);
  return out;
}

/** The vault's store with nextDueMs maintained on every certificate write. */
export function withLifetimeDueIndex(store: VaultStore): VaultStore {
  const wrapTx = (tx: StoreTx): StoreTx => ({
    ...bind(tx),
    put: (name, value) =>
      name === 'certificates' ? tx.put('certificates', scheduled(value as CertificateRecord)) : tx.put(name, value),
  });
  return {
    name: store.name,
    read: (fn) => store.read(fn),
    write: (fn) => store.write((tx) => fn(wrapTx(tx))),
    close: () => store.close(),
  };
}

/** The tx's methods bound to it (it may be a class instance or a plain object). */
function bind(tx: StoreTx): StoreTx {
  return {
    get: (s, k) => tx.get(s, k),
    put: (s, v) => tx.put(s, v),
    delete: (s, k) => tx.delete(s, k),
    getAll: (s, o) => tx.getAll(s, o),
    count: (s) => tx.count(s),
    versionsOf: (k) => tx.versionsOf(k),
    keysOf: (k) => tx.keysOf(k),
    lifetimeLogOf: (k) => tx.lifetimeLogOf(k),
    certificatesDueBy: (ms) => tx.certificatesDueBy(ms),
    countScheduledCertificates: () => tx.countScheduledCertificates(),
  };
}
