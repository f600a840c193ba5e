/**
 * Pure: a mailto: link to every vault contact about one certificate. Certkeep sends nothing
 * itself (it never talks to a network); the person's mail client does, if they choose to.
 */
import type { CertificateContact } from '../state/vault-api';

export interface ContactsMailtoInput {
  contacts: CertificateContact[];
  vaultName: string;
  certificateName: string;
  expiresOn?: Date;
  /** the certificate's subject, RFC 4514 */
  subject?: string;
  /** SHA-1, hex (x509ThumbprintString) */
  thumbprint?: string;
  issuerName?: string;
  now: Date;
}

export interface ContactsMailto {
  href: string;
  recipients: string[];
  subject: string;
  body: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * RFC 6068 §2: addresses are comma-separated in the path, each percent-encoded except '@'
 * (encoding it is legal, but some mail clients then fail to parse the address).
 */
function encodeAddress(address: string): string {
  return encodeURIComponent(address).replace(/%40/g, '@');
}

/** RFC 6068 §5: line breaks in a body are CRLF, percent-encoded; spaces are %20, never '+'. */
function encodeField(value: string): string {
  return encodeURIComponent(value.replace(/\r?\n/g, '\r\n'));
}

function expiryWords(expiresOn: Date, now: Date): string {
  const days = Math.floor(expiresOn.getTime() / DAY_MS) - Math.floor(now.getTime() / DAY_MS);
  const on = expiresOn.toISOString().slice(0, 10);
  if (days < 0) return `expired on ${on}`;
  if (days === 0) return `expires today (${on})`;
  return `expires on ${on} (in ${days} day${days === 1 ? '' : 's'})`;
}

/** The mailto: link, or undefined when no contact has an email address. */
export function buildContactsMailto(input: ContactsMailtoInput): ContactsMailto | undefined {
  const seen = new Set<string>();
  const recipients: string[] = [];
  for (const c of input.contacts) {
    const email = c.email?.trim();
    if (!email || seen.has(email.toLowerCase())) continue;
    seen.add(email.toLowerCase());
    recipients.push(email);
  }
  if (recipients.length === 0) return undefined;
  const name = input.certificateName;
  const when = input.expiresOn ? expiryWords(input.expiresOn, input.now) : undefined;
  const subject = when
    ? `Certificate '${name}' (vault ${input.vaultName}) ${when.replace(/ \(in .*\)$/, '')}`
    : `Certificate '${name}' (vault ${input.vaultName})`;
  const lines = [
    'Hello,',
    '',
    when
      ? `The certificate '${name}' in the Certkeep vault '${input.vaultName}' ${when}.`
      : `About the certificate '${name}' in the Certkeep vault '${input.vaultName}'.`,
    ...(input.subject ? [`Subject: ${input.subject}`] : []),
    ...(input.thumbprint ? [`Thumbprint (SHA-1): ${input.thumbprint}`] : []),
    ...(input.issuerName ? [`Issuer: ${input.issuerName}`] : []),
    '',
    'Please renew it before it expires.',
  ];
  const body = lines.join('\n');
  const href = `mailto:${recipients.map(encodeAddress).join(',')}?subject=${encodeField(subject)}&body=${encodeField(body)}`;
  return { href, recipients, subject, body };
}
