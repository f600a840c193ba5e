/**
 * getAccessState (ARCHITECTURE §8 "Access"): whether the vault is protected and unlocked, as
 * whom, and, for the lock screen, every principal with its unlock methods and the public half
 * of its passkey (credential id and PRF input: what navigator.credentials.get needs), plus the
 * unlock throttle. Public data only: it answers while locked.
 */
import type { AccessState, PrincipalInfo } from '../access-types';
import type { VaultContext } from '../context';
import { isVaultError } from '../vault-error';
import { readHeader, readThrottle, type AccessRecord } from './access-store';
import { currentUnlock } from './gate';
import { lockSession } from './session';
import { retryAfter } from './unlock-throttle';

/** The access state of this open vault; answers while locked. */
export async function getAccessState(ctx: VaultContext): Promise<AccessState> {
  const read = await ctx.store.read(async (tx) => ({
    header: await readHeader(tx),
    rows: await tx.getAll('access'),
    throttle: await readThrottle(tx),
  }));
  let unlocked;
  try {
    unlocked = await currentUnlock(ctx);
  } catch (e) {
    // Locked, or a session whose stored row was tampered with: report the vault as locked.
    if (!isVaultError(e) || (e.code !== 'Locked' && e.code !== 'Malformed')) throw e;
    lockSession(ctx.access);
  }
  if (!read.header) return { protected: false, unlocked: true };
  const state: AccessState = {
    protected: true,
    unlocked: unlocked !== undefined,
    principals: read.rows.map(publicInfo),
    failedUnlocks: read.throttle.failures,
  };
  const wait = retryAfter(read.throttle, ctx.now().getTime());
  if (wait) state.retryAfter = wait;
  if (unlocked) {
    state.principal = unlocked.principal;
    state.owner = unlocked.owner;
    state.permissions = structuredClone(unlocked.permissions);
  }
  return state;
}

/** A principal's public data: name, methods, the passkey's credential id and PRF input. */
function publicInfo(row: AccessRecord): PrincipalInfo {
  const info: PrincipalInfo = { principal: row.principal, methods: row.slots.map((s) => s.method) };
  const passkey = row.slots.find((s) => s.method === 'passkey');
  if (passkey) info.passkey = { credentialId: passkey.credentialId.slice(), prfSalt: passkey.prfSalt.slice() };
  return info;
}
