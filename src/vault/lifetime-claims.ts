/**
 * What already ran, per lifetime action ("<certificate key>/<version>/<action>"): the state that
 * makes runLifetimeActions idempotent and keeps page and service worker from renewing twice.
 *
 * It lives in one meta row, read with one get, so a run over 10 000 due certificates needs no
 * per-certificate lookup (the lifetimeLog store keeps the events themselves, history for the
 * UI). The row holds each state in a compact stored form, written since schema v2 and read here
 * only: 'done', 'failed:<YYYY-MM-DD>' (the UTC day a renewal failed), 'after-unlock' (a renewal
 * that needs a sealed key of a locked vault, schema v4) or the epoch ms at which a run claimed
 * the renewal. Code works on ClaimState; parseClaim and formatClaim are the only
 * two places that know the stored form.
 */
import { DAY_MS } from './lifetime-schedule';
import type { StoreTx } from './vault-store';

/** The meta row's key. */
export const LIFETIME_INDEX_META = 'lifetimeIndex';

/** A renewal claim older than this was left by a run that died (a killed service worker): retry. */
const STALE_CLAIM_MS = 15 * 60_000;

export type ClaimState =
  /** handled for good: notified (EmailContacts) or renewed (AutoRenew) */
  | { kind: 'done' }
  /** the renewal failed on `day` (UTC, YYYY-MM-DD); retried on another day */
  | { kind: 'failed'; day: string }
  /** a run has been renewing it since `atMs` */
  | { kind: 'claimed'; atMs: number }
  /** the renewal needs a sealed key (reuseKey) and the vault was locked: the next unlocked run does it */
  | { kind: 'afterUnlock' };

/** The stored form of one state. */
type StoredClaim = string | number;

const FAILED = /^failed:(\d{4}-\d{2}-\d{2})$/;
const AFTER_UNLOCK = 'after-unlock';

/** The state a stored value says, or undefined (nothing ran yet, or a value this code does not know). */
export function parseClaim(stored: unknown): ClaimState | undefined {
  if (typeof stored === 'number') return Number.isFinite(stored) ? { kind: 'claimed', atMs: stored } : undefined;
  if (stored === 'done') return { kind: 'done' };
  if (stored === AFTER_UNLOCK) return { kind: 'afterUnlock' };
  const failed = typeof stored === 'string' ? FAILED.exec(stored) : null;
  return failed?.[1] === undefined ? undefined : { kind: 'failed', day: failed[1] };
}

/** The stored form of a state (parseClaim reads it back). */
export function formatClaim(state: ClaimState): StoredClaim {
  switch (state.kind) {
    case 'done':
      return 'done';
    case 'failed':
      return `failed:${state.day}`;
    case 'claimed':
      return state.atMs;
    case 'afterUnlock':
      return AFTER_UNLOCK;
  }
}

/** Action id → state. */
export type LifetimeIndex = Map<string, ClaimState>;

/** Reads the index inside a transaction; entries this code cannot read count as "nothing ran". */
export async function readLifetimeIndex(tx: StoreTx): Promise<LifetimeIndex> {
  const row = await tx.get('meta', LIFETIME_INDEX_META);
  const index: LifetimeIndex = new Map();
  const value: unknown = row?.value;
  if (typeof value !== 'object' || value === null) return index;
  for (const [id, stored] of Object.entries(value)) {
    const state = parseClaim(stored);
    if (state) index.set(id, state);
  }
  return index;
}

/** Writes the index back, in its stored form. */
export function writeLifetimeIndex(tx: StoreTx, index: LifetimeIndex): Promise<void> {
  const value: Record<string, StoredClaim> = {};
  for (const [id, state] of index) value[id] = formatClaim(state);
  return tx.put('meta', { key: LIFETIME_INDEX_META, value });
}

/**
 * True when a run may take the action now: not done, not failed today, not being renewed by a
 * live run, and not waiting for an unlock while the vault is still `locked`.
 */
export function isOpen(state: ClaimState | undefined, nowMs: number, today: string, locked = false): boolean {
  if (state?.kind === 'afterUnlock' && locked) return false;
  return nextLookMs(state, today) <= nowMs;
}

/**
 * When a run must next look at the action: never (done), when the claim goes stale, from the
 * next UTC midnight (failed today), or at once (-Infinity: nothing ran, failed on an earlier day,
 * or waiting for an unlock, which every run checks).
 */
export function nextLookMs(state: ClaimState | undefined, today: string): number {
  switch (state?.kind) {
    case undefined:
      return -Infinity;
    case 'done':
      return Infinity;
    case 'claimed':
      return state.atMs + STALE_CLAIM_MS + 1;
    case 'failed':
      return state.day === today ? Date.parse(`${today}T00:00:00Z`) + DAY_MS : -Infinity;
    case 'afterUnlock':
      return -Infinity;
  }
}
