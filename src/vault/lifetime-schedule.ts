/**
 * When a policy's lifetime action falls due (pure: no store, no clock of its own).
 *
 * Key Vault's two triggers (CertificatePolicy.lifetimeActions):
 * - `daysBeforeExpiry: N` → due at expiresOn − N days;
 * - `lifetimePercentage: P` → due at notBefore + P % of the validity period.
 * Everything is done on epoch milliseconds: runLifetimeActions evaluates 10 000 certificates
 * per run and must stay well under 200 ms, so no Date objects are made on the hot path.
 */
import type { LifetimeAction } from './types';

export const DAY_MS = 86_400_000;

/**
 * The instant (epoch ms) the action falls due, or NaN when the action has neither trigger
 * (a malformed policy: never due rather than always due).
 */
export function lifetimeActionDueMs(action: LifetimeAction, notBeforeMs: number, expiresOnMs: number): number {
  if (typeof action.daysBeforeExpiry === 'number') {
    return expiresOnMs - action.daysBeforeExpiry * DAY_MS;
  }
  if (typeof action.lifetimePercentage === 'number') {
    // Floor to the millisecond so "due" never depends on floating-point noise.
    return notBeforeMs + Math.floor(((expiresOnMs - notBeforeMs) * action.lifetimePercentage) / 100);
  }
  return Number.NaN;
}

/** True when `nowMs` is at or after the action's due instant. */
export function isLifetimeActionDue(action: LifetimeAction, notBeforeMs: number, expiresOnMs: number, nowMs: number): boolean {
  const due = lifetimeActionDueMs(action, notBeforeMs, expiresOnMs);
  return !Number.isNaN(due) && nowMs >= due;
}

/**
 * Whole days left until expiry, rounded down (an expiry 29 days and 23 hours away is "29
 * days"); negative once expired.
 */
export function daysUntilExpiry(expiresOnMs: number, nowMs: number): number {
  return Math.floor((expiresOnMs - nowMs) / DAY_MS);
}

/** YYYY-MM-DD in UTC (notifications must not depend on the machine's time zone). */
export function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * The sentence a notification shows: "expires in 12 days, on 2026-03-01", "expires in less
 * than a day, on …", "expired on …".
 */
export function expiryPhrase(expiresOnMs: number, nowMs: number): string {
  const day = utcDay(expiresOnMs);
  if (expiresOnMs <= nowMs) return `expired on ${day}`;
  const days = daysUntilExpiry(expiresOnMs, nowMs);
  if (days === 0) return `expires in less than a day, on ${day}`;
  return `expires in ${days} ${days === 1 ? 'day' : 'days'}, on ${day}`;
}
