/**
 * One open vault's end of its cross-tab channel (ARCHITECTURE §9 "Two tabs"): a BroadcastChannel
 * named after the vault's database, on which it posts the changes of its committed writes and
 * hears lock() from the vault's other tabs. BroadcastChannel is in every browser context Certkeep
 * runs in (page, service worker) and in Node; where it is missing the vault works alone.
 */
import { channelName, changeMessage, readChangeMessage, type VaultChange } from './change-message';
import { noteLocalVault } from './local-vaults';

export interface VaultChannel {
  /** this open vault's id on the channel */
  readonly id: string;
  /** Posts one committed write's changes to every other context of the vault. */
  publish(changes: VaultChange[]): void;
  close(): void;
}

/**
 * Opens the channel of vault `vaultName`. `onLock` runs when another open vault of that name
 * announces lock(): the unlock of this one is dropped too, so locking one tab locks them all.
 */
export function openVaultChannel(vaultName: string, onLock: () => void): VaultChannel {
  const id = crypto.randomUUID();
  const forget = noteLocalVault(id);
  if (typeof BroadcastChannel === 'undefined') {
    return { id, publish: () => undefined, close: forget };
  }
  const channel = new BroadcastChannel(channelName(vaultName));
  // Node keeps its event loop alive for an open channel; a vault left open must not hold a test run.
  (channel as { unref?: () => void }).unref?.();
  channel.onmessage = (event: MessageEvent) => {
    const message = readChangeMessage(event.data);
    if (!message || message.from === id || message.vault !== vaultName) return;
    if (message.changes.some((c) => c.kind === 'lock')) onLock();
  };
  let open = true;
  return {
    id,
    publish: (changes) => {
      if (!open || changes.length === 0) return;
      try {
        channel.postMessage(changeMessage(vaultName, id, changes));
      } catch {
        // A closing context may refuse to post; the change itself is committed, and the other
        // tabs see it at their next read.
      }
    },
    close: () => {
      open = false;
      forget();
      channel.close();
    },
  };
}
