import { createStore } from 'zustand/vanilla';

/** navigator.onLine, kept current by the browser's online/offline events. */
export const networkStore = createStore<{ online: boolean }>(() => ({
  online: (globalThis.navigator as Partial<Navigator> | undefined)?.onLine ?? true,
}));

export function startNetworkStatus(): void {
  addEventListener('online', () => networkStore.setState({ online: true }));
  addEventListener('offline', () => networkStore.setState({ online: false }));
}

/** What the header says about working offline; '' says nothing (no service worker, e.g. in development). */
export function offlineStatusText(s: { online: boolean; offlineReady: boolean; installing: boolean }): {
  text: string;
  tone: 'ok' | 'warn' | 'muted';
} {
  if (!s.online)
    return s.offlineReady
      ? { text: 'Network down · working offline', tone: 'warn' }
      : { text: 'Network down', tone: 'warn' };
  if (s.offlineReady) return { text: 'Available offline', tone: 'ok' };
  if (s.installing) return { text: 'Preparing offline use…', tone: 'muted' };
  return { text: '', tone: 'muted' };
}
