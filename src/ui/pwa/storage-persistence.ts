import { createStore } from 'zustand/vanilla';

export type PersistenceState = 'persisted' | 'best-effort' | 'unsupported';

export const persistenceStore = createStore<{ state: PersistenceState }>(() => ({ state: 'best-effort' }));

/**
 * Asks the browser not to evict the vault under storage pressure. Without it, IndexedDB is
 * "best effort" and a full disk can silently delete every key.
 */
export async function requestPersistence(): Promise<PersistenceState> {
  // Older Safari and some embedded webviews have no StorageManager at all.
  const storage = (navigator as { storage?: Partial<StorageManager> }).storage;
  if (!storage?.persist || !storage.persisted) {
    persistenceStore.setState({ state: 'unsupported' });
    return 'unsupported';
  }
  const granted = (await storage.persisted()) || (await storage.persist());
  const state: PersistenceState = granted ? 'persisted' : 'best-effort';
  persistenceStore.setState({ state });
  return state;
}
