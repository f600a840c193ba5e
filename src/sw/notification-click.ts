/**
 * What a click on a lifetime notification does: "Renew now" renews in the worker (no window
 * needed) and reports the outcome as a new notification; "Open" or a click on the body brings
 * the app forward on the certificate's page, reusing an open window when there is one.
 */
import { OPEN_ACTION, RENEW_NOW_ACTION, type LifetimeNotificationData } from '../shared/notification-for-event';
import type { LifetimeEvent } from '../vault';

/** The parts of WindowClient / Clients used here (structural, so Node tests pass fakes). */
export interface WindowClientLike {
  url: string;
  focus(): Promise<unknown>;
  navigate(url: string): Promise<unknown>;
  postMessage?(message: unknown): void;
}

export interface ClientsLike {
  matchAll(options: { type: 'window'; includeUncontrolled: boolean }): Promise<readonly WindowClientLike[]>;
  openWindow(url: string): Promise<WindowClientLike | null>;
}

export interface NotificationClickDeps {
  clients: ClientsLike;
  /** the service worker's origin, e.g. https://certkeep.example */
  origin: string;
  /** renews and raises the outcome (renew-now.ts + raiseNotices) */
  renew(vault: string, certificate: string): Promise<LifetimeEvent>;
}

export type NotificationClickOutcome = 'focused' | 'opened' | 'renewed' | 'renewalFailed' | 'ignored';

function isLifetimeData(data: unknown): data is LifetimeNotificationData {
  const d = data as Partial<LifetimeNotificationData> | null;
  return !!d && typeof d.vault === 'string' && typeof d.certificate === 'string' && typeof d.url === 'string';
}

/** Handles one notificationclick; the entry file passes event.action and notification.data. */
export async function handleNotificationClick(
  action: string,
  data: unknown,
  deps: NotificationClickDeps,
): Promise<NotificationClickOutcome> {
  if (!isLifetimeData(data)) return 'ignored';
  if (action === RENEW_NOW_ACTION) {
    const notice = await deps.renew(data.vault, data.certificate);
    return notice.kind === 'renewed' ? 'renewed' : 'renewalFailed';
  }
  if (action !== '' && action !== OPEN_ACTION) return 'ignored';
  // Only same-origin paths: data comes from our own notifications, but never open elsewhere.
  const target = new URL(data.url, deps.origin);
  if (target.origin !== deps.origin) return 'ignored';
  const windows = await deps.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const existing = windows.find((w) => new URL(w.url).origin === deps.origin);
  if (existing) {
    // Focus first: the click's user activation lets focus() succeed only while it lasts.
    await existing.focus();
    try {
      await existing.navigate(target.href);
    } catch {
      // navigate() rejects for a window this worker does not control (first visit): open one.
      await deps.clients.openWindow(target.href);
      return 'opened';
    }
    return 'focused';
  }
  await deps.clients.openWindow(target.href);
  return 'opened';
}
