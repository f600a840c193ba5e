import { createStore } from 'zustand/vanilla';

export type PersistenceState = 'persisted' | 'best-effort' | 'unsupported';

export interface PersistenceSnapshot {
  state: PersistenceState;
  /** false until the browser answered (so a persistent vault never flashes the notice) */
  known: boolean;
  /** true once the person asked (the notice's button) and the browser kept "best effort" */
  declined: boolean;
  /** StorageManager.estimate(), when the browser gives one */
  usage?: number;
  quota?: number;
}

export const persistenceStore = createStore<PersistenceSnapshot>(() => ({
  state: 'best-effort',
  known: false,
  declined: false,
}));

/** Older Safari and some embedded webviews have no StorageManager at all. */
function storageManager(): Partial<StorageManager> | undefined {
  const storage = (navigator as { storage?: Partial<StorageManager> }).storage;
  return storage?.persist && storage.persisted ? storage : undefined;
}

async function readEstimate(storage: Partial<StorageManager>): Promise<Pick<PersistenceSnapshot, 'usage' | 'quota'>> {
  try {
    const e = await storage.estimate?.();
    return e ? { usage: e.usage, quota: e.quota } : {};
  } catch {
    return {};
  }
}

/**
 * Asks the browser not to evict the vault under storage pressure. Without it, IndexedDB is
 * "best effort": when the disk runs low (or, in some browsers, after weeks unvisited) the browser
 * may delete the whole origin's storage, every key and certificate with it, without asking.
 * Chromium answers at once from its own signals (installed, bookmarked, often used); Firefox
 * asks the person, so the notice's button, a user gesture, calls this too.
 */
export async function requestPersistence(options: { byPerson?: boolean } = {}): Promise<PersistenceState> {
  const storage = storageManager();
  if (!storage?.persist || !storage.persisted) {
    persistenceStore.setState({ state: 'unsupported', known: true });
    return 'unsupported';
  }
  let granted = false;
  try {
    granted = (await storage.persisted()) || (await storage.persist());
  } catch {
    // A browser that refuses the question (a sandboxed frame) leaves storage best effort.
  }
  const state: PersistenceState = granted ? 'persisted' : 'best-effort';
  persistenceStore.setState({
    known: true,
    state,
    declined: options.byPerson === true && !granted,
    ...(await readEstimate(storage)),
  });
  return state;
}
