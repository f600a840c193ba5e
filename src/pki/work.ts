/**
 * Long work that a person may watch and stop: key derivations with high iteration counts. A
 * caller passes a `Work`; loops that run in JavaScript give the event loop a turn between
 * blocks (so a click on Cancel is seen and the page repaints), report how far they are and stop
 * with PkiError('cancelled') once the signal is aborted. Work done in one native call (a WebCrypto
 * PBKDF2) cannot be interrupted: it is checked before and after, and its result discarded.
 */
import { PkiError } from './pki-error';

/** How far a long step is: `done` of `total` units (iterations); no `total` = indeterminate. */
export interface WorkProgress {
  done: number;
  total?: number;
  /** what is being done, e.g. 'deriving-key' */
  phase: string;
}

export interface Work {
  signal?: AbortSignal;
  onProgress?: (progress: WorkProgress) => void;
}

/** Throws PkiError('cancelled') when the work was asked to stop. */
export function throwIfCancelled(work: Work | undefined): void {
  if (work?.signal?.aborted) throw new PkiError('cancelled', 'cancelled');
}

interface Scheduler {
  yield?: () => Promise<void>;
}

/** Lets other tasks run (input, rendering, an abort) before the loop continues. */
export function nextTurn(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
