import type { AdministratorContact, CertificateIssuer } from './vault-api';

/** One administrator as the form holds it: strings, empty meaning "not given". */
export interface AdminRow {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
}

export interface IssuerDraft {
  name: string;
  provider: string;
  accountId: string;
  /** Empty on edit means "keep the stored secret". */
  password: string;
  organizationId: string;
  /** Key Vault keeps a list of administrator contacts per issuer (ARCHITECTURE §3). */
  admins: AdminRow[];
  enabled: boolean;
}

export const EMPTY_ADMIN: AdminRow = { firstName: '', lastName: '', email: '', phone: '' };

/** The form for an issuer, or for a new one (DigiCert, one blank administrator to fill in). */
export function issuerDraft(i?: CertificateIssuer): IssuerDraft {
  const admins = (i?.administratorContacts ?? []).map((a): AdminRow => ({
    firstName: a.firstName ?? '',
    lastName: a.lastName ?? '',
    email: a.email ?? '',
    phone: a.phone ?? '',
  }));
  return {
    name: i?.name ?? '',
    provider: i?.provider ?? 'DigiCert',
    accountId: i?.accountId ?? '',
    password: '',
    organizationId: i?.organizationId ?? '',
    admins: i ? admins : [{ ...EMPTY_ADMIN }],
    enabled: i?.enabled ?? true,
  };
}

function toContact(row: AdminRow): AdministratorContact | undefined {
  const contact: AdministratorContact = {
    firstName: row.firstName.trim() || undefined,
    lastName: row.lastName.trim() || undefined,
    email: row.email.trim() || undefined,
    phone: row.phone.trim() || undefined,
  };
  return Object.values(contact).some(Boolean) ? contact : undefined;
}

/** The options createIssuer / updateIssuer take; blank administrator rows are left out. */
export function issuerOptions(d: IssuerDraft, editing: boolean) {
  return {
    accountId: d.accountId || undefined,
    // On edit an empty secret keeps the stored one: the field is left out.
    ...(d.password || !editing ? { password: d.password || undefined } : {}),
    organizationId: d.provider === 'DigiCert' ? d.organizationId || undefined : undefined,
    administratorContacts: d.admins.flatMap((row) => toContact(row) ?? []),
    enabled: d.enabled,
  };
}
