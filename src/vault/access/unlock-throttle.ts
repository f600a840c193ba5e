/**
 * The unlock throttle (ARCHITECTURE §8 "Access"): after 10 failed unlocks in a row (any
 * principal of the vault; the count lives in the vault's meta store, so a reload does not
 * reset it), each further try waits 2^(n−10) seconds after the last failure, n being the
 * failures so far, at most 15 minutes. A try inside the wait is refused (Locked) without
 * looking at the credential; a success resets the count. Time is the vault's `now`.
 *
 * This slows a person at the keyboard. Someone with a copy of the profile guesses offline,
 * slowed only by PBKDF2's 600 000 iterations per guess (see bench/README.md for the cost).
 */
import type { StoreTx } from '../vault-store';
import { readThrottle, THROTTLE_META, type UnlockThrottle } from './access-store';

/** Failed tries before any wait. */
export const FREE_UNLOCK_TRIES = 10;
const MAX_WAIT_MS = 15 * 60_000;

/** How long after the last failure the next try must wait (0 while under FREE_UNLOCK_TRIES). */
function throttleWaitMs(t: UnlockThrottle): number {
  if (t.failures < FREE_UNLOCK_TRIES) return 0;
  return Math.min(2 ** (t.failures - FREE_UNLOCK_TRIES) * 1000, MAX_WAIT_MS);
}

/** The instant the next try is allowed, when that is after `nowMs`. */
export function retryAfter(t: UnlockThrottle, nowMs: number): Date | undefined {
  const at = t.lastFailureMs + throttleWaitMs(t);
  return throttleWaitMs(t) > 0 && at > nowMs ? new Date(at) : undefined;
}

/** Inside a write: one more failure at `nowMs`; returns the new count. */
export async function recordFailure(tx: StoreTx, nowMs: number): Promise<number> {
  const t = await readThrottle(tx);
  const next: UnlockThrottle = { failures: t.failures + 1, lastFailureMs: nowMs };
  await tx.put('meta', { key: THROTTLE_META, value: next });
  return next.failures;
}

/** Inside a write: a success forgets the failures. */
export async function resetThrottle(tx: StoreTx): Promise<void> {
  await tx.delete('meta', THROTTLE_META);
}
