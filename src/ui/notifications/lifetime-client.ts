/**
 * The page's side of lifetime notifications: asks the service worker to run the checks (at
 * app start, hourly while a window is open, and on "Check now"), registers periodic
 * background sync when the browser allows it, and keeps the "due" list for the banner.
 *
 * The lifetime job and log modules are imported dynamically, and the vault through its light
 * entry (no PKI library): the shell's first load carries none of them (first-paint budget).
 */
import { createStore } from 'zustand/vanilla';
// Constants and types only: this module pulls no vault or idb code into the shell.
import {
  LIFETIME_ACTIONS_RESULT,
  LIFETIME_SYNC_TAG,
  RUN_LIFETIME_ACTIONS,
  type LifetimeActionsResult,
} from '../../shared/lifetime-messages';
import type { NotificationLogEntry } from '../../shared/notification-log';
import { listVaults, openVault } from '../../vault/light-entry';
import { vaultChanged } from '../state/vault-client';
import { SINGLE_FILE } from '../pwa/build-info';

/** Chromium runs periodic sync at most this often; daily is enough for expiry dates. */
const PERIODIC_SYNC_MIN_INTERVAL_MS = 24 * 60 * 60 * 1000;
const HOURLY_MS = 60 * 60 * 1000;
/** 10 000 certificates check in well under a second; a stuck worker must not hang the page. */
const REPLY_TIMEOUT_MS = 30_000;

export type PermissionState3 = NotificationPermission | 'unsupported';
export type PeriodicSyncState = 'registered' | 'not-registered' | 'not-allowed' | 'unsupported';

export interface LifetimeUiState {
  permission: PermissionState3;
  periodicSync: PeriodicSyncState;
  lastResult?: LifetimeActionsResult;
  lastRunAt?: Date;
  running: boolean;
  /** notices logged but not shown by the OS, not yet dismissed: the banner's list */
  unseen: NotificationLogEntry[];
}

function readPermission(): PermissionState3 {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

export const lifetimeStore = createStore<LifetimeUiState>(() => ({
  permission: readPermission(),
  periodicSync: 'unsupported',
  running: false,
  unseen: [],
}));

/** Periodic Background Sync is Chromium-only and missing from TypeScript's DOM lib. */
interface PeriodicSyncManager {
  register(tag: string, options?: { minInterval?: number }): Promise<void>;
  getTags(): Promise<string[]>;
  unregister(tag: string): Promise<void>;
}

function periodicSyncOf(registration: ServiceWorkerRegistration | undefined): PeriodicSyncManager | undefined {
  if (!registration || !('periodicSync' in registration)) return undefined;
  return registration.periodicSync as PeriodicSyncManager | undefined;
}

/** The active registration, or undefined when there is no service worker (dev server, unsupported). */
async function activeRegistration(timeoutMs = 10_000): Promise<ServiceWorkerRegistration | undefined> {
  // The single file never registers one: waiting for `ready` would only stall the first check.
  if (SINGLE_FILE || !('serviceWorker' in navigator) || !import.meta.env.PROD) return undefined;
  const timeout = new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), timeoutMs));
  return Promise.race([navigator.serviceWorker.ready, timeout]);
}

/** Reads whether the lifetime tag is registered for periodic sync, into the store. */
export async function refreshPeriodicSyncState(): Promise<PeriodicSyncState> {
  const registration = await activeRegistration(2_000);
  const sync = periodicSyncOf(registration);
  let state: PeriodicSyncState = 'unsupported';
  if (sync) {
    const allowed = await periodicSyncPermission();
    const tags = await sync.getTags().catch(() => [] as string[]);
    state = tags.includes(LIFETIME_SYNC_TAG) ? 'registered' : allowed ? 'not-registered' : 'not-allowed';
  }
  lifetimeStore.setState({ periodicSync: state });
  return state;
}

async function periodicSyncPermission(): Promise<boolean> {
  try {
    const status = await navigator.permissions.query({ name: 'periodic-background-sync' as PermissionName });
    return status.state === 'granted';
  } catch {
    return false;
  }
}

/**
 * Registers the daily check when Chromium grants 'periodic-background-sync' (it does for an
 * installed app with some engagement); elsewhere the hourly check while open still runs.
 */
export async function registerPeriodicSync(): Promise<PeriodicSyncState> {
  const registration = await activeRegistration(2_000);
  const sync = periodicSyncOf(registration);
  if (sync && (await periodicSyncPermission())) {
    try {
      await sync.register(LIFETIME_SYNC_TAG, { minInterval: PERIODIC_SYNC_MIN_INTERVAL_MS });
    } catch {
      /* refused (not installed, no engagement): the state below says so */
    }
  }
  return refreshPeriodicSyncState();
}

/** Asks the worker for OS notification permission; the banner and Settings show the answer. */
export async function requestNotificationPermission(): Promise<PermissionState3> {
  if (typeof Notification === 'undefined') return 'unsupported';
  const permission = await Notification.requestPermission();
  lifetimeStore.setState({ permission });
  return permission;
}

function askWorker(worker: ServiceWorker): Promise<LifetimeActionsResult> {
  return new Promise((resolve, reject) => {
    const channel = new MessageChannel();
    const timer = setTimeout(() => reject(new Error('the service worker did not answer')), REPLY_TIMEOUT_MS);
    channel.port1.onmessage = (event: MessageEvent<LifetimeActionsResult>) => {
      clearTimeout(timer);
      channel.port1.close();
      resolve(event.data);
    };
    worker.postMessage({ type: RUN_LIFETIME_ACTIONS }, [channel.port2]);
  });
}

/** Without a worker (dev server, first visit before install) the page runs the same job and logs only. */
async function runInPage(): Promise<LifetimeActionsResult> {
  const job = await import('../../shared/lifetime-job');
  return job.runLifetimeJob({
    access: { listVaults, openVault },
    permission: readPermission(),
    ranIn: 'page',
  });
}

/** Re-reads the unseen notices for the banner. */
export async function refreshUnseen(): Promise<NotificationLogEntry[]> {
  const log = await import('../../shared/notification-log');
  const unseen = await log.readUnseenNotices();
  lifetimeStore.setState({ unseen });
  return unseen;
}

/** Marks notices seen (the banner's Dismiss). */
export async function dismissNotices(ids: number[]): Promise<void> {
  const log = await import('../../shared/notification-log');
  await log.acknowledgeNotices(ids);
  await refreshUnseen();
}

/** Runs the checks once (worker if there is one, else the page) and updates the store. */
export async function runLifetimeCheckNow(): Promise<LifetimeActionsResult> {
  lifetimeStore.setState({ running: true, permission: readPermission() });
  try {
    const registration = await activeRegistration();
    const result = registration?.active
      ? await askWorker(registration.active).catch(() => runInPage())
      : await runInPage();
    lifetimeStore.setState({ lastResult: result, lastRunAt: new Date() });
    // A renewal made a new version: screens that show certificates reload.
    if (result.notices.some((n) => n.kind === 'renewed')) vaultChanged();
    await refreshUnseen().catch(() => undefined);
    return result;
  } finally {
    lifetimeStore.setState({ running: false });
  }
}

let started = false;

/** A run the worker did on its own (periodic sync, another window's request). */
function onWorkerMessage(event: MessageEvent): void {
  const data = event.data as Partial<LifetimeActionsResult> | null;
  if (data?.type !== LIFETIME_ACTIONS_RESULT) return;
  if (data.notices?.some((n) => n.kind === 'renewed')) vaultChanged();
  void refreshUnseen().catch(() => undefined);
}

/** App start: check now, then hourly while a window is open; register periodic sync if allowed. */
export function startLifetimeNotifications(): void {
  if (started) return;
  started = true;
  if ('serviceWorker' in navigator) navigator.serviceWorker.addEventListener('message', onWorkerMessage);
  void runLifetimeCheckNow().catch(() => undefined);
  void registerPeriodicSync().catch(() => undefined);
  setInterval(() => void runLifetimeCheckNow().catch(() => undefined), HOURLY_MS);
}
