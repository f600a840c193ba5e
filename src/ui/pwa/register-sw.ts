import { Workbox } from 'workbox-window';
import { createStore } from 'zustand/vanilla';
import { SINGLE_FILE } from './build-info';
import { serviceWorkerScriptUrl } from './sw-script-url';

export interface PwaState {
  /** The app will start with the network cut: the service worker controls this page, or it is the single file. */
  offlineReady: boolean;
  /** The first service worker is installing (precaching): offline use is being prepared. */
  installing: boolean;
  /** A new version is installed and waiting; `applyUpdate` activates it and reloads. */
  updateWaiting: boolean;
  registration?: ServiceWorkerRegistration;
}

/**
 * A page the service worker already controls works offline from the first paint: saying
 * "preparing" until registration resolves would flash on every reload.
 */
function controlled(): boolean {
  return !!(globalThis.navigator as Partial<Navigator> | undefined)?.serviceWorker?.controller;
}

export const pwaStore = createStore<PwaState>(() => ({
  offlineReady: SINGLE_FILE || controlled(),
  installing: false,
  updateWaiting: false,
}));

let workbox: Workbox | undefined;

/** Registers the precaching service worker (production builds only: dev has no precache manifest). */
export async function registerServiceWorker(): Promise<void> {
  // The single file is the whole app already, and file:// pages cannot have a service worker.
  if (SINGLE_FILE) {
    pwaStore.setState({ offlineReady: true });
    return;
  }
  if (!('serviceWorker' in navigator) || !import.meta.env.PROD) return;
  workbox = new Workbox(serviceWorkerScriptUrl(), { scope: '/' });
  workbox.addEventListener('waiting', () => pwaStore.setState({ updateWaiting: true }));
  workbox.addEventListener('controlling', (event) => {
    // A reload only when an update we asked for took over, not on the first install.
    if (event.isUpdate) location.reload();
  });
  const registration = await workbox.register();
  // Only a first install prepares offline use; an update installs beside an active worker.
  if (registration && !registration.active) pwaStore.setState({ installing: true });
  await navigator.serviceWorker.ready;
  pwaStore.setState({
    offlineReady: true,
    installing: false,
    registration: registration ?? pwaStore.getState().registration,
  });
}

export function applyUpdate(): void {
  workbox?.messageSkipWaiting();
}
