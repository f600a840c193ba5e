/**
 * What every vault operation gets: the store, the vault's identity, the clock and the access
 * session of this open vault. Internal functions take a VaultContext first, so the class in
 * certificate-vault.ts stays a dispatcher.
 */
import { withSealGuard } from './access/seal-guard';
import { createAccessSession, lockSession, type AccessSession } from './access/session';
import { withLifetimeDueIndex } from './lifetime-due-index';
import { withChangeFeed } from './sync/change-feed';
import { openVaultChannel, type VaultChannel } from './sync/vault-channel';
import type { VaultStore } from './vault-store';

export interface VaultContext {
  readonly store: VaultStore;
  /** the vault's name */
  readonly name: string;
  /** https://<name>.vault.local */
  readonly vaultUrl: string;
  readonly now: () => Date;
  /** who unlocked this open vault, and the keys unsealed since (in memory only) */
  readonly access: AccessSession;
  /** the vault's cross-tab channel: every committed write is announced on it (ARCHITECTURE §9) */
  readonly channel: VaultChannel;
  readonly internals?: VaultInternals;
}

/**
 * Test hooks that openVault never sets: tests protect vaults with fewer PBKDF2 iterations than
 * the vault's 600 000, so a suite of unlocks does not take minutes.
 */
export interface VaultInternals {
  passphraseIterations?: number;
}

export function createVaultContext(
  store: VaultStore,
  now: () => Date = () => new Date(),
  internals?: VaultInternals,
): VaultContext {
  // Every certificate write keeps the lifetime due index (nextDueMs) right; every key write is
  // checked against the vault's protection; every committed write is announced to other tabs,
  // and a lock() announced by one of them drops this vault's unlock too.
  const access = createAccessSession();
  const channel = openVaultChannel(store.name, () => {
    lockSession(access);
  });
  return {
    store: withChangeFeed(withLifetimeDueIndex(withSealGuard(store)), (changes) => {
      channel.publish(changes);
    }),
    name: store.name,
    vaultUrl: vaultUrlOf(store.name),
    now,
    access,
    channel,
    ...(internals ? { internals } : {}),
  };
}

/** A local stand-in for https://<vault>.vault.azure.net: never fetched, only an identifier. */
function vaultUrlOf(vaultName: string): string {
  return `https://${vaultName.toLowerCase()}.vault.local`;
}
