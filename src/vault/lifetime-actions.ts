/**
 * runLifetimeActions: each certificate's policy has at most one lifetime action; when it falls
 * due (lifetime-schedule.ts) for the latest version, EmailContacts yields a 'notify' event and
 * AutoRenew makes a new version (createVersion, same policy, tags copied; a new key unless
 * reuseKey) and yields 'renewed', or 'renewalFailed' — never a throw.
 *
 * Key Vault notifies contacts before an auto-renewal and again after it (success, or an error
 * that needs a manual renewal). Here the renewal happens in the same instant the action falls
 * due, so the two notices would arrive together: the 'renewed' / 'renewalFailed' event is the
 * single notice, carrying the contacts and the old version's expiry ("expires in N days").
 *
 * Idempotent: what ran is recorded per "<certificate>/<version>/<action>" (the lifetime index of
 * lifetime-claims.ts, and the event in the lifetime log), so a second run yields nothing new until a new version
 * falls due. Work is claimed inside a write transaction before it starts, so two runs at once
 * (page and service worker) cannot both notify or both renew. A failed renewal is retried once
 * per UTC day: a pending request or a full disk may clear up, and one 'renewalFailed' a day is
 * a reminder, not spam.
 *
 * In a locked protected vault (the service worker never holds an unlock) a renewal with a new
 * key works: the key is sealed to the vault's sealing public key (access/key-access.ts). One
 * whose signature needs a sealed key cannot (a Self certificate reusing its key, or any
 * certificate of a Local issuer whose CA key is sealed; a device-bound CA key signs while
 * locked): it yields 'renewalFailed' saying it runs after unlock, waits in the index
 * ('afterUnlock', no repeated notice), and the next run of an unlocked vault renews it.
 *
 * Speed: only the certificate rows whose nextDueMs has passed are read (index byNextDue, kept
 * by lifetime-due-index.ts; each row carries its policy and a copy of the latest version's
 * attributes), plus the one lifetime index row when any is. Versions are never read. Rows this run handled,
 * or found not due after all, get a note that moves their nextDueMs past now, so the next run
 * does not read them again.
 */
import { readHeader } from './access/access-store';
import type { VaultContext } from './context';
import {
  isOpen,
  nextLookMs,
  readLifetimeIndex,
  writeLifetimeIndex,
  type ClaimState,
  type LifetimeIndex,
} from './lifetime-claims';
import { expiryPhrase, isLifetimeActionDue, lifetimeActionDueMs, daysUntilExpiry, utcDay } from './lifetime-schedule';
import { lifetimeIdOf, nextDueMsOf, readSchedule, writeSchedule } from './lifetime-due-index';
import type {
  CertificateContact,
  CreateCertificateOptions,
  KeyVaultCertificateWithPolicy,
  LifetimeAction,
  LifetimeEvent,
} from './types';
import { isVaultError } from './vault-error';
import {
  CONTACTS_KEY,
  type CertificateRecord,
  type LifetimeLogRecord,
  type StoreTx,
  type VersionSummary,
} from './vault-store';

/** How AutoRenew makes the new version (createVersion; tests inject failures). */
export type RenewFn = (
  ctx: VaultContext,
  name: string,
  options: CreateCertificateOptions,
) => Promise<KeyVaultCertificateWithPolicy>;

/** createVersion, loaded only when something is due for renewal: a scan needs no PKI code. */
const renewWithPolicy: RenewFn = async (ctx, name, options) =>
  (await import('./create')).createVersion(ctx, name, options);

interface Due {
  cert: CertificateRecord;
  /** the certificate's latest version, whose action fell due */
  latest: VersionSummary;
  action: LifetimeAction;
  /** "<certificate key>/<version>/<action>" */
  id: string;
  dueMs: number;
}

/** Runs what fell due since the last run; returns the events for the UI and the service worker. */
export async function runLifetimeActions(
  ctx: VaultContext,
  renew: RenewFn = renewWithPolicy,
): Promise<LifetimeEvent[]> {
  const now = ctx.now();
  const nowMs = now.getTime();
  const today = utcDay(nowMs);

  const scan = await ctx.store.read(async (tx) => {
    // Only the rows whose nextDueMs has passed (lifetime-due-index.ts), unless some row was
    // written around the vault and carries none: then every row, once, and they get one. The
    // counts are compared only until a run has seen the schedule complete.
    const schedule = await readSchedule(tx);
    const known = schedule !== undefined;
    const complete = !known && (await tx.countScheduledCertificates()) !== (await tx.count('certificates'));
    const rows = complete ? await tx.getAll('certificates') : await tx.certificatesDueBy(nowMs, schedule?.floorMs);
    // Nothing due (most runs): the lifetime index, one row per handled action, need not be read.
    if (rows.length === 0) return { rows, complete, schedule, open: [], contacts: [], locked: false };
    const index = await readLifetimeIndex(tx);
    const header = await readHeader(tx);
    const locked = header !== undefined && ctx.access.unlocked?.headerId !== header.id;
    const due = findDue(rows, nowMs);
    const open = due.filter((d) => isOpen(index.get(d.id), nowMs, today, locked));
    const contacts = open.length > 0 ? ((await tx.get('contacts', CONTACTS_KEY))?.contacts ?? []) : [];
    return { rows, complete, schedule, open, contacts, locked };
  });
  const { rows, complete, schedule, open: candidates, contacts, locked } = scan;
  const openKeys = new Set(candidates.map((d) => d.cert.key));
  // Rows to write back so they leave the due range: handled, not due after all (a v3 backfill
  // or a policy change), or never scheduled.
  const notes = rows.filter((r) => !openKeys.has(r.key) && (complete ? typeof r.nextDueMs !== 'number' : true));
  if (candidates.length === 0 && notes.length === 0) {
    // No row is due by now, so the floor may be now; written the first time only, so that
    // later runs with nothing due stay read-only.
    if (!schedule) await ctx.store.write((tx) => writeSchedule(tx, nowMs));
    return [];
  }

  // Claim inside one write transaction: re-check, write the notify events (final) and the
  // renewal claims; only what this run claimed is reported or renewed.
  const claimed = await ctx.store.write(async (tx) => {
    const index = prune(await readLifetimeIndex(tx), rows, complete);
    const mine: { d: Due; event: LifetimeEvent }[] = [];
    const after = new Map<string, number | undefined>();
    for (const d of candidates) {
      if (!isOpen(index.get(d.id), nowMs, today, locked)) continue;
      const event = baseEvent(ctx, d, contacts, nowMs);
      if (d.action.action === 'EmailContacts') {
        index.set(d.id, { kind: 'done' });
        await tx.put('lifetimeLog', { id: d.id, certificateKey: d.cert.key, at: now, event });
      } else {
        index.set(d.id, { kind: 'claimed', atMs: nowMs });
      }
      after.set(d.cert.key, await note(tx, d.cert.key, index, nowMs, today));
      mine.push({ d, event });
    }
    for (const r of notes) after.set(r.key, await note(tx, r.key, index, nowMs, today));
    await writeLifetimeIndex(tx, index);
    await raiseFloor(tx, floorAfter(rows, after, nowMs));
    return mine;
  });

  const events: LifetimeEvent[] = [];
  for (const { d, event } of claimed) {
    if (d.action.action === 'EmailContacts') events.push(event);
    else events.push(await autoRenew(ctx, d, event, renew, now, today));
  }
  return events;
}

/**
 * Inside a write: re-reads the row and writes it back with a `lifetimeSeen` note matching the
 * lifetime index, so nextDueMs moves past now (done: never; failed today: next UTC midnight;
 * claimed: when the claim goes stale). A row whose action is still open is written back as is
 * (its nextDueMs is recomputed by the store wrapper).
 */
async function note(
  tx: StoreTx,
  key: string,
  index: LifetimeIndex,
  nowMs: number,
  today: string,
): Promise<number | undefined> {
  const row = await tx.get('certificates', key);
  if (!row) return undefined;
  const id = lifetimeIdOf(row);
  const nextMs = id === undefined ? -Infinity : nextLookMs(index.get(`${key}/${id}`), today);
  const noted = { ...row };
  delete noted.lifetimeSeen;
  if (id !== undefined && nextMs > nowMs) noted.lifetimeSeen = { id, nextMs };
  await tx.put('certificates', noted);
  return nextDueMsOf(noted);
}

/**
 * The lowest nextDueMs the rows this run read are left with (`after` for the ones it wrote
 * back, else as read), and never above now: every row due by now was among them.
 */
function floorAfter(rows: CertificateRecord[], after: Map<string, number | undefined>, nowMs: number): number {
  let floor = nowMs;
  for (const r of rows) {
    const next = after.has(r.key) ? after.get(r.key) : r.nextDueMs;
    if (typeof next === 'number' && next < floor) floor = next;
  }
  return floor;
}

/**
 * Inside the run's write: moves the floor up to `floorMs`, unless a row written since this
 * run's read (another tab, the service worker) lies below it; those lowered the stored floor or
 * sit between the old floor and the new one.
 */
async function raiseFloor(tx: StoreTx, floorMs: number): Promise<void> {
  const stored = await readSchedule(tx);
  let floor = floorMs;
  if (stored && stored.floorMs < floor) {
    for (const r of await tx.certificatesDueBy(floor, stored.floorMs)) {
      if (typeof r.nextDueMs === 'number' && r.nextDueMs < floor) floor = r.nextDueMs;
    }
  }
  if (stored === undefined || floor !== stored.floorMs) await writeSchedule(tx, floor);
}

/** Pure: the certificates whose (single) lifetime action is due for their latest version. */
function findDue(certs: CertificateRecord[], nowMs: number): Due[] {
  const out: Due[] = [];
  for (const cert of certs) {
    const latest = cert.latest;
    // Pending-only (no version yet) and disabled certificates are skipped, as Key Vault does.
    if (!latest?.enabled) continue;
    const action = cert.policy.lifetimeActions?.[0];
    if (!action) continue;
    const nb = +latest.notBefore;
    const exp = +latest.expiresOn;
    if (!isLifetimeActionDue(action, nb, exp, nowMs)) continue;
    out.push({
      cert,
      latest,
      action,
      id: `${cert.key}/${latest.version}/${action.action}`,
      dueMs: lifetimeActionDueMs(action, nb, exp),
    });
  }
  return out;
}

/**
 * Drops entries of versions that are no longer the latest (renewed, deleted) so the row stays
 * small: all of them after a complete scan, else those of the rows this run read.
 */
function prune(index: LifetimeIndex, rows: CertificateRecord[], complete: boolean): LifetimeIndex {
  const current = new Set(rows.map((r) => `${r.key}/${r.latest?.version}/`));
  const seen = new Set(rows.map((r) => r.key));
  for (const id of index.keys()) {
    const key = id.slice(0, id.indexOf('/'));
    const cut = id.indexOf('/', key.length + 1);
    if ((complete || seen.has(key)) && !current.has(id.slice(0, cut + 1))) index.delete(id);
  }
  return index;
}

async function setState(
  ctx: VaultContext,
  id: string,
  state: ClaimState,
  log: LifetimeLogRecord,
  nowMs: number,
  today: string,
): Promise<void> {
  await ctx.store.write(async (tx) => {
    const index = await readLifetimeIndex(tx);
    index.set(id, state);
    await writeLifetimeIndex(tx, index);
    await tx.put('lifetimeLog', log);
    await note(tx, log.certificateKey, index, nowMs, today);
  });
}

async function autoRenew(
  ctx: VaultContext,
  d: Due,
  claim: LifetimeEvent,
  renew: RenewFn,
  now: Date,
  today: string,
): Promise<LifetimeEvent> {
  const { latest } = d;
  const name = d.cert.name;
  const old = expiryPhrase(+latest.expiresOn, +now);
  let event: LifetimeEvent;
  let state: ClaimState;
  try {
    const made = await renew(ctx, name, { tags: { ...latest.tags } });
    const newExpiry = made.properties.expiresOn ? utcDay(+made.properties.expiresOn) : 'unknown';
    event = {
      ...claim,
      kind: 'renewed',
      newVersion: made.properties.version,
      newX509ThumbprintString: made.properties.x509ThumbprintString,
      message: `Certificate "${name}" in vault "${ctx.name}" was renewed automatically: the new version is valid until ${newExpiry} (the old one ${old}).`,
    };
    state = { kind: 'done' };
  } catch (e) {
    const reason = isVaultError(e) ? e.message : e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    const waits = isVaultError(e) && e.code === 'Locked';
    event = {
      ...claim,
      kind: 'renewalFailed',
      error: reason,
      message: waits
        ? `Certificate "${name}" in vault "${ctx.name}" ${old} and is due for renewal, which needs a sealed key (its own, or its CA's): it will be renewed the next time the vault is unlocked.`
        : `Certificate "${name}" in vault "${ctx.name}" could not be renewed automatically and ${old}: renew it by hand. ${reason}`,
    };
    state = waits ? { kind: 'afterUnlock' } : { kind: 'failed', day: today };
  }
  const logId =
    state.kind === 'done' ? d.id : state.kind === 'afterUnlock' ? `${d.id}/after-unlock` : `${d.id}/failed/${today}`;
  // If even this write fails, the event still reaches the caller and the claim goes stale.
  await setState(ctx, d.id, state, { id: logId, certificateKey: d.cert.key, at: now, event }, +now, today).catch(
    () => undefined,
  );
  return event;
}

/** The event as first written: 'notify' for EmailContacts, a renewal claim for AutoRenew. */
function baseEvent(ctx: VaultContext, d: Due, contacts: CertificateContact[], nowMs: number): LifetimeEvent {
  const { latest } = d;
  const exp = +latest.expiresOn;
  const phrase = expiryPhrase(exp, nowMs);
  return {
    kind: d.action.action === 'EmailContacts' ? 'notify' : 'renewed',
    certificateName: d.cert.name,
    vaultName: ctx.name,
    version: latest.version,
    x509ThumbprintString: latest.x509Thumbprint,
    dueOn: new Date(d.dueMs),
    expiresOn: new Date(exp),
    contacts: contacts.map((c) => ({ ...c })),
    message: `Certificate "${d.cert.name}" in vault "${ctx.name}" ${phrase}.`,
    issuerName: d.cert.policy.issuerName ?? 'Self',
    action: d.action.action,
    daysLeft: daysUntilExpiry(exp, nowMs),
  };
}
