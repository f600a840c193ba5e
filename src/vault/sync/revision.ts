/**
 * Optimistic concurrency for a certificate (ARCHITECTURE §9 "Concurrency"): the certificate row
 * carries a revision, one more at every change a person can see (policy, a version's properties,
 * a new version, a pending request, a restore; a recovered certificate is as it was). A screen saves with the revision it
 * showed (`ifMatch`); inside the write transaction the stored revision is compared, so when
 * another tab saved in between, the second save is refused (code Changed) instead of silently
 * overwriting the first. Lifetime bookkeeping (the `lifetimeSeen` note) leaves the revision as is.
 */
import { VaultError } from '../vault-error';

interface Revised {
  /** absent on rows written before revisions existed: counted as 0 */
  revision?: number;
}

/** The revision a stored row has (rows older than revisions: 0). */
export function revisionOf(row: Revised | undefined): number {
  return row?.revision ?? 0;
}

/** The revision the next write of a row gives it. */
export function nextRevision(row: Revised | undefined): number {
  return revisionOf(row) + 1;
}

/**
 * Refuses the write when the caller's `ifMatch` is not the stored revision. `what` names the
 * thing in the message ('The certificate "web"'). No `ifMatch`: last writer wins, as Key Vault.
 */
export function checkRevision(row: Revised | undefined, ifMatch: number | undefined, what: string): void {
  if (ifMatch === undefined) return;
  if (!Number.isInteger(ifMatch) || ifMatch < 0) {
    throw new VaultError('BadParameter', 'ifMatch must be a revision the vault returned (a whole number).');
  }
  if (revisionOf(row) !== ifMatch) {
    throw new VaultError(
      'Changed',
      `${what} was changed elsewhere (in another tab or window, or by a lifetime action) since it was shown here: nothing was saved. Reload it to see the change, then make yours again.`,
    );
  }
}
