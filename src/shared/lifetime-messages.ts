/**
 * The messages between the page and the service worker about lifetime actions: the periodic
 * sync tag, the page's request, and the worker's answer. The page imports this module into its
 * first load, so it holds constants and types only (the vault's types are erased).
 */
import type { LifetimeEvent } from '../vault';

/** The periodic sync tag and message types the page and the service worker agree on. */
export const LIFETIME_SYNC_TAG = 'lifetime-actions';
export const RUN_LIFETIME_ACTIONS = 'RUN_LIFETIME_ACTIONS';
export const LIFETIME_ACTIONS_RESULT = 'LIFETIME_ACTIONS_RESULT';
/** workbox-window's messageSkipWaiting() sends this; the waiting worker then activates. */
const SKIP_WAITING = 'SKIP_WAITING';

/** The page asks the service worker to run the checks (app start, hourly, "Check now"). */
export interface RunLifetimeActionsMessage {
  type: typeof RUN_LIFETIME_ACTIONS;
}

/** One vault that could not be checked; the others still were. */
export interface VaultCheckFailure {
  vaultName: string;
  message: string;
}

/** The answer, sent back on the MessageChannel port the page passed along. */
export interface LifetimeActionsResult {
  type: typeof LIFETIME_ACTIONS_RESULT;
  /** what fell due, one event each (ARCHITECTURE §5 "Lifetime actions") */
  notices: LifetimeEvent[];
  /** how many OS notifications were shown (0 without permission) */
  shown: number;
  failures: VaultCheckFailure[];
  /** where the run happened: the service worker, or the page when no worker answered */
  ranIn: 'service-worker' | 'page';
}

function hasType(data: unknown, type: string): boolean {
  return typeof data === 'object' && data !== null && (data as { type?: unknown }).type === type;
}

export function isRunLifetimeActionsMessage(data: unknown): data is RunLifetimeActionsMessage {
  return hasType(data, RUN_LIFETIME_ACTIONS);
}

export function isSkipWaitingMessage(data: unknown): boolean {
  return hasType(data, SKIP_WAITING);
}
