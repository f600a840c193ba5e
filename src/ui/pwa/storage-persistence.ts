import { createStore } from 'zustand/vanilla';

export type PersistenceState = 'persisted' | 'best-effort' | 'unsupported';

export const persistenceStore = createStore<{ state: PersistenceState }>(() => ({ state: 'best-effort' }));

/**
 * Asks the browser not to evict the vault under storage pressure. Without it, IndexedDB is
 * "best effort" and a full disk can silently delete every key.
 */
export async function requestPersistence(): Promise<PersistenceState> {
  const storage = navigator.storage;
  if (!storage?.persist) {
    persistenceStore.setState({ state: 'unsupported' });
    return 'unsupported';
  }
  const granted = (await storage.persisted()) || (await storage.persist());
  const state: PersistenceState = granted ? 'persisted' : 'best-effort';
  persistenceStore.setState({ state });
  return state;
}
