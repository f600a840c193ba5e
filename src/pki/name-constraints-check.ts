/**
 * Checking a certificate's names against a CA's name constraints (RFC 5280 §4.2.1.10, with the
 * matching rules openssl applies when it verifies a chain), so a CA refuses to issue what a
 * verifier would reject.
 *
 * Names checked: the subjectAltName DNS names, email addresses and IP addresses; the subject's
 * emailAddress attributes (as rfc822Name, §4.2.1.10); and, for an end-entity certificate
 * without DNS names in its subjectAltName, each commonName that looks like a host name (openssl
 * does the same, since clients still match a CN). A wildcard `*.x` is treated as every name
 * under x: it is outside a permitted subtree unless x is in it, and it is refused when an
 * excluded subtree lies under x, which openssl's plain suffix match would miss.
 */
import { ATTRIBUTE } from './asn1/oids';
import { readCertificateDer } from './certificate-der';
import { decodeExtensions } from './extensions-decode';
import { parseCidr, parseIpAddress } from './ip-address';
import type { NameConstraints, NameSet } from './name-constraints';
import { decodeX500Name } from './x500-name-der';

/** The names a certificate vouches for, by form: its subjectAltName, and the subject's names checked as such. */
export interface CertifiedNames {
  dnsNames: string[];
  emails: string[];
  ipAddresses: string[];
  /** commonNames checked as DNS names */
  commonNames?: string[];
  /** the subject's emailAddress attributes */
  subjectEmails?: string[];
}

type NameForm = 'DNS name' | 'email address' | 'IP address';

/** The first name outside the constraints, and why. */
export interface NameViolation {
  form: NameForm;
  name: string;
  /** "excluded": it lies in an excluded subtree; "not permitted": no permitted subtree of its form holds it */
  reason: 'excluded' | 'not permitted';
  /** true when the name comes from the subject (a commonName read as a DNS name, an emailAddress) */
  fromSubject?: boolean;
}

const HOST_LIKE = /^(\*\.)?[A-Za-z0-9_]([A-Za-z0-9_-]*[A-Za-z0-9_])?(\.[A-Za-z0-9_]([A-Za-z0-9_-]*[A-Za-z0-9_])?)+\.?$/;

const trimDot = (s: string): string => (s.endsWith('.') ? s.slice(0, -1) : s).toLowerCase();

/** The names of a certificate (DER) that constraints apply to, and which commonNames were read as DNS names. */
export function certifiedNamesOf(der: Uint8Array): Required<CertifiedNames> {
  const c = readCertificateDer(der);
  const ext = decodeExtensions(c.extensions);
  const subject = decodeX500Name(c.subject);
  const san = ext.subjectAlternativeNames;
  const dnsNames = [...(san.dnsNames ?? [])];
  const commonNames: string[] = [];
  if (dnsNames.length === 0 && !ext.basicConstraints?.ca) {
    for (const a of subject) if (a.oid === ATTRIBUTE.commonName && HOST_LIKE.test(a.value)) commonNames.push(a.value);
  }
  return {
    dnsNames,
    commonNames,
    emails: [...(san.emails ?? [])],
    subjectEmails: subject.filter((a) => a.oid === ATTRIBUTE.emailAddress).map((a) => a.value),
    ipAddresses: [...(san.ipAddresses ?? [])],
  };
}

/** `name` lies in the DNS subtree `base` (openssl's nc_dns: whole labels added on the left). */
function dnsWithin(name: string, base: string): boolean {
  const n = trimDot(name);
  const b = trimDot(base);
  if (b === '') return true;
  if (n.length > b.length) {
    const cut = n.length - b.length;
    return n.slice(cut) === b && (b.startsWith('.') || n[cut - 1] === '.');
  }
  return n === b;
}

/** A wildcard covers every name under its parent: it meets an excluded subtree that lies under that parent. */
function dnsMeets(name: string, base: string): boolean {
  if (dnsWithin(name, base)) return true;
  if (!name.startsWith('*.')) return false;
  const parent = trimDot(name.slice(2));
  const b = trimDot(base).replace(/^\./, '');
  return b === parent || b.endsWith(`.${parent}`);
}

function emailWithin(email: string, base: string): boolean {
  const at = email.lastIndexOf('@');
  if (at < 0) return false;
  const host = email.slice(at + 1).toLowerCase();
  if (base.includes('@')) {
    const baseAt = base.lastIndexOf('@');
    // The local part is case-sensitive (RFC 5321 §2.4), the host is not.
    return email.slice(0, at) === base.slice(0, baseAt) && host === base.slice(baseAt + 1).toLowerCase();
  }
  if (base.startsWith('.')) return host.endsWith(base.toLowerCase());
  return host === base.toLowerCase();
}

function ipWithin(ip: string, range: string): boolean {
  let address: Uint8Array;
  let cidr: ReturnType<typeof parseCidr>;
  try {
    address = parseIpAddress(ip);
    cidr = parseCidr(range);
  } catch {
    return false;
  }
  if (address.length !== cidr.address.length) return false;
  return address.every((b, i) => (b & cidr.mask[i]) === cidr.address[i]);
}

interface Form {
  form: NameForm;
  names: (n: Required<CertifiedNames>) => { name: string; fromSubject?: boolean }[];
  bases: (s: NameSet) => string[] | undefined;
  within: (name: string, base: string) => boolean;
  meets: (name: string, base: string) => boolean;
}

const FORMS: Form[] = [
  {
    form: 'DNS name',
    names: (n) => [
      ...n.dnsNames.map((name) => ({ name })),
      ...n.commonNames.map((name) => ({ name, fromSubject: true })),
    ],
    bases: (s) => s.dnsNames,
    within: dnsWithin,
    meets: dnsMeets,
  },
  {
    form: 'email address',
    names: (n) => [
      ...n.emails.map((name) => ({ name })),
      ...n.subjectEmails.map((name) => ({ name, fromSubject: true })),
    ],
    bases: (s) => s.emails,
    within: emailWithin,
    meets: emailWithin,
  },
  {
    form: 'IP address',
    names: (n) => n.ipAddresses.map((name) => ({ name })),
    bases: (s) => s.ipAddresses,
    within: ipWithin,
    meets: ipWithin,
  },
];

/** The first of `names` outside `constraints`, undefined when all are inside. */
export function findNameViolation(names: CertifiedNames, constraints: NameConstraints): NameViolation | undefined {
  const all = { ...names, commonNames: names.commonNames ?? [], subjectEmails: names.subjectEmails ?? [] };
  for (const f of FORMS) {
    const excluded = constraints.excluded ? (f.bases(constraints.excluded) ?? []) : [];
    const permitted = constraints.permitted ? (f.bases(constraints.permitted) ?? []) : [];
    for (const { name, fromSubject } of f.names(all)) {
      const flag = fromSubject ? { fromSubject } : {};
      if (excluded.some((b) => f.meets(name, b))) return { form: f.form, name, reason: 'excluded', ...flag };
      if (permitted.length > 0 && !permitted.some((b) => f.within(name, b)))
        return { form: f.form, name, reason: 'not permitted', ...flag };
    }
  }
  return undefined;
}
