/**
 * Cancelling and watching the vault's long calls (ARCHITECTURE §4 "Long work"): RSA key
 * generation, key derivations with high iteration counts, backup, restore, bulk import. A call
 * checks its signal between steps and once more right before its one write transaction, so a
 * cancel either comes before the write (VaultError 'Cancelled', nothing stored) or after it
 * (the call completes). A step that cannot be interrupted (WebCrypto's generateKey, a native
 * PBKDF2) runs to its end and its result is dropped.
 */
import type { Work, WorkProgress } from '../pki/work';
import { VaultError } from './vault-error';

/** Certkeep's extra options on create, import, backup and restore (not in Key Vault's SDK). */
export interface LongWorkOptions {
  /** Aborting it stops the call with VaultError 'Cancelled' and nothing stored. */
  signal?: AbortSignal;
  /**
   * How far the call is. `phase`: 'generating-key', 'deriving-key' (a password's key
   * derivation), 'signing', 'encrypting', 'decrypting', 'writing', 'importing' (bulk import);
   * `done` of `total` units of that phase, no `total` = indeterminate.
   */
  onProgress?: (progress: LongWorkProgress) => void;
}

export type LongWorkProgress = WorkProgress & {
  /** bulk import: the file being worked on */
  item?: string;
};

export interface WatchedWork {
  /** What pki/ loops get: the same signal and progress callback. */
  readonly work: Work | undefined;
  /** Throws VaultError 'Cancelled' when the call was asked to stop. */
  check(): void;
  /** Checks, reports the start of `phase`, and checks again (a listener may cancel on seeing it). */
  step(phase: string, done?: number, total?: number): void;
}

/** A VaultError saying what was cancelled; nothing was stored. */
function cancelledError(doing: string, cause?: unknown): VaultError {
  return new VaultError('Cancelled', `${doing} was cancelled before anything was stored: the vault is unchanged.`, {
    cause,
  });
}

export function watchWork(options: LongWorkOptions | undefined, doing: string): WatchedWork {
  const signal = options?.signal;
  const onProgress = options?.onProgress;
  const check = () => {
    if (signal?.aborted) throw cancelledError(doing, signal.reason);
  };
  return {
    work: signal || onProgress ? { signal, onProgress } : undefined,
    check,
    step(phase, done = 0, total) {
      check();
      onProgress?.(total === undefined ? { done, phase } : { done, total, phase });
      check();
    },
  };
}
