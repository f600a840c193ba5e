import { createStore } from 'zustand/vanilla';

interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<void>;
  userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

/** Whether Chromium offered installation (beforeinstallprompt) and whether we are installed. */
export const installStore = createStore<{ canInstall: boolean; installed: boolean }>(() => ({
  canInstall: false,
  // matchMedia is absent outside a browser (unit tests in Node).
  installed:
    (globalThis as { matchMedia?: Window['matchMedia'] }).matchMedia?.('(display-mode: standalone)').matches ?? false,
}));

let deferred: BeforeInstallPromptEvent | undefined;

/** Keeps the install prompt for the Settings button instead of Chromium's mini-infobar. */
export function startInstallPrompt(): void {
  addEventListener('beforeinstallprompt', (e) => {
    e.preventDefault();
    deferred = e as BeforeInstallPromptEvent;
    installStore.setState({ canInstall: true });
  });
  addEventListener('appinstalled', () => {
    deferred = undefined;
    installStore.setState({ canInstall: false, installed: true });
  });
}

/** Shows the browser's install dialog (must run in a click handler). */
export async function promptInstall(): Promise<void> {
  const event = deferred;
  if (!event) return;
  deferred = undefined;
  installStore.setState({ canInstall: false });
  await event.prompt();
  const { outcome } = await event.userChoice;
  if (outcome === 'dismissed') {
    // Chromium fires beforeinstallprompt again later; until then the button stays hidden.
  }
}
