import type {
  CertificatePolicy,
  CertificatePolicyPatch,
  KeyUsageType,
  CertificateKeyType,
  CertificateKeyCurveName,
  CertificateContentType,
} from './vault-api';
import { EKU } from '../../vault/light-entry';
import { CA_KEY_USAGE, caDraftError, caDraftOf, caPolicyFields, NO_CA, type CaDraft } from './ca-draft';

/** The form's view of a policy: strings where the user types, rows for lists. */
export type SanType = 'dns' | 'email' | 'upn' | 'ip' | 'uri';

export interface PolicyDraft {
  subject: string;
  sans: { type: SanType; value: string }[];
  keyType: CertificateKeyType;
  keySize: number;
  keyCurveName: CertificateKeyCurveName;
  exportable: boolean;
  reuseKey: boolean;
  contentType: CertificateContentType;
  validityInMonths: string;
  /** Certkeep: days, overriding the months when given; '' = months */
  validityInDays: string;
  keyUsage: KeyUsageType[];
  enhancedKeyUsage: string[];
  /** Other EKU OIDs, comma separated. */
  otherEku: string;
  lifetimeTrigger: 'percentage' | 'days';
  lifetimeValue: string;
  lifetimeAction: 'AutoRenew' | 'EmailContacts';
  issuerName: string;
  /** Certkeep: a CA certificate (ARCHITECTURE §8) */
  ca: CaDraft;
}

export const SAN_TYPES: {
  type: SanType;
  label: string;
  field: keyof NonNullable<CertificatePolicy['subjectAlternativeNames']>;
}[] = [
  { type: 'dns', label: 'DNS name', field: 'dnsNames' },
  { type: 'email', label: 'Email', field: 'emails' },
  { type: 'upn', label: 'User principal name', field: 'userPrincipalNames' },
  { type: 'ip', label: 'IP address', field: 'ipAddresses' },
  { type: 'uri', label: 'URI', field: 'uniformResourceIdentifiers' },
];

const SAN_FIELD = Object.fromEntries(SAN_TYPES.map((t) => [t.type, t.field])) as Record<
  SanType,
  (typeof SAN_TYPES)[number]['field']
>;

export const KEY_USAGES: { value: KeyUsageType; label: string }[] = [
  { value: 'digitalSignature', label: 'Digital signature' },
  { value: 'nonRepudiation', label: 'Non-repudiation' },
  { value: 'keyEncipherment', label: 'Key encipherment' },
  { value: 'dataEncipherment', label: 'Data encipherment' },
  { value: 'keyAgreement', label: 'Key agreement' },
  { value: 'keyCertSign', label: 'Certificate signing' },
  { value: 'cRLSign', label: 'CRL signing' },
  { value: 'encipherOnly', label: 'Encipher only' },
  { value: 'decipherOnly', label: 'Decipher only' },
];

/** The common EKUs by name (RFC 5280 §4.2.1.12); the OIDs are the vault's (its light entry: no PKI library). */
export const COMMON_EKUS: { oid: string; label: string }[] = [
  { oid: EKU.serverAuth, label: 'Server authentication' },
  { oid: EKU.clientAuth, label: 'Client authentication' },
  { oid: EKU.codeSigning, label: 'Code signing' },
  { oid: EKU.emailProtection, label: 'Email protection' },
  { oid: EKU.timeStamping, label: 'Time stamping' },
  { oid: EKU.ocspSigning, label: 'OCSP signing' },
];

export function ekuLabel(oid: string): string {
  return COMMON_EKUS.find((e) => e.oid === oid)?.label ?? oid;
}

const RSA_KU: KeyUsageType[] = ['digitalSignature', 'keyEncipherment'];
const EC_KU: KeyUsageType[] = ['digitalSignature'];

/** Azure's defaults (ARCHITECTURE §5): RSA 2048, exportable, PKCS#12, 12 months, AutoRenew at 80 % for Self. */
export function defaultDraft(issuerName = 'Self'): PolicyDraft {
  return {
    subject: '',
    sans: [],
    keyType: 'RSA',
    keySize: 2048,
    keyCurveName: 'P-256',
    exportable: true,
    reuseKey: false,
    contentType: 'application/x-pkcs12',
    validityInMonths: '12',
    validityInDays: '',
    keyUsage: [...RSA_KU],
    enhancedKeyUsage: [...DEFAULT_EKU],
    otherEku: '',
    lifetimeTrigger: 'percentage',
    lifetimeValue: '80',
    lifetimeAction: issuerName === 'Self' ? 'AutoRenew' : 'EmailContacts',
    issuerName,
    ca: { ...NO_CA },
  };
}

const DEFAULT_EKU: string[] = [EKU.serverAuth, EKU.clientAuth];

/**
 * The CA switch: a CA's key signs certificates and CRLs and keeps its key on renewal; its EKU is
 * left empty (an EKU in a root limits everything under it). Values the admin changed stay.
 */
export function withCa(d: PolicyDraft, ca: boolean): PolicyDraft {
  const ku = d.keyType.startsWith('EC') ? EC_KU : RSA_KU;
  if (ca)
    return {
      ...d,
      ca: { ...d.ca, ca: true },
      keyUsage: sameSet(d.keyUsage, ku) ? [...CA_KEY_USAGE] : d.keyUsage,
      enhancedKeyUsage: sameSet(d.enhancedKeyUsage, DEFAULT_EKU) ? [] : d.enhancedKeyUsage,
      reuseKey: true,
    };
  return {
    ...d,
    ca: { ...d.ca, ca: false },
    keyUsage: sameSet(d.keyUsage, CA_KEY_USAGE) ? [...ku] : d.keyUsage,
    enhancedKeyUsage: d.enhancedKeyUsage.length === 0 ? [...DEFAULT_EKU] : d.enhancedKeyUsage,
  };
}

/** A key type change keeps a default KU a default: EC has no key encipherment. */
export function withKeyType(d: PolicyDraft, keyType: CertificateKeyType): PolicyDraft {
  const isEc = keyType.startsWith('EC');
  const wasDefault = sameSet(d.keyUsage, d.keyType.startsWith('EC') ? EC_KU : RSA_KU);
  return {
    ...d,
    keyType,
    exportable: keyType.endsWith('-HSM') ? false : d.exportable,
    keyUsage: wasDefault ? [...(isEc ? EC_KU : RSA_KU)] : d.keyUsage,
  };
}

/**
 * AutoRenew works where the vault signs: Self and Local issuers (`local`). Others default to
 * notifying the contacts; choosing a Local issuer after one offers AutoRenew again.
 *
 * A public CA (Unknown or an external issuer) issues TLS certificates for at most the current
 * CA/B Forum SC-081 step (ARCHITECTURE §8 "Lint"): with `publicTlsDays` given, a draft still on
 * the 12-month default gets that many days instead, and going back to Self or a Local CA drops
 * them again. Days the admin typed stay.
 */
export function withIssuer(d: PolicyDraft, issuerName: string, local = false, publicTlsDays?: number): PolicyDraft {
  const signsHere = issuerName === 'Self' || local;
  const lifetimeAction = signsHere ? (local ? 'AutoRenew' : d.lifetimeAction) : 'EmailContacts';
  let validityInDays = d.validityInDays;
  if (publicTlsDays !== undefined && !d.ca.ca) {
    if (!signsHere && validityInDays.trim() === '' && d.validityInMonths === '12')
      validityInDays = String(publicTlsDays);
    else if (signsHere && validityInDays === String(publicTlsDays)) validityInDays = '';
  }
  return { ...d, issuerName, lifetimeAction, validityInDays };
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/** The policy the vault receives; the vault validates it and answers in its own words. */
export function draftToPolicy(d: PolicyDraft): CertificatePolicy {
  const sans: NonNullable<CertificatePolicy['subjectAlternativeNames']> = {};
  for (const row of d.sans) {
    const value = row.value.trim();
    if (!value) continue;
    const field = SAN_FIELD[row.type];
    (sans[field] ??= []).push(value);
  }
  const isEc = d.keyType.startsWith('EC');
  const lifetime = Number(d.lifetimeValue);
  const others = d.otherEku
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  return {
    subject: d.subject.trim(),
    subjectAlternativeNames: sans,
    keyType: d.keyType,
    ...(isEc ? { keyCurveName: d.keyCurveName } : { keySize: d.keySize }),
    exportable: d.exportable,
    reuseKey: d.reuseKey,
    contentType: d.contentType,
    validityInMonths: Number(d.validityInMonths),
    ...(d.validityInDays.trim() ? { validityInDays: Number(d.validityInDays) } : {}),
    ...caPolicyFields(d.ca),
    keyUsage: d.keyUsage,
    enhancedKeyUsage: [...new Set([...d.enhancedKeyUsage, ...others])],
    lifetimeActions: d.lifetimeValue.trim()
      ? [
          d.lifetimeTrigger === 'percentage'
            ? { action: d.lifetimeAction, lifetimePercentage: lifetime }
            : { action: d.lifetimeAction, daysBeforeExpiry: lifetime },
        ]
      : [],
    issuerName: d.issuerName,
  };
}

/** The form state for an existing policy (detail page edit, import's derived policy). */
export function policyToDraft(p: CertificatePolicy): PolicyDraft {
  const base = withKeyType(defaultDraft(p.issuerName ?? 'Self'), p.keyType ?? 'RSA');
  const sans: PolicyDraft['sans'] = [];
  for (const t of SAN_TYPES)
    for (const value of p.subjectAlternativeNames?.[t.field] ?? []) sans.push({ type: t.type, value });
  const action = p.lifetimeActions?.[0];
  const common = new Set(COMMON_EKUS.map((e) => e.oid));
  const eku = p.enhancedKeyUsage ?? base.enhancedKeyUsage;
  return {
    subject: p.subject ?? '',
    sans,
    keyType: p.keyType ?? base.keyType,
    keySize: p.keySize ?? base.keySize,
    keyCurveName: p.keyCurveName ?? base.keyCurveName,
    exportable: p.exportable ?? base.exportable,
    reuseKey: p.reuseKey ?? base.reuseKey,
    contentType: p.contentType ?? base.contentType,
    validityInMonths: String(p.validityInMonths ?? 12),
    validityInDays: p.validityInDays === undefined ? '' : String(p.validityInDays),
    keyUsage: p.keyUsage ?? base.keyUsage,
    enhancedKeyUsage: eku.filter((o) => common.has(o)),
    otherEku: eku.filter((o) => !common.has(o)).join(', '),
    lifetimeTrigger: action?.daysBeforeExpiry !== undefined ? 'days' : 'percentage',
    lifetimeValue: action ? String(action.daysBeforeExpiry ?? action.lifetimePercentage ?? '') : '',
    lifetimeAction: action?.action ?? base.lifetimeAction,
    issuerName: p.issuerName ?? 'Self',
    ca: caDraftOf(p),
  };
}

/**
 * An update of `original` to the draft: the fields of draftToPolicy, and `null` for each of
 * Certkeep's own optional fields the original had and the draft no longer gives (a PATCH keeps
 * what it is not told to remove).
 */
export function draftToPatch(d: PolicyDraft, original: CertificatePolicy): CertificatePolicyPatch {
  const next: CertificatePolicyPatch = draftToPolicy(d);
  for (const f of ['validityInDays', 'basicConstraints', 'nameConstraints'] as const)
    if (original[f] !== undefined && next[f] === undefined) next[f] = null;
  return next;
}

type DraftErrorField = 'validityInMonths' | 'validityInDays' | 'basicConstraints' | 'lifetimeActions' | 'subject';

/** Field checks the form can make before asking the vault (which checks everything again); keyed by the vault's field names. */
export function draftErrors(d: PolicyDraft): Partial<Record<DraftErrorField, string>> {
  const errors: Partial<Record<DraftErrorField, string>> = {};
  const months = Number(d.validityInMonths);
  if (!Number.isInteger(months) || months < 1 || months > 1200)
    errors.validityInMonths = 'Validity must be a whole number of months, 1 or more.';
  const days = d.validityInDays.trim() === '' ? undefined : Number(d.validityInDays);
  if (days !== undefined && (!Number.isInteger(days) || days < 1 || days > 36525))
    errors.validityInDays = 'Validity in days must be a whole number from 1 to 36525, or empty to count months.';
  const pathLength = caDraftError(d.ca);
  if (pathLength) errors.basicConstraints = pathLength;
  if (d.lifetimeValue.trim() && days === undefined) {
    const v = Number(d.lifetimeValue);
    if (d.lifetimeTrigger === 'percentage' && (!Number.isInteger(v) || v < 1 || v > 99))
      errors.lifetimeActions = 'The lifetime percentage must be between 1 and 99.';
    if (d.lifetimeTrigger === 'days' && Number.isInteger(months) && (!Number.isInteger(v) || v < 1 || v > months * 27))
      errors.lifetimeActions = `Days before expiry must be between 1 and ${months * 27} (validity in months × 27).`;
  }
  if (!d.subject.trim() && !d.sans.some((s) => s.value.trim()))
    errors.subject = 'Give a subject (e.g. CN=www.contoso.com) or at least one subject alternative name.';
  return errors;
}
