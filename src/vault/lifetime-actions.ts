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
 * Idempotent: what ran is written to the lifetime log, keyed "<certificate>/<version>/<action>",
 * so a second run yields nothing new until a new version falls due. Rows are claimed inside a
 * write transaction before any work, so two runs at once (page and service worker) cannot both
 * notify or both renew. A failed renewal is retried once per UTC day
 * ("…/AutoRenew/failed/<YYYY-MM-DD>"): a pending request or a full disk may clear up, and one
 * 'renewalFailed' a day is a reminder, not spam.
 *
 * Speed: one read of the certificates store (each row carries its policy and a copy of the
 * latest version's attributes), due dates computed on numbers, and log lookups only for what is
 * due. Versions are never read.
 */
import type { VaultContext } from './context';
import { createVersion } from './create';
import { expiryPhrase, isLifetimeActionDue, lifetimeActionDueMs, daysUntilExpiry, utcDay } from './lifetime-schedule';
import type { CertificateContact, CreateCertificateOptions, KeyVaultCertificateWithPolicy, LifetimeAction, LifetimeEvent } from './types';
import { isVaultError } from './vault-error';
import { CONTACTS_KEY, type CertificateRecord, type LifetimeLogRecord, type StoreTx } from './vault-store';

/** How AutoRenew makes the new version (createVersion; tests inject failures). */
export type RenewFn = (ctx: VaultContext, name: string, options: CreateCertificateOptions) => Promise<KeyVaultCertificateWithPolicy>;

/** A renewal claim older than this was left by a run that died (a killed service worker): retry. */
const STALE_CLAIM_MS = 15 * 60_000;

export interface Due {
  cert: CertificateRecord;
  action: LifetimeAction;
  id: string;
  failedId: string;
  dueMs: number;
}

/** Runs what fell due since the last run; returns the events for the UI and the service worker. */
export async function runLifetimeActions(ctx: VaultContext, renew: RenewFn = createVersion): Promise<LifetimeEvent[]> {
  const now = ctx.now();
  const nowMs = now.getTime();
  const today = utcDay(nowMs);

  const { candidates, contacts } = await ctx.store.read(async (tx) => {
    const due = findDue(await tx.getAll('certificates'), nowMs, today);
    const fresh: Due[] = [];
    for (const d of due) if (await isOpen(tx, d, nowMs)) fresh.push(d);
    const row = await tx.get('contacts', CONTACTS_KEY);
    return { candidates: fresh, contacts: row?.contacts ?? [] };
  });
  if (candidates.length === 0) return [];

  // Claim: re-check inside the write transaction, write the notify rows (final) and the
  // renewal claims; only what this run claimed is reported or renewed.
  const claimed = await ctx.store.write(async (tx) => {
    const mine: { d: Due; event: LifetimeEvent }[] = [];
    for (const d of candidates) {
      if (!(await isOpen(tx, d, nowMs))) continue;
      const event = baseEvent(ctx, d, contacts, nowMs);
      await tx.put('lifetimeLog', { id: d.id, certificateKey: d.cert.key, at: now, event });
      mine.push({ d, event });
    }
    return mine;
  });

  const events: LifetimeEvent[] = [];
  for (const { d, event } of claimed) {
    if (d.action.action === 'EmailContacts') events.push(event);
    else events.push(await autoRenew(ctx, d, event, renew, now));
  }
  return events;
}

/** Pure: the certificates whose (single) lifetime action is due for their latest version. */
export function findDue(certs: CertificateRecord[], nowMs: number, today: string): Due[] {
  const out: Due[] = [];
  for (const cert of certs) {
    const latest = cert.latest;
    // Pending-only (no version yet) and disabled certificates are skipped, as Key Vault does.
    if (!latest || !latest.enabled) continue;
    const action = cert.policy.lifetimeActions?.[0];
    if (!action) continue;
    const nb = +latest.notBefore;
    const exp = +latest.expiresOn;
    if (!isLifetimeActionDue(action, nb, exp, nowMs)) continue;
    const id = `${cert.key}/${latest.version}/${action.action}`;
    out.push({ cert, action, id, failedId: `${id}/failed/${today}`, dueMs: lifetimeActionDueMs(action, nb, exp) });
  }
  return out;
}

/** Not yet done (nor failed today, nor being renewed by another run right now). */
async function isOpen(tx: StoreTx, d: Due, nowMs: number): Promise<boolean> {
  const done = await tx.get('lifetimeLog', d.id);
  if (done) return isStaleClaim(done, nowMs);
  if (d.action.action === 'AutoRenew' && (await tx.get('lifetimeLog', d.failedId))) return false;
  return true;
}

function isStaleClaim(row: LifetimeLogRecord, nowMs: number): boolean {
  return row.event.kind === 'renewed' && row.event.newVersion === undefined && nowMs - +row.at > STALE_CLAIM_MS;
}

async function autoRenew(ctx: VaultContext, d: Due, claim: LifetimeEvent, renew: RenewFn, now: Date): Promise<LifetimeEvent> {
  const latest = d.cert.latest!;
  const name = d.cert.name;
  try {
    const made = await renew(ctx, name, { tags: { ...latest.tags } });
    const newExpiry = made.properties.expiresOn ? utcDay(+made.properties.expiresOn) : 'unknown';
    const event: LifetimeEvent = {
      ...claim,
      kind: 'renewed',
      newVersion: made.properties.version,
      newX509ThumbprintString: made.properties.x509ThumbprintString,
      message: `Certificate "${name}" in vault "${ctx.name}" was renewed automatically: the new version is valid until ${newExpiry} (the old one ${expiryPhrase(+latest.expiresOn, +now)}).`,
    };
    await ctx.store.write((tx) => tx.put('lifetimeLog', { id: d.id, certificateKey: d.cert.key, at: now, event }));
    return event;
  } catch (e) {
    const reason = isVaultError(e) ? e.message : e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    const event: LifetimeEvent = {
      ...claim,
      kind: 'renewalFailed',
      newVersion: undefined,
      newX509ThumbprintString: undefined,
      error: reason,
      message: `Certificate "${name}" in vault "${ctx.name}" could not be renewed automatically and ${expiryPhrase(+latest.expiresOn, +now)}: renew it by hand. ${reason}`,
    };
    // Release the claim so tomorrow's run retries; today's failure row stops repeats until then.
    await ctx.store
      .write(async (tx) => {
        await tx.delete('lifetimeLog', d.id);
        await tx.put('lifetimeLog', { id: d.failedId, certificateKey: d.cert.key, at: now, event });
      })
      .catch(() => undefined); // the event still reaches the caller; the stale claim expires
    return event;
  }
}

/** The event as first written: 'notify' for EmailContacts, a renewal claim for AutoRenew. */
function baseEvent(ctx: VaultContext, d: Due, contacts: CertificateContact[], nowMs: number): LifetimeEvent {
  const latest = d.cert.latest!;
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
