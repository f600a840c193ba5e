/**
 * Vault-wide certificate contacts (Key Vault's "Certificate Contacts"): the people that
 * EmailContacts lifetime actions notify. One row in the contacts store.
 */
import type { VaultContext } from './context';
import type { CertificateContact, SetContactsOptions } from './types';
import { VaultError } from './vault-error';
import { CONTACTS_KEY } from './vault-store';

/**
 * A pragmatic address check (WHATWG's "valid e-mail address" for <input type=email>): a local
 * part, one "@", a dotted domain of letters, digits and hyphens. RFC 5322's full grammar
 * (quoted local parts, comments) accepts things no mail client sends to.
 */
const EMAIL =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+$/;

export function isValidEmail(email: string): boolean {
  return email.length <= 254 && EMAIL.test(email);
}

/** Phone numbers are free text in Key Vault; only refuse what cannot be a number. */
const PHONE = /^[0-9+().\-\s/x]{1,40}$/i;

const NOT_FOUND = 'This vault has no certificate contacts: add them with setContacts (Settings → Contacts).';

/** Replaces the vault's contacts. An empty list removes them (getContacts then says NotFound). */
export async function setContacts(
  ctx: VaultContext,
  contacts: CertificateContact[],
  options: SetContactsOptions = {},
): Promise<CertificateContact[]> {
  // Checked at run time: the list comes from the caller, whatever its static type said.
  const list: unknown = contacts;
  if (!Array.isArray(list)) throw bad('Contacts must be a list of { email, name, phone }.');
  const clean = list.map((c: unknown, i) => normalizeContact(c, `Contact ${i + 1}`));
  const expected = options.ifUnchanged && contactsKey(options.ifUnchanged);
  await ctx.store.write(async (tx) => {
    // Compared inside the write, so a save made in another tab in between cannot be overwritten unseen.
    if (expected !== undefined && contactsKey((await tx.get('contacts', CONTACTS_KEY))?.contacts ?? []) !== expected) {
      throw new VaultError(
        'Changed',
        'The contacts were changed elsewhere (in another tab or window) since they were shown here: nothing was saved. Reload them to see the change, then make yours again.',
      );
    }
    if (clean.length === 0) await tx.delete('contacts', CONTACTS_KEY);
    else await tx.put('contacts', { key: CONTACTS_KEY, contacts: clean });
  });
  return clean.map((c) => ({ ...c }));
}

/** The vault's contacts; NotFound when none are set (Key Vault answers 404). */
export async function getContacts(ctx: VaultContext): Promise<CertificateContact[]> {
  const contacts = await readContacts(ctx);
  if (contacts.length === 0) throw new VaultError('NotFound', NOT_FOUND);
  return contacts;
}

/** Removes every contact and returns what was removed; NotFound when there were none. */
export async function deleteContacts(ctx: VaultContext): Promise<CertificateContact[]> {
  return ctx.store.write(async (tx) => {
    const row = await tx.get('contacts', CONTACTS_KEY);
    if (!row || row.contacts.length === 0) throw new VaultError('NotFound', NOT_FOUND);
    await tx.delete('contacts', CONTACTS_KEY);
    return row.contacts.map((c) => ({ ...c }));
  });
}

/** A list as comparable text: each contact's fields trimmed, in a fixed order. */
function contactsKey(list: CertificateContact[]): string {
  return JSON.stringify(list.map((c) => [c.email?.trim() ?? '', c.name?.trim() ?? '', c.phone?.trim() ?? '']));
}

/** The contacts, or [] when none are set (lifetime actions must not fail for want of them). */
async function readContacts(ctx: VaultContext): Promise<CertificateContact[]> {
  const row = await ctx.store.read((tx) => tx.get('contacts', CONTACTS_KEY));
  return (row?.contacts ?? []).map((c) => ({ ...c }));
}

/**
 * Trims the fields, drops empty ones, checks the email. `label` names the entry in errors
 * ("Contact 2", "Administrator contact 1") so the person knows which line to fix.
 */
function normalizeContact(c: unknown, label: string): CertificateContact {
  if (typeof c !== 'object' || c === null) throw bad(`${label} is not a contact: give { email, name, phone }.`);
  const raw = c as Record<string, unknown>;
  const out: CertificateContact = {};
  for (const field of ['email', 'name', 'phone'] as const) {
    const v = raw[field];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'string') throw bad(`${label}: ${field} must be text.`);
    const t = v.trim();
    if (t) out[field] = t;
  }
  if (!out.email && !out.name && !out.phone) {
    throw bad(`${label} is empty: give at least an email address, a name or a phone number.`);
  }
  if (out.email !== undefined && !isValidEmail(out.email)) {
    throw bad(`${label}: "${out.email}" is not a valid email address (expected name@example.com).`);
  }
  if (out.phone !== undefined && !PHONE.test(out.phone)) {
    throw bad(`${label}: "${out.phone}" is not a phone number (digits, spaces, + - ( ) only).`);
  }
  return out;
}

function bad(message: string): VaultError {
  return new VaultError('BadParameter', message, { field: 'contacts' });
}
