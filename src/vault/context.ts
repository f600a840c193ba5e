/**
 * What every vault operation gets: the store, the vault's identity, the clock and the access
 * session of this open vault. Internal functions take a VaultContext first, so the class in
 * certificate-vault.ts stays a dispatcher.
 */
import { createAccessSession, type AccessSession } from './access/session';
import { withLifetimeDueIndex } from './lifetime-due-index';
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
}

export function createVaultContext(store: VaultStore, now: () => Date = () => new Date()): VaultContext {
  // Every certificate write keeps the lifetime due index (nextDueMs) right.
  return {
    store: withLifetimeDueIndex(store),
    name: store.name,
    vaultUrl: vaultUrlOf(store.name),
    now,
    access: createAccessSession(),
  };
}

/** A local stand-in for https://<vault>.vault.azure.net: never fetched, only an identifier. */
function vaultUrlOf(vaultName: string): string {
  return `https://${vaultName.toLowerCase()}.vault.local`;
}
