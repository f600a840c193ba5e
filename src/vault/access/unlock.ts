/**
 * unlock / lock (ARCHITECTURE §8 "Access"). Unlocking opens the principal's slot with the
 * credential given (a wrong one fails GCM's tag: InvalidPassword, counted by the throttle),
 * checks the integrity of the header and of the principal's row, opens the sealing private key,
 * and keeps all of it in this open vault's session only. Every attempt is in the audit log.
 */
import type { AccessState } from '../access-types';
import type { VaultContext } from '../context';
import { checkPrincipal } from '../names';
import { VaultError } from '../vault-error';
import { checkAccessRow, checkHeader, macKeyOf } from './access-mac';
import { readHeader, readThrottle, type AccessRecord, type ProtectionHeader } from './access-store';
import { getAccessState } from './access-state';
import { appendAudit, writeAudit } from './audit-log';
import { givenCredential } from './credential-input';
import { lockedError } from './gate';
import { methodOf, openSlot, type Credential } from './master-key';
import { importSealingKey, openBytes, SEALING_KEY_LABEL } from './sealing';
import { lockSession, type UnlockedState } from './session';
import { FREE_UNLOCK_TRIES, recordFailure, resetThrottle, retryAfter } from './unlock-throttle';

/** Unlocks as a principal; attempts of one open vault run one after the other. */
export async function unlock(ctx: VaultContext, input: unknown): Promise<AccessState> {
  const o = typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {};
  const { principal, key } = checkPrincipal(o.principal);
  const credential = givenCredential(o);
  // One attempt at a time per open vault, so the throttle sees each failure before the next try.
  const attempt = ctx.access.unlocking.then(() => attemptUnlock(ctx, principal, key, credential));
  ctx.access.unlocking = attempt.catch(() => undefined);
  return attempt;
}

async function attemptUnlock(
  ctx: VaultContext,
  principal: string,
  key: string,
  credential: Credential,
): Promise<AccessState> {
  const nowMs = ctx.now().getTime();
  const { header, row, throttle } = await ctx.store.read(async (tx) => ({
    header: await readHeader(tx),
    row: await tx.get('access', key),
    throttle: await readThrottle(tx),
  }));
  if (!header) throw new VaultError('Conflict', 'The vault is not protected: there is nothing to unlock.');
  const wait = retryAfter(throttle, nowMs);
  if (wait) {
    await writeAudit(ctx, { principal, action: 'unlock', result: 'refused', detail: 'throttled' });
    const seconds = Math.ceil((wait.getTime() - nowMs) / 1000);
    throw lockedError(
      `Too many failed unlocks (${throttle.failures} in a row): try again in ${seconds} s. Each further failure doubles the wait, up to 15 minutes.`,
    );
  }
  if (!row) {
    throw new VaultError('NotFound', `There is no principal named "${principal}" in this vault.`, {
      field: 'principal',
    });
  }
  const method = methodOf(credential);
  const slot = row.slots.find((s) => s.method === method);
  if (!slot) {
    const other = method === 'passphrase' ? 'passkey' : 'passphrase';
    throw new VaultError('BadParameter', `"${row.principal}" has no ${method}: unlock with the ${other}.`, {
      field: method === 'passphrase' ? 'passphrase' : 'prf',
    });
  }
  const masterKey = await openSlot(slot, ctx.name, key, credential);
  if (!masterKey) {
    const failures = await ctx.store.write(async (tx) => {
      const n = await recordFailure(tx, nowMs);
      await appendAudit(tx, ctx.now(), {
        principal: row.principal,
        action: 'unlock',
        result: 'failed',
        detail: method,
      });
      return n;
    });
    const slowing =
      failures >= FREE_UNLOCK_TRIES ? ` After ${failures} failures in a row, each further try waits longer.` : '';
    throw new VaultError(
      'InvalidPassword',
      `The ${method === 'passphrase' ? 'passphrase' : 'passkey'} does not unlock the vault as "${row.principal}".${slowing}`,
      { field: method === 'passphrase' ? 'passphrase' : 'prf' },
    );
  }
  const state = await openedState(ctx, header, row, masterKey).catch(async (e: unknown) => {
    await writeAudit(ctx, { principal: row.principal, action: 'unlock', result: 'failed', detail: 'tampered' });
    throw e;
  });
  lockSession(ctx.access);
  ctx.access.unlocked = state;
  await ctx.store.write(async (tx) => {
    await resetThrottle(tx);
    await appendAudit(tx, ctx.now(), { principal: row.principal, action: 'unlock', result: 'ok', detail: method });
  });
  return getAccessState(ctx);
}

/** The session an opened master key gives, once the stored header and row prove untouched. */
export async function openedState(
  ctx: VaultContext,
  header: ProtectionHeader,
  row: AccessRecord,
  masterKey: CryptoKey,
): Promise<UnlockedState> {
  const macKey = await macKeyOf(masterKey);
  await checkHeader(macKey, ctx.name, header);
  await checkAccessRow(macKey, ctx.name, header.id, row);
  const pkcs8 = await openBytes(masterKey, header.sealedSealingKey, SEALING_KEY_LABEL);
  const sealingKey = await importSealingKey(pkcs8).finally(() => pkcs8.fill(0));
  return {
    headerId: header.id,
    principal: row.principal,
    principalKey: row.key,
    owner: row.owner,
    permissions: row.permissions,
    masterKey,
    macKey,
    sealingKey,
  };
}

/**
 * Forgets the unlock (and every unsealed key); audited when there was one. Announced on the
 * vault's channel, so every other tab of the vault drops its unlock as well (ARCHITECTURE §9).
 */
export async function lock(ctx: VaultContext): Promise<void> {
  const s = ctx.access.unlocked;
  lockSession(ctx.access);
  ctx.channel.publish([{ kind: 'lock' }]);
  if (s) await writeAudit(ctx, { principal: s.principal, action: 'lock', result: 'ok' });
}
