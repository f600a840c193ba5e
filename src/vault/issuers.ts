/**
 * Certificate issuers (Key Vault's integrated CAs: DigiCert, GlobalSign, or any provider name).
 * Certkeep never calls a CA (no network), but keeps every field of the integrated-CA docs so a
 * policy can name the issuer and the admin has the account details at hand. A "Local" issuer is
 * a CA held in the vault itself, which signs at once (ARCHITECTURE §8 "Local CA").
 *
 * The password / API key is sealed (access/credentials.ts: under the vault key, or a protected
 * vault's master key) before it reaches the store; getIssuer returns it decrypted, as the SDK
 * does (the UI masks it).
 */
import type { VaultContext } from './context';
import { issuerIdOf } from './ids';
import { checkFields, checkProvider, isLocal, LOCAL } from './issuer-fields';
import { issuerKey, newIssuerKey } from './names';
import { openCredential, sealCredential } from './access/credentials';
import type { SealedValue } from './secret-box';
import type { CertificateIssuer, CreateIssuerOptions, IssuerProperties, UpdateIssuerOptions } from './types';
import { VaultError } from './vault-error';
import type { IssuerRecord, StoreTx } from './vault-store';

/**
 * Provider "Local" (any case) makes a local CA issuer: `certificateName` names a vault CA
 * certificate whose key is here (ARCHITECTURE §8 "Local CA"), checked now and at every use.
 */
export async function createIssuer(
  ctx: VaultContext,
  name: string,
  provider: string,
  options: CreateIssuerOptions = {},
): Promise<CertificateIssuer> {
  const key = newIssuerKey(name);
  const fields = checkFields(options);
  const local = isLocal(checkProvider(provider));
  const checkedProvider = local ? LOCAL : checkProvider(provider);
  const certificateName = await localCertificate(ctx, local, fields.certificateName, true);
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
    ...(certificateName !== undefined ? { certificateName } : {}),
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
  const current = await ctx.store.read((tx) => requireIssuer(tx, key, name));
  const local = isLocal(current.provider);
  if (fields.provider !== undefined && isLocal(fields.provider) !== local)
    throw new VaultError(
      'BadParameter',
      `Issuer "${current.name}" cannot change between a Local CA and an external provider: create a new issuer instead.`,
      { field: 'provider' },
    );
  const certificateName = await localCertificate(ctx, local, fields.certificateName, false);
  const record = await ctx.store.write(async (tx) => {
    const old = await requireIssuer(tx, key, name);
    const next: IssuerRecord = {
      certificateName: certificateName ?? old.certificateName,
      ...old,
      provider: local ? LOCAL : (fields.provider ?? old.provider),
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
    ...(r.certificateName !== undefined ? { certificateName: r.certificateName } : {}),
  };
}

/**
 * A Local issuer's CA certificate, checked (the CA module is loaded only for Local issuers:
 * listing and reading issuers stay free of the PKI libraries). `required` at creation.
 */
async function localCertificate(
  ctx: VaultContext,
  local: boolean,
  certificateName: string | undefined,
  required: boolean,
): Promise<string | undefined> {
  if (!local) {
    if (certificateName === undefined) return undefined;
    throw new VaultError('BadParameter', 'certificateName applies to Local issuers only (provider "Local").', {
      field: 'certificateName',
    });
  }
  if (certificateName === undefined) {
    if (!required) return undefined;
    throw new VaultError(
      'BadParameter',
      'A Local issuer needs certificateName: the name of the vault CA certificate that signs for it.',
      { field: 'certificateName' },
    );
  }
  return (await import('./ca/local-ca')).checkLocalIssuerCertificate(ctx, certificateName);
}
