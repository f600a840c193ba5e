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
export function isLifetimeActionDue(
  action: LifetimeAction,
  notBeforeMs: number,
  expiresOnMs: number,
  nowMs: number,
): boolean {
  const due = lifetimeActionDueMs(action, notBeforeMs, expiresOnMs);
  return !Number.isNaN(due) && nowMs >= due;
}

/**
 * Calendar days (UTC) from now until the expiry date, negative once past: the notice prints
 * the date, and people count to the date, so an expiry tomorrow morning is "1 day" even when
 * it is only hours away. One function for the vault's events and the service worker's text.
 */
export function daysUntilExpiry(expiresOnMs: number, nowMs: number): number {
  return Math.floor(expiresOnMs / DAY_MS) - Math.floor(nowMs / DAY_MS);
}

/** YYYY-MM-DD in UTC (notifications must not depend on the machine's time zone). */
export function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * The words a notice uses: "expires in 12 days, on 2027-03-03", "expires today, on …",
 * "expired today, on …", "expired 3 days ago, on …".
 */
export function expiryPhrase(expiresOnMs: number, nowMs: number): string {
  const on = utcDay(expiresOnMs);
  const days = daysUntilExpiry(expiresOnMs, nowMs);
  if (expiresOnMs <= nowMs) {
    return days === 0 ? `expired today, on ${on}` : `expired ${-days} day${days === -1 ? '' : 's'} ago, on ${on}`;
  }
  if (days === 0) return `expires today, on ${on}`;
  return `expires in ${days} day${days === 1 ? '' : 's'}, on ${on}`;
}
