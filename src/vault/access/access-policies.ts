/**
 * setAccessPolicy / deleteAccessPolicy / listAccessPolicies (ARCHITECTURE §8 "Access"), for
 * owners only (the gate checks; so does the write). An owner holds every permission and alone
 * changes access policies; at least one owner always remains. A principal's slot wraps the
 * master key under its own credential, so adding one needs the vault unlocked by an owner.
 */
import type { AccessPolicy, Permissions } from '../access-types';
import type { VaultContext } from '../context';
import { checkPrincipal } from '../names';
import { VaultError } from '../vault-error';
import type { StoreTx } from '../vault-store';
import { checkAccessRow, macAccessRow } from './access-mac';
import { readHeader, type AccessRecord, type Slot } from './access-store';
import { appendAudit } from './audit-log';
import { newCredentials } from './credential-input';
import { requireUnlock } from './gate';
import { passphraseIterations } from './kek';
import { makeSlot, methodOf } from './master-key';
import { allPermissions, checkPermissions } from './permissions';
import { lockSession, type UnlockedState } from './session';

/** Adds or changes a principal (owners only): permissions, owner flag, new slots for the credentials given. */
export async function setAccessPolicy(
  ctx: VaultContext,
  principalInput: unknown,
  input: unknown,
): Promise<AccessPolicy> {
  const s = await ownerUnlock(ctx);
  const { principal, key } = checkPrincipal(principalInput);
  const o = typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {};
  if (o.owner !== undefined && typeof o.owner !== 'boolean')
    throw new VaultError('BadParameter', 'owner must be true or false.', { field: 'owner' });
  const given = o.permissions === undefined ? undefined : checkPermissions(o.permissions);
  const credentials = newCredentials(o);
  const existing = await ctx.store.read((tx) => tx.get('access', key));
  if (!existing && credentials.length === 0) {
    throw new VaultError(
      'BadParameter',
      `"${principal}" is a new principal: give a passphrase or a passkey for it to unlock with.`,
      { field: 'passphrase' },
    );
  }
  const owner = o.owner ?? existing?.owner ?? false;
  if (!owner && !given && !existing) {
    throw new VaultError('BadParameter', `Give the permissions of "${principal}" (or make it an owner).`, {
      field: 'permissions',
    });
  }
  const permissions: Permissions = owner ? allPermissions() : (given ?? existing?.permissions ?? allPermissions());
  let slots: Slot[] = existing?.slots ?? [];
  for (const c of credentials) {
    const slot = await makeSlot(s.masterKey, ctx.name, key, c, passphraseIterations(ctx));
    slots = [...slots.filter((x) => x.method !== methodOf(c)), slot];
  }
  const now = ctx.now();
  const fields = { key, principal: existing?.principal ?? principal, owner, permissions };
  const row: AccessRecord = {
    ...fields,
    slots,
    createdOn: existing?.createdOn ?? now,
    updatedOn: now,
    mac: await macAccessRow(s.macKey, ctx.name, s.headerId, fields),
  };
  await ctx.store.write(async (tx) => {
    await assertSameProtection(tx, s);
    const current = await tx.get('access', key);
    if (current?.owner && !owner) await assertAnotherOwner(tx, key);
    await tx.put('access', row);
    await appendAudit(tx, now, {
      principal: s.principal,
      action: 'setAccessPolicy',
      target: row.principal,
      result: 'ok',
      detail: `${current ? 'changed' : 'added'}: ${owner ? 'owner' : describePermissions(permissions)}${credentials.length ? `; new ${credentials.map(methodOf).join(' and ')}` : ''}`,
    });
  });
  return toPolicy(row);
}

/** Removes a principal (owners only, never the last owner); removing oneself locks this session. */
export async function deleteAccessPolicy(ctx: VaultContext, principalInput: unknown): Promise<AccessPolicy> {
  const s = await ownerUnlock(ctx);
  const { principal, key } = checkPrincipal(principalInput);
  const removed = await ctx.store.write(async (tx) => {
    await assertSameProtection(tx, s);
    const row = await tx.get('access', key);
    if (!row) throw new VaultError('NotFound', `There is no principal named "${principal}" in this vault.`);
    if (row.owner) await assertAnotherOwner(tx, key);
    await tx.delete('access', key);
    await appendAudit(tx, ctx.now(), {
      principal: s.principal,
      action: 'deleteAccessPolicy',
      target: row.principal,
      result: 'ok',
    });
    return row;
  });
  if (key === s.principalKey) lockSession(ctx.access);
  return toPolicy(removed);
}

/** Every principal, each row's MAC checked (owners only); [] for an unprotected vault. */
export async function listAccessPolicies(ctx: VaultContext): Promise<AccessPolicy[]> {
  const { header, rows } = await ctx.store.read(async (tx) => ({
    header: await readHeader(tx),
    rows: await tx.getAll('access'),
  }));
  if (!header) return [];
  const s = await ownerUnlock(ctx);
  for (const row of rows) await checkAccessRow(s.macKey, ctx.name, s.headerId, row);
  return rows.map(toPolicy);
}

async function ownerUnlock(ctx: VaultContext): Promise<UnlockedState> {
  const s = await requireUnlock(ctx);
  if (!s.owner)
    throw new VaultError('Forbidden', `Only owners change access policies, and "${s.principal}" is not one.`);
  return s;
}

async function assertSameProtection(tx: StoreTx, s: UnlockedState): Promise<void> {
  if ((await readHeader(tx))?.id !== s.headerId)
    throw new VaultError('Conflict', 'The protection changed meanwhile in another window: unlock again.');
}

async function assertAnotherOwner(tx: StoreTx, key: string): Promise<void> {
  const owners = (await tx.getAll('access')).filter((r) => r.owner && r.key !== key);
  if (owners.length === 0) {
    throw new VaultError(
      'Conflict',
      'This is the last owner of the vault: make another principal an owner first (or unprotect the vault).',
      { field: 'owner' },
    );
  }
}

/** "certificates: get, list; keys: sign; secrets: none" */
export function describePermissions(p: Permissions): string {
  const list = (xs: string[]) => (xs.length ? xs.join(', ') : 'none');
  return `certificates: ${list(p.certificates)}; keys: ${list(p.keys)}; secrets: ${list(p.secrets)}`;
}

function toPolicy(row: AccessRecord): AccessPolicy {
  return {
    principal: row.principal,
    permissions: structuredClone(row.permissions),
    methods: row.slots.map((x) => x.method),
    owner: row.owner,
    createdOn: new Date(row.createdOn),
    updatedOn: new Date(row.updatedOn),
  };
}
