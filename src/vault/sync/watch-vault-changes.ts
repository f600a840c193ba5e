/**
 * watchVaultChanges (ARCHITECTURE §9 "Two tabs"): what the UI subscribes to so a change made in
 * another tab, window or the service worker (a lifetime renewal) shows here. It hears only the
 * vault's channel, needs no open vault, and loads nothing else of the vault.
 */
import { channelName, readChangeMessage, type VaultChange } from './change-message';
import { isLocalVault } from './local-vaults';

/**
 * Calls `listener` with the changes of every write committed elsewhere to vault `vaultName`
 * (writes of vaults opened in this page are left out: the screen that made them refreshed
 * already). Returns the function that stops listening.
 */
export function watchVaultChanges(vaultName: string, listener: (changes: VaultChange[]) => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const channel = new BroadcastChannel(channelName(vaultName));
  (channel as { unref?: () => void }).unref?.();
  channel.onmessage = (event: MessageEvent) => {
    const message = readChangeMessage(event.data);
    if (!message || message.vault !== vaultName || isLocalVault(message.from)) return;
    listener(message.changes);
  };
  return () => {
    channel.close();
  };
}
