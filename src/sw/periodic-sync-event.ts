/**
 * Periodic Background Sync (WICG, Chromium only) is not in TypeScript's lib.
 * https://wicg.github.io/periodic-background-sync/
 */
export interface PeriodicSyncEvent extends ExtendableEvent {
  readonly tag: string;
}
