import { createStore } from 'zustand/vanilla';
import type { AccessState, UnlockOptions } from '../state/vault-api';
import { getVault, vaultChanged, vaultStore } from '../state/vault-client';

/**
 * Whether the current vault is protected and unlocked, and the one place the page locks or
 * unlocks it (ARCHITECTURE §8 "Access", UI). The master key lives only in the open vault object
 * of this page: nothing here keeps a passphrase, a PRF output or a key; closing the page, or
 * switching vaults (which closes the vault object), forgets the unlock.
 *
 * Whatever else should lock (idle time, another tab) calls `lockVault` with its reason, and
 * whatever should hear about it (another tab) subscribes with `onLockChange`.
 */

export interface AccessView {
  /** the vault the state belongs to; a state of another vault is never shown */
  vault: string;
  /** undefined until the first read finished */
  state?: AccessState;
  /** the read failed (offline before the vault module was cached, a broken database) */
  error?: unknown;
}

export const accessStore = createStore<AccessView>(() => ({ vault: vaultStore.getState().name }));

/** Why the vault was locked; the lock screen says it. */
export type LockReason = 'button' | 'idle' | 'page-hidden' | 'other-tab';

export type LockEvent = { kind: 'locked'; reason: LockReason } | { kind: 'unlocked'; principal?: string };

const listeners = new Set<(event: LockEvent) => void>();
/** The reason of the last lock of this page, for the lock screen's words; cleared on unlock. */
export const lockReasonStore = createStore<{ reason?: LockReason }>(() => ({}));

/** Hears every lock and unlock this page makes; returns the unsubscribe. */
export function onLockChange(listener: (event: LockEvent) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function emit(event: LockEvent): void {
  for (const l of listeners) {
    try {
      l(event);
    } catch (e) {
      console.error('lock listener failed', e);
    }
  }
}

/** True while a protected vault waits for an unlock (the lock screen shows). */
export function isLockedView(view: AccessView): boolean {
  return view.state?.protected === true && !view.state.unlocked;
}

let reads = 0;

/** Reads the access state of the current vault into the store. */
export async function refreshAccess(): Promise<AccessState | undefined> {
  const name = vaultStore.getState().name;
  const read = ++reads;
  try {
    const state = await (await getVault()).getAccessState();
    // A later read (or another vault chosen meanwhile) wins.
    if (read === reads) accessStore.setState({ vault: name, state, error: undefined });
    return state;
  } catch (error) {
    if (read === reads) accessStore.setState({ vault: name, state: undefined, error });
    return undefined;
  }
}

/** Unlocks the current vault; throws the vault's error (InvalidPassword, Locked while throttled, NotFound). */
export async function unlockVault(options: UnlockOptions): Promise<AccessState> {
  try {
    const state = await (await getVault()).unlock(options);
    accessStore.setState({ vault: vaultStore.getState().name, state, error: undefined });
    lockReasonStore.setState({ reason: undefined });
    emit({ kind: 'unlocked', principal: state.principal });
    vaultChanged();
    return state;
  } catch (e) {
    // A failure moves the throttle on: show the new count and wait.
    await refreshAccess();
    throw e;
  }
}

/** Locks the current vault (a no-op for an unprotected or locked one). */
export async function lockVault(reason: LockReason): Promise<void> {
  const current = accessStore.getState().state;
  if (!current?.protected || !current.unlocked) return;
  await (await getVault()).lock();
  lockReasonStore.setState({ reason });
  await refreshAccess();
  emit({ kind: 'locked', reason });
  vaultChanged();
}

/**
 * Keeps the store in step: on every vault change (switch, write, unlock), when the page comes
 * back into view (another window may have protected the vault), and it locks as the page is
 * hidden for good or put into the back-forward cache, so a restored page never opens unlocked.
 */
export function startLockControl(): void {
  let last = { name: vaultStore.getState().name, revision: vaultStore.getState().revision };
  vaultStore.subscribe((s) => {
    if (s.name === last.name && s.revision === last.revision) return;
    if (s.name !== last.name) accessStore.setState({ vault: s.name, state: undefined, error: undefined });
    last = { name: s.name, revision: s.revision };
    void refreshAccess();
  });
  addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void refreshAccess();
  });
  addEventListener('pagehide', (e) => {
    if (e.persisted) void lockVault('page-hidden');
  });
  addEventListener('pageshow', (e) => {
    if (e.persisted) void refreshAccess();
  });
  void refreshAccess();
}
