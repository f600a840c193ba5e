/**
 * The caller's issuer options, checked: types, lengths, contacts, the provider. Anything may
 * arrive at run time, whatever the static types said.
 */
import { isValidEmail } from './contacts';
import type { AdministratorContact, UpdateIssuerOptions } from './types';
import { VaultError, type VaultErrorField } from './vault-error';

const MAX_FIELD = 1024;

/** The provider of issuers whose CA is a vault certificate (ARCHITECTURE §8 "Local CA"). */
export const LOCAL = 'Local';

export const isLocal = (provider: string): boolean => provider.toLowerCase() === 'local';

/**
 * Type and length checks of an options object from the caller (anything may arrive at run
 * time); only the fields present are returned (undefined = keep, a present undefined = clear).
 */
export function checkFields(input: unknown): UpdateIssuerOptions {
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
  if (o.certificateName !== undefined)
    out.certificateName = text(o.certificateName, 'certificateName', 'certificateName') || undefined;
  if (o.administratorContacts !== undefined) {
    if (!Array.isArray(o.administratorContacts))
      throw new VaultError('BadParameter', 'administratorContacts must be a list.', { field: 'administratorContacts' });
    out.administratorContacts = o.administratorContacts.map((c: unknown, i) =>
      adminContact(c, `Administrator contact ${i + 1}`),
    );
  }
  return out;
}

export function checkProvider(v: unknown): string {
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
