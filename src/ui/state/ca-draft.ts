import type { CertificatePolicy, KeyUsageType } from './vault-api';

/**
 * The CA part of a policy form (ARCHITECTURE §8 "Local CA"): the switch, the path length and the
 * name constraints, as text the admin types (one name per line or comma separated).
 */
export interface CaDraft {
  ca: boolean;
  /** empty: no limit */
  pathLength: string;
  permittedDns: string;
  permittedIp: string;
  permittedEmail: string;
  excludedDns: string;
  excludedIp: string;
  excludedEmail: string;
}

export const NO_CA: CaDraft = {
  ca: false,
  pathLength: '',
  permittedDns: '',
  permittedIp: '',
  permittedEmail: '',
  excludedDns: '',
  excludedIp: '',
  excludedEmail: '',
};

/** What a CA's key may do (RFC 5280 §4.2.1.3), the vault's default for a CA policy. */
export const CA_KEY_USAGE: KeyUsageType[] = ['keyCertSign', 'cRLSign'];

const list = (text: string): string[] =>
  text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
const join = (items: string[] | undefined): string => (items ?? []).join('\n');

/** The policy fields of the CA part: none unless it is a CA. */
export function caPolicyFields(c: CaDraft): Pick<CertificatePolicy, 'basicConstraints' | 'nameConstraints'> {
  const out: Pick<CertificatePolicy, 'basicConstraints' | 'nameConstraints'> = {};
  if (c.ca) {
    const n = c.pathLength.trim();
    out.basicConstraints = n === '' ? { ca: true } : { ca: true, pathLength: Number(n) };
    const permitted = {
      dnsNames: list(c.permittedDns),
      ipAddresses: list(c.permittedIp),
      emails: list(c.permittedEmail),
    };
    const excluded = { dnsNames: list(c.excludedDns), ipAddresses: list(c.excludedIp), emails: list(c.excludedEmail) };
    const named = (s: typeof permitted) => Object.values(s).some((l) => l.length > 0);
    if (named(permitted) || named(excluded))
      out.nameConstraints = {
        ...(named(permitted) ? { permitted: prune(permitted) } : {}),
        ...(named(excluded) ? { excluded: prune(excluded) } : {}),
      };
  }
  return out;
}

function prune<T extends Record<string, string[]>>(set: T): Partial<T> {
  return Object.fromEntries(Object.entries(set).filter(([, l]) => l.length > 0)) as Partial<T>;
}

/** The CA part of an existing policy. */
export function caDraftOf(p: CertificatePolicy): CaDraft {
  const nc = p.nameConstraints;
  return {
    ca: p.basicConstraints?.ca === true,
    pathLength: p.basicConstraints?.pathLength === undefined ? '' : String(p.basicConstraints.pathLength),
    permittedDns: join(nc?.permitted?.dnsNames),
    permittedIp: join(nc?.permitted?.ipAddresses),
    permittedEmail: join(nc?.permitted?.emails),
    excludedDns: join(nc?.excluded?.dnsNames),
    excludedIp: join(nc?.excluded?.ipAddresses),
    excludedEmail: join(nc?.excluded?.emails),
  };
}

/** The form's own check of the path length; the vault checks everything again. */
export function caDraftError(c: CaDraft): string | undefined {
  const n = c.pathLength.trim();
  if (!c.ca || n === '') return undefined;
  const v = Number(n);
  return Number.isInteger(v) && v >= 0 && v <= 32
    ? undefined
    : 'The path length is a whole number from 0 (no CA below this one) to 32, or empty for no limit.';
}

/** "permitted DNS contoso.com, IP 10.0.0.0/8; excluded DNS secret.contoso.com", or '' for none. */
export function describeNameConstraints(nc: CertificatePolicy['nameConstraints']): string {
  const parts: string[] = [];
  for (const side of ['permitted', 'excluded'] as const) {
    const set = nc?.[side];
    const names = [
      ...(set?.dnsNames ?? []).map((n) => `DNS ${n}`),
      ...(set?.ipAddresses ?? []).map((n) => `IP ${n}`),
      ...(set?.emails ?? []).map((n) => `email ${n}`),
    ];
    if (names.length) parts.push(`${side} ${names.join(', ')}`);
  }
  return parts.join('; ');
}
