/**
 * Wires the lifetime modules to the real vault and to a service worker's registration. The
 * entry file (sw.ts) only forwards events here; everything below it is tested with fakes.
 */
import { listVaults, openVault, type LifetimeEvent } from '../vault';
import { raiseNotices, runLifetimeJob, withLifetimeLock, type NotificationSurface } from '../shared/lifetime-job';
import { LIFETIME_ACTIONS_RESULT, type LifetimeActionsResult } from '../shared/lifetime-messages';
import { handleNotificationClick, type ClientsLike, type NotificationClickOutcome } from './notification-click';
import { renewNow } from './renew-now';

/** What the worker offers: a registration to show notifications on, and its clients. */
export interface WorkerScope {
  registration: NotificationSurface;
  clients: ClientsLike;
  origin: string;
}

interface NotificationStatics {
  permission?: NotificationPermission;
  /** Chromium: 2; absent in Firefox and Safari, where extra actions are simply not shown */
  maxActions?: number;
}

function notificationStatics(): NotificationStatics {
  return (globalThis as { Notification?: NotificationStatics }).Notification ?? {};
}

function permission(): NotificationPermission | 'unsupported' {
  return notificationStatics().permission ?? 'unsupported';
}

/** Periodic sync and the page's RUN_LIFETIME_ACTIONS both land here. */
export async function runLifetimeActionsInWorker(scope: WorkerScope): Promise<LifetimeActionsResult> {
  const result = await runLifetimeJob({
    access: { listVaults, openVault },
    surface: scope.registration,
    permission: permission(),
    maxActions: notificationStatics().maxActions,
    ranIn: 'service-worker',
  });
  if (result.notices.length > 0) await tellOpenWindows(scope, result);
  return result;
}

/**
 * A run from periodic sync may have renewed certificates a window is showing: every open
 * window hears of it (lifetime-client.ts reloads its lists and the due banner).
 */
async function tellOpenWindows(scope: WorkerScope, result: LifetimeActionsResult): Promise<void> {
  try {
    const windows = await scope.clients.matchAll({ type: 'window', includeUncontrolled: true });
    for (const w of windows) w.postMessage?.(result);
  } catch {
    /* no window to tell is not a failure */
  }
}

/** A port the page passed with RUN_LIFETIME_ACTIONS (MessagePort or a fake). */
export interface ReplyPort {
  postMessage(message: LifetimeActionsResult): void;
}

/**
 * Runs the checks for a page and answers on its port, with the failure as the answer when the
 * run itself breaks: the page waits on this port, so it must always hear back.
 */
export async function answerLifetimeRequest(scope: WorkerScope, port: ReplyPort | undefined): Promise<void> {
  let result: LifetimeActionsResult;
  try {
    result = await runLifetimeActionsInWorker(scope);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    result = {
      type: LIFETIME_ACTIONS_RESULT,
      notices: [],
      shown: 0,
      failures: [{ vaultName: '*', message }],
      ranIn: 'service-worker',
    };
  }
  port?.postMessage(result);
}

async function renewAndRaise(scope: WorkerScope, vault: string, certificate: string): Promise<LifetimeEvent> {
  const notice = await withLifetimeLock(() => renewNow({ openVault }, vault, certificate));
  await raiseNotices([notice], {
    surface: scope.registration,
    permission: permission(),
    maxActions: notificationStatics().maxActions,
    now: new Date(),
  });
  return notice;
}

/** notificationclick: open/focus the certificate page, or renew now. */
export function onLifetimeNotificationClick(
  scope: WorkerScope,
  action: string,
  data: unknown,
): Promise<NotificationClickOutcome> {
  return handleNotificationClick(action, data, {
    clients: scope.clients,
    origin: scope.origin,
    renew: (vault, certificate) => renewAndRaise(scope, vault, certificate),
  });
}
