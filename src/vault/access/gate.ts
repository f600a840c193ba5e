/**
 * The gate every vault call passes (ARCHITECTURE §8 "Access"): an unprotected vault allows
 * everything; a protected one answers Locked until unlocked, then checks the caller's
 * permission for the method (permissions.ts) and Forbidden names what is missing.
 *
 * Each call re-reads the protection header and the principal's access row (one small read),
 * so a change made in another tab applies at once: a removed principal is locked out, a
 * revoked permission is refused, a vault protected anew needs a new unlock. The row's MAC is
 * checked every time, so an edit of the stored permissions is refused, not obeyed.
 */
import type { AuditAction } from '../access-types';
import type { VaultContext } from '../context';
import { VaultError } from '../vault-error';
import { checkAccessRow } from './access-mac';
import { readHeader } from './access-store';
import { missingPermission, permissionName, type Requirement } from './permissions';
import { lockSession, type UnlockedState } from './session';

const LOCKED_MESSAGE = 'The vault is locked: unlock it first.';

/** VaultError `Locked`, by default with the words every locked call answers. */
export function lockedError(message = LOCKED_MESSAGE): VaultError {
  return new VaultError('Locked', message);
}

/**
 * Resolves when the session may do what `requirement` says; `doing` starts the Forbidden
 * message ("Purging the certificate needs the certificates/purge permission, …"). A refused
 * owner-only `audited` action is written to the audit log.
 */
export async function authorize(
  ctx: VaultContext,
  requirement: Requirement,
  doing: string,
  audited?: AuditAction,
): Promise<void> {
  if (requirement === 'none') return;
  const s = await currentUnlock(ctx);
  if (!s) return; // unprotected
  if (requirement === 'unlocked' || s.owner) return;
  if (requirement === 'owner') {
    if (audited) {
      // Loaded here, not with the gate: its SHA-256 is not needed to open or list a vault.
      const { writeAudit } = await import('./audit-log');
      await writeAudit(ctx, { principal: s.principal, action: audited, result: 'refused', detail: 'not an owner' });
    }
    throw new VaultError(
      'Forbidden',
      `${doing} is for owners of the vault, and "${s.principal}" is not one: ask an owner to do it, or to make you an owner.`,
    );
  }
  const missing = missingPermission(s.permissions, requirement);
  if (missing) {
    throw new VaultError(
      'Forbidden',
      `${doing} needs the ${permissionName(missing)} permission, which "${s.principal}" does not hold: ask an owner of the vault to grant it.`,
    );
  }
}

/**
 * The unlocked state brought up to date with the stored row, or undefined for an unprotected
 * vault; Locked when the vault is protected and this session has no valid unlock.
 */
export async function currentUnlock(ctx: VaultContext): Promise<UnlockedState | undefined> {
  const session = ctx.access;
  const s = session.unlocked;
  const { header, row } = await ctx.store.read(async (tx) => ({
    header: await readHeader(tx),
    row: s ? await tx.get('access', s.principalKey) : undefined,
  }));
  if (!header) {
    // Unprotected meanwhile (another tab): nothing of the old unlock applies any more.
    if (s) lockSession(session);
    return undefined;
  }
  if (!s) throw lockedError();
  if (s.headerId !== header.id) {
    lockSession(session);
    throw lockedError('The vault was protected anew in another window: unlock it again.');
  }
  if (!row) {
    lockSession(session);
    throw lockedError(`The access policy of "${s.principal}" was removed by an owner: the vault is locked again.`);
  }
  await checkAccessRow(s.macKey, ctx.name, header.id, row, s);
  s.owner = row.owner;
  s.permissions = row.permissions;
  return s;
}

/** The unlocked state of a protected vault: Locked when it is locked, Conflict when it is not protected. */
export async function requireUnlock(ctx: VaultContext): Promise<UnlockedState> {
  const s = await currentUnlock(ctx);
  if (!s) throw new VaultError('Conflict', 'The vault is not protected: protect it first.');
  return s;
}
