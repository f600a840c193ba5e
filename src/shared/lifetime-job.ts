/**
 * One run of the lifetime checks, end to end: check every vault, show a notification per
 * notice when allowed, and log every notice either way (so the page can list what it could not
 * show). The service worker runs it on periodic sync and on the page's message; the page runs
 * it itself only when no service worker answers (dev server, first visit), so the module lives
 * in shared/ and uses only types that exist in both the DOM and WebWorker libs.
 */
import {
  appendNotificationLog,
  recordLifetimeRuns,
  type NotificationLogEntry,
  type NotShownReason,
} from './notification-log';
import type { LifetimeEvent } from '../vault';
import { notificationForEvent, type LifetimeNotificationOptions } from './notification-for-event';
import { LIFETIME_ACTIONS_RESULT, type LifetimeActionsResult } from './lifetime-messages';
import { runLifetimeChecks, type VaultAccess } from './run-lifetime-checks';

/** A ServiceWorkerRegistration, or a fake in tests. */
export interface NotificationSurface {
  showNotification(title: string, options: LifetimeNotificationOptions): Promise<void>;
}

export interface LifetimeJobOptions {
  access: VaultAccess;
  /** where to show notifications; undefined = log only */
  surface?: NotificationSurface;
  /** Notification.permission where it can be read; 'unsupported' where Notification is absent */
  permission: NotificationPermission | 'unsupported';
  now?: () => Date;
  maxActions?: number;
  ranIn: LifetimeActionsResult['ranIn'];
}

/** Cross-context lock name: the page and the worker must never renew the same certificate twice at once. */
const LIFETIME_LOCK = 'certkeep-lifetime-actions';

let localChain: Promise<unknown> = Promise.resolve();

/**
 * Serialises runs. The Web Locks API reaches across tabs and the service worker; where it is
 * missing (Node tests), a promise chain serialises runs within this context.
 */
function exclusive<T>(fn: () => Promise<T>): Promise<T> {
  const locks = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
  if (locks) return locks.request(LIFETIME_LOCK, fn) as Promise<T>;
  const run = localChain.then(fn, fn);
  localChain = run.catch(() => undefined);
  return run;
}

export type RaiseOptions = Pick<LifetimeJobOptions, 'surface' | 'permission' | 'maxActions'> & { now: Date };

/**
 * Shows a notification per notice when allowed and logs every notice either way; returns how
 * many were shown. A failed log write is reported as a failure, never thrown: the
 * notifications were already shown.
 */
export async function raiseNotices(
  notices: LifetimeEvent[],
  options: RaiseOptions,
): Promise<{ shown: number; logError?: string }> {
  const entries: NotificationLogEntry[] = [];
  let shown = 0;
  for (const notice of notices) {
    const { title, options: notificationOptions } = notificationForEvent(notice, {
      now: options.now,
      maxActions: options.maxActions,
    });
    let ok = false;
    let reason: NotShownReason | undefined;
    if (!options.surface || options.permission === 'unsupported') reason = 'unsupported';
    else if (options.permission !== 'granted') reason = 'permission';
    else {
      try {
        await options.surface.showNotification(title, notificationOptions);
        ok = true;
        shown += 1;
      } catch {
        reason = 'error';
      }
    }
    entries.push({
      at: options.now,
      vaultName: notice.vaultName,
      certificateName: notice.certificateName,
      kind: notice.kind,
      title,
      body: notificationOptions.body,
      tag: notificationOptions.tag,
      expiresOn: notice.expiresOn,
      shown: ok,
      ...(reason ? { notShownReason: reason } : {}),
      acknowledged: false,
    });
  }
  try {
    await appendNotificationLog(entries);
    return { shown };
  } catch (error) {
    return {
      shown,
      logError: `cannot write the notification log: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

/** Runs the checks once, shows what it may, logs everything; never rejects for a single vault's failure. */
export function runLifetimeJob(options: LifetimeJobOptions): Promise<LifetimeActionsResult> {
  return exclusive(async () => {
    const checks = await runLifetimeChecks(options.access, { now: options.now });
    const at = (options.now ?? (() => new Date()))();
    // The log is the safety net for notices the OS would not show: raiseNotices writes it even if showing failed.
    const { shown, logError } = await raiseNotices(checks.notices, { ...options, now: at });
    if (logError) checks.failures.push({ vaultName: '*', message: logError });
    try {
      await recordLifetimeRuns([
        ...checks.checked.map((c) => ({ vaultName: c.vaultName, at, events: c.events })),
        ...checks.failures
          .filter((f) => f.vaultName !== '*')
          .map((f) => ({ vaultName: f.vaultName, at, events: 0, error: f.message })),
      ]);
    } catch {
      /* the run record is a convenience for Settings; the notices are already logged */
    }
    return {
      type: LIFETIME_ACTIONS_RESULT,
      notices: checks.notices,
      shown,
      failures: checks.failures,
      ranIn: options.ranIn,
    };
  });
}

/** Runs fn under the same lock as the checks (used by "Renew now", which also creates versions). */
export function withLifetimeLock<T>(fn: () => Promise<T>): Promise<T> {
  return exclusive(fn);
}
