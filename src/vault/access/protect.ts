/**
 * protect() (ARCHITECTURE §8 "Access"): turns protection on. Makes the master key, the sealing
 * key pair and the first owner's slot; seals every key that can be sealed (an extractable
 * CryptoKey) and marks the rest device-bound; moves issuer credentials under the master key;
 * deletes the vault key. All crypto first, then one write transaction, so an interrupted
 * protect leaves the vault as it was. The vault stays unlocked as that owner.
 */
import type { AccessState } from '../access-types';
import type { VaultContext } from '../context';
import { newVersionId } from '../ids';
import { checkPrincipal } from '../names';
import { openText, readVaultKey, sealText, VAULT_KEY_META } from '../secret-box';
import { VaultError } from '../vault-error';
import type { IssuerRecord } from '../vault-store';
import { macAccessRow, macHeader, macKeyOf } from './access-mac';
import { PROTECTION_META, readHeader, type AccessRecord, type ProtectionHeader } from './access-store';
import { getAccessState } from './access-state';
import { appendAudit } from './audit-log';
import { newCredential } from './credential-input';
import { passphraseIterations } from './kek';
import { makeSlot, newMasterKey } from './master-key';
import { allPermissions } from './permissions';
import { assertUnchanged, convertVaultKeys, protectedRow, putVaultKeys, readVaultKeys } from './rekey';
import { importSealingKey, newSealingPair, sealBytes, SEALING_KEY_LABEL } from './sealing';
import { lockSession } from './session';
import { resetThrottle } from './unlock-throttle';

/** Turns protection on; see the file comment. */
export async function protect(ctx: VaultContext, input: unknown): Promise<AccessState> {
  const o = typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {};
  const { principal, key } = checkPrincipal(o.principal);
  const credential = newCredential(o);
  const before = await ctx.store.read(async (tx) => ({
    header: await readHeader(tx),
    vaultKey: await readVaultKey(tx),
    all: await readVaultKeys(tx),
  }));
  if (before.header) {
    throw new VaultError('Conflict', 'The vault is protected already: an owner adds principals on the Access page.');
  }
  const now = ctx.now();
  const masterKey = await newMasterKey();
  const macKey = await macKeyOf(masterKey);
  const sealing = await newSealingPair();
  const sealingKey = await importSealingKey(sealing.pkcs8);
  const unsigned = {
    format: 1 as const,
    id: newVersionId(),
    sealingPublicKey: sealing.spki,
    sealedSealingKey: await sealBytes(masterKey, sealing.pkcs8, SEALING_KEY_LABEL),
    protectedOn: now,
  };
  sealing.pkcs8.fill(0);
  const header: ProtectionHeader = { ...unsigned, mac: await macHeader(macKey, ctx.name, unsigned) };
  const slot = await makeSlot(masterKey, ctx.name, key, credential, passphraseIterations(ctx));
  const fields = { key, principal, owner: true, permissions: allPermissions() };
  const row: AccessRecord = {
    ...fields,
    slots: [slot],
    createdOn: now,
    updatedOn: now,
    mac: await macAccessRow(macKey, ctx.name, header.id, fields),
  };
  const converted = await convertVaultKeys(
    before.all,
    (k) => protectedRow(k, masterKey),
    async (r) => {
      if (!r.encryptedPassword) return r;
      if (!before.vaultKey) throw new VaultError('Malformed', `The credential of issuer "${r.name}" has no vault key.`);
      const text = await openText(before.vaultKey, r.encryptedPassword, `issuer:${r.key}`);
      return { ...r, encryptedPassword: { ...(await sealText(masterKey, text, `issuer:${r.key}`)), form: 'mk' } };
    },
  );
  const sealed = converted.keys.filter((k) => k.sealed).length;
  const bound = converted.keys.length - sealed;

  await ctx.store.write(async (tx) => {
    if (await readHeader(tx)) throw new VaultError('Conflict', 'The vault was protected meanwhile in another window.');
    await assertUnchanged(tx, before.all);
    // The header first: from here on the store takes only sealed or device-bound key rows.
    await tx.put('meta', { key: PROTECTION_META, value: header });
    await tx.put('access', row);
    await putVaultKeys(tx, converted);
    await tx.delete('meta', VAULT_KEY_META);
    await resetThrottle(tx);
    await appendAudit(tx, now, {
      principal,
      action: 'protect',
      target: principal,
      result: 'ok',
      detail: `owner, ${slot.method}; ${sealed} key(s) sealed, ${bound} device-bound; ${credentialsOf(converted.issuers)} issuer credential(s) moved`,
    });
  });
  lockSession(ctx.access);
  ctx.access.unlocked = {
    headerId: header.id,
    principal,
    principalKey: key,
    owner: true,
    permissions: fields.permissions,
    masterKey,
    macKey,
    sealingKey,
  };
  return getAccessState(ctx);
}

const credentialsOf = (issuers: IssuerRecord[]) => issuers.filter((i) => i.encryptedPassword).length;
