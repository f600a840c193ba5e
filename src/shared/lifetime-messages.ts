/**
 * A lifetime event plus what a notification needs to know about the certificate's policy.
 * runLifetimeActions reports what fell due; whether the certificate renews itself (AutoRenew)
 * or a person must renew it (EmailContacts), and whether "Renew now" can work (issuer Self),
 * come from the policy, which run-lifetime-checks.ts reads once per event.
 */
import type { CertificatePolicyAction, LifetimeEvent } from '../vault/types';

export interface LifetimeNotice extends Omit<LifetimeEvent, 'issuerName' | 'action' | 'error'> {
  /** the policy's issuer; "Self" enables the "Renew now" action */
  issuerName?: string;
  /** the policy's lifetime action when the event was raised */
  action?: CertificatePolicyAction;
  /** renewalFailed: the reason alone (message is the whole sentence) */
  error?: string;
}

/** The periodic sync tag and message type the page and the service worker agree on. */
export const LIFETIME_SYNC_TAG = 'lifetime-actions';
export const RUN_LIFETIME_ACTIONS = 'RUN_LIFETIME_ACTIONS';
export const LIFETIME_ACTIONS_RESULT = 'LIFETIME_ACTIONS_RESULT';

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
  notices: LifetimeNotice[];
  /** how many OS notifications were shown (0 without permission) */
  shown: number;
  failures: VaultCheckFailure[];
  /** where the run happened: the service worker, or the page when no worker answered */
  ranIn: 'service-worker' | 'page';
}

export function isRunLifetimeActionsMessage(data: unknown): data is RunLifetimeActionsMessage {
  return typeof data === 'object' && data !== null && (data as { type?: unknown }).type === RUN_LIFETIME_ACTIONS;
}
