/**
 * Certificate issuers (Key Vault's integrated CAs: DigiCert, GlobalSign, or any provider name).
 * Certkeep never calls a CA (no network), but keeps every field of the integrated-CA docs so a
 * policy can name the issuer and the admin has the account details at hand.
 *
 * The password / API key is sealed (access/credentials.ts: under the vault key, or a protected
 * vault's master key) before it reaches the store; getIssuer returns it decrypted, as the SDK
 * does (the UI masks it).
 */
import type { VaultContext } from './context';
import { issuerIdOf } from './ids';
import { isValidEmail } from './contacts';
import { issuerKey, newIssuerKey } from './names';
import { openCredential, sealCredential } from './access/credentials';
import type { SealedValue } from './secret-box';
import type {
  AdministratorContact,
  CertificateIssuer,
  CreateIssuerOptions,
  IssuerProperties,
  UpdateIssuerOptions,
} from './types';
import { VaultError, type VaultErrorField } from './vault-error';
import type { IssuerRecord, StoreTx } from './vault-store';

const MAX_FIELD = 1024;

export async function createIssuer(
  ctx: VaultContext,
  name: string,
  provider: string,
  options: CreateIssuerOptions = {},
): Promise<CertificateIssuer> {
  const key = newIssuerKey(name);
  const fields = checkFields(options);
  const checkedProvider = checkProvider(provider);
  const password = fields.password ? await seal(ctx, key, fields.password) : undefined;
  const now = ctx.now();
  const record: IssuerRecord = {
    key,
    name,
    provider: checkedProvider,
    accountId: fields.accountId,
    organizationId: fields.organizationId,
    administratorContacts: fields.administratorContacts,
    encryptedPassword: password,
    enabled: fields.enabled ?? true,
    createdOn: now,
    updatedOn: now,
  };
  await ctx.store.write(async (tx) => {
    const existing = await tx.get('issuers', key);
    if (existing)
      throw new VaultError(
        'Conflict',
        `An issuer named "${existing.name}" already exists: update it, or delete it first.`,
        {
          field: 'name',
        },
      );
    await tx.put('issuers', record);
  });
  return toIssuer(ctx, record, fields.password);
}

export async function getIssuer(ctx: VaultContext, name: string): Promise<CertificateIssuer> {
  const key = issuerKey(name);
  const record = await ctx.store.read((tx) => requireIssuer(tx, key, name));
  return toIssuer(ctx, record, await unseal(ctx, record));
}

/**
 * Changes the given fields and keeps the others (the SDK's updateIssuer). `password: ''`
 * removes the stored password; `administratorContacts` replaces the whole list.
 */
export async function updateIssuer(
  ctx: VaultContext,
  name: string,
  options: UpdateIssuerOptions,
): Promise<CertificateIssuer> {
  const key = issuerKey(name);
  const fields = checkFields(options);
  const sealed = fields.password ? await seal(ctx, key, fields.password) : undefined;
  const record = await ctx.store.write(async (tx) => {
    const old = await requireIssuer(tx, key, name);
    const next: IssuerRecord = {
      ...old,
      provider: fields.provider ?? old.provider,
      accountId: 'accountId' in fields ? fields.accountId : old.accountId,
      organizationId: 'organizationId' in fields ? fields.organizationId : old.organizationId,
      administratorContacts: fields.administratorContacts ?? old.administratorContacts,
      encryptedPassword: fields.password === undefined ? old.encryptedPassword : sealed,
      enabled: fields.enabled ?? old.enabled,
      updatedOn: ctx.now(),
    };
    await tx.put('issuers', next);
    return next;
  });
  return toIssuer(ctx, record, await unseal(ctx, record));
}

/**
 * Deletes an issuer and returns it. Key Vault deletes an issuer even while policies name it
 * (their next request then fails); Certkeep refuses with Conflict and names the certificates
 * instead, because here the issuer is only a local record and a dangling issuerName would
 * break renewals and policy updates with no way back. Deleted (soft-deleted) certificates do
 * not block: recovering one whose issuer is gone shows the issue at its next policy update.
 */
export async function deleteIssuer(ctx: VaultContext, name: string): Promise<CertificateIssuer> {
  const key = issuerKey(name);
  const before = await ctx.store.read((tx) => requireIssuer(tx, key, name));
  const password = await unseal(ctx, before);
  const record = await ctx.store.write(async (tx) => {
    const current = await requireIssuer(tx, key, name);
    const users = await certificatesUsing(tx, key);
    if (users.length > 0) {
      const shown =
        users
          .slice(0, 10)
          .map((n) => `"${n}"`)
          .join(', ') + (users.length > 10 ? ` and ${users.length - 10} more` : '');
      throw new VaultError(
        'Conflict',
        `Issuer "${current.name}" is used by certificate ${shown}: change their policy's issuer (or delete them) before deleting the issuer.`,
      );
    }
    await tx.delete('issuers', key);
    return current;
  });
  return toIssuer(ctx, record, password);
}

/** Every issuer's id, name and provider, by name. */
export async function* listPropertiesOfIssuers(ctx: VaultContext): AsyncIterable<IssuerProperties> {
  const records = await ctx.store.read((tx) => tx.getAll('issuers'));
  for (const r of records) yield toProperties(ctx, r);
}

/** Names of live certificates whose policy or pending request names the issuer. */
async function certificatesUsing(tx: StoreTx, key: string): Promise<string[]> {
  const names = new Set<string>();
  for (const c of await tx.getAll('certificates')) {
    if (c.policy.issuerName?.toLowerCase() === key) names.add(c.name);
  }
  for (const op of await tx.getAll('operations')) {
    if (op.status === 'inProgress' && op.issuerName.toLowerCase() === key) names.add(op.name);
  }
  return [...names].sort();
}

async function requireIssuer(tx: StoreTx, key: string, name: string): Promise<IssuerRecord> {
  const r = await tx.get('issuers', key);
  if (!r) throw new VaultError('NotFound', `Issuer "${name}" was not found in this vault.`);
  return r;
}

// The label binds the ciphertext to this issuer: a sealed password copied to another issuer's
// record fails to open instead of silently showing up there.
const labelOf = (key: string): string => `issuer:${key}`;

function seal(ctx: VaultContext, key: string, password: string): Promise<SealedValue> {
  return sealCredential(ctx, password, labelOf(key));
}

async function unseal(ctx: VaultContext, r: IssuerRecord): Promise<string | undefined> {
  return r.encryptedPassword ? openCredential(ctx, r.encryptedPassword, labelOf(r.key)) : undefined;
}

function toProperties(ctx: VaultContext, r: IssuerRecord): IssuerProperties {
  return { id: issuerIdOf(ctx, r.name), name: r.name, provider: r.provider };
}

function toIssuer(ctx: VaultContext, r: IssuerRecord, password: string | undefined): CertificateIssuer {
  return {
    id: issuerIdOf(ctx, r.name),
    name: r.name,
    provider: r.provider,
    accountId: r.accountId,
    password,
    organizationId: r.organizationId,
    administratorContacts: r.administratorContacts?.map((c) => ({ ...c })),
    enabled: r.enabled,
    createdOn: new Date(r.createdOn),
    updatedOn: new Date(r.updatedOn),
    properties: toProperties(ctx, r),
  };
}

/**
 * Type and length checks of an options object from the caller (anything may arrive at run
 * time); only the fields present are returned (undefined = keep, a present undefined = clear).
 */
function checkFields(input: unknown): UpdateIssuerOptions {
  if (input === undefined) return {};
  if (typeof input !== 'object' || input === null)
    throw new VaultError('BadParameter', 'Issuer options must be an object.');
  const o = input as Record<string, unknown>;
  const out: UpdateIssuerOptions = {};
  if (o.enabled !== undefined) {
    if (typeof o.enabled !== 'boolean')
      throw new VaultError('BadParameter', 'enabled must be true or false.', { field: 'enabled' });
    out.enabled = o.enabled;
  }
  if (o.provider !== undefined) out.provider = checkProvider(o.provider);
  if (o.accountId !== undefined) out.accountId = text(o.accountId, 'accountId', 'accountId') || undefined;
  if (o.organizationId !== undefined)
    out.organizationId = text(o.organizationId, 'organizationId', 'organizationId') || undefined;
  // Passwords and API keys are kept exactly as typed (no trim: a space may be part of them).
  if (o.password !== undefined) out.password = raw(o.password, 'password', 'password');
  if (o.administratorContacts !== undefined) {
    if (!Array.isArray(o.administratorContacts))
      throw new VaultError('BadParameter', 'administratorContacts must be a list.', { field: 'administratorContacts' });
    out.administratorContacts = o.administratorContacts.map((c: unknown, i) =>
      adminContact(c, `Administrator contact ${i + 1}`),
    );
  }
  return out;
}

function checkProvider(v: unknown): string {
  const p = text(v, 'provider', 'provider');
  if (!p)
    throw new VaultError('BadParameter', 'The issuer needs a provider, e.g. "DigiCert" or "GlobalSign".', {
      field: 'provider',
    });
  return p;
}

function adminContact(c: unknown, label: string): AdministratorContact {
  const field = 'administratorContacts';
  if (typeof c !== 'object' || c === null)
    throw new VaultError('BadParameter', `${label} is not a contact: give { firstName, lastName, email, phone }.`, {
      field,
    });
  const r = c as Record<string, unknown>;
  const out: AdministratorContact = {};
  for (const f of ['firstName', 'lastName', 'email', 'phone'] as const) {
    if (r[f] === undefined || r[f] === null) continue;
    const v = text(r[f], `${label}: ${f}`, field);
    if (v) out[f] = v;
  }
  if (Object.keys(out).length === 0)
    throw new VaultError('BadParameter', `${label} is empty: give a name, an email address or a phone number.`, {
      field,
    });
  if (out.email !== undefined && !isValidEmail(out.email)) {
    throw new VaultError(
      'BadParameter',
      `${label}: "${out.email}" is not a valid email address (expected name@example.com).`,
      { field },
    );
  }
  return out;
}

function raw(v: unknown, label: string, field: VaultErrorField): string {
  if (typeof v !== 'string') throw new VaultError('BadParameter', `${label} must be text.`, { field });
  if (v.length > MAX_FIELD)
    throw new VaultError('BadParameter', `${label} is longer than ${MAX_FIELD} characters.`, { field });
  return v;
}

function text(v: unknown, label: string, field: VaultErrorField): string {
  return raw(v, label, field).trim();
}
