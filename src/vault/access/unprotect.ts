/**
 * unprotect() (ARCHITECTURE §8 "Access"): an owner's decision, confirmed by giving the owner's
 * credential again. Every sealed key becomes CryptoKeys as an unprotected vault keeps them
 * (exportable → extractable; non-exportable → non-extractable, bound to its default
 * algorithm), issuer credentials move back under a new vault key, and the header, the
 * principals and the throttle are removed; the audit log stays. Crypto first, one write.
 */
import type { AccessState } from '../access-types';
import type { VaultContext } from '../context';
import { newVaultKey, openText, sealText, VAULT_KEY_META } from '../secret-box';
import { VaultError } from '../vault-error';
import { PROTECTION_META, readHeader } from './access-store';
import { getAccessState } from './access-state';
import { appendAudit } from './audit-log';
import { givenCredential } from './credential-input';
import { requireUnlock } from './gate';
import { methodOf, openSlot } from './master-key';
import { assertUnchanged, convertVaultKeys, putVaultKeys, readVaultKeys, unprotectedRow } from './rekey';
import { lockSession } from './session';
import { recordFailure, resetThrottle } from './unlock-throttle';

/** Turns protection off after the current principal confirms with its credential; see the file comment. */
export async function unprotect(ctx: VaultContext, input: unknown): Promise<AccessState> {
  const credential = givenCredential(input);
  const s = await requireUnlock(ctx);
  const before = await ctx.store.read(async (tx) => ({
    row: await tx.get('access', s.principalKey),
    principals: (await tx.getAll('access')).map((r) => r.key),
    all: await readVaultKeys(tx),
  }));
  const method = methodOf(credential);
  const slot = before.row?.slots.find((x) => x.method === method);
  if (!slot) {
    throw new VaultError('BadParameter', `"${s.principal}" has no ${method}: confirm with the other method.`, {
      field: method === 'passphrase' ? 'passphrase' : 'prf',
    });
  }
  if (!(await openSlot(slot, ctx.name, s.principalKey, credential))) {
    await ctx.store.write(async (tx) => {
      await recordFailure(tx, ctx.now().getTime());
      await appendAudit(tx, ctx.now(), {
        principal: s.principal,
        action: 'unprotect',
        result: 'failed',
        detail: method,
      });
    });
    throw new VaultError('InvalidPassword', `The ${method} does not confirm "${s.principal}": protection stays on.`, {
      field: method === 'passphrase' ? 'passphrase' : 'prf',
    });
  }
  const vaultKey = await newVaultKey();
  const converted = await convertVaultKeys(
    before.all,
    (k) => unprotectedRow(k, s),
    async (r) => {
      if (!r.encryptedPassword) return r;
      const text = await openText(s.masterKey, r.encryptedPassword, `issuer:${r.key}`);
      return { ...r, encryptedPassword: await sealText(vaultKey, text, `issuer:${r.key}`) };
    },
  );
  await ctx.store.write(async (tx) => {
    const header = await readHeader(tx);
    if (header?.id !== s.headerId)
      throw new VaultError('Conflict', 'The protection changed meanwhile in another window.');
    await assertUnchanged(tx, before.all);
    // The header goes first: from here on the store takes only unsealed key rows.
    await tx.delete('meta', PROTECTION_META);
    for (const key of before.principals) await tx.delete('access', key);
    await putVaultKeys(tx, converted);
    await tx.put('meta', { key: VAULT_KEY_META, value: vaultKey });
    await resetThrottle(tx);
    await appendAudit(tx, ctx.now(), {
      principal: s.principal,
      action: 'unprotect',
      result: 'ok',
      detail: `${converted.keys.length} key(s) unsealed; ${before.principals.length} principal(s) removed`,
    });
  });
  lockSession(ctx.access);
  return getAccessState(ctx);
}
