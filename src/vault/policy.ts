/**
 * Certificate policy: Azure's defaults and validation (ARCHITECTURE §5). The UI reuses both to fill
 * and check its form before calling the vault; the vault runs them again on every write.
 */
import { EKU } from '../pki/asn1/oids';
import type { KeySpec, KeyUsage } from '../pki/types';
import { parseX500Name } from '../pki/x500-name';
import type {
  CertificateKeyCurveName,
  CertificateKeyType,
  CertificatePolicy,
  KeyUsageType,
  LifetimeAction,
} from './types';
import { caDefaults, checkCaFields } from './policy-ca';
import { validateLifetimeActions } from './policy-lifetime';
import { BAD_X500_NAME, VaultError, type VaultErrorField } from './vault-error';

const KEY_TYPES: CertificateKeyType[] = ['RSA', 'RSA-HSM', 'EC', 'EC-HSM'];
const RSA_SIZES = [2048, 3072, 4096];
const CURVES: CertificateKeyCurveName[] = ['P-256', 'P-384', 'P-521'];
const CURVE_BITS: Record<CertificateKeyCurveName, number> = { 'P-256': 256, 'P-384': 384, 'P-521': 521 };
const CONTENT_TYPES = ['application/x-pkcs12', 'application/x-pem-file'];
const KEY_USAGES: KeyUsageType[] = [
  'digitalSignature',
  'nonRepudiation',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
  'encipherOnly',
  'decipherOnly',
];
/** Usages that need encryption or key wrap, which ECDSA keys cannot do (ARCHITECTURE §5). */
const EC_FORBIDDEN_USAGES: KeyUsageType[] = ['keyEncipherment', 'dataEncipherment', 'encipherOnly', 'decipherOnly'];
/** Key Vault caps validity at 1200 months (100 years) too. */
export const MAX_VALIDITY_MONTHS = 1200;

const isEc = (t: CertificateKeyType | undefined): boolean => t === 'EC' || t === 'EC-HSM';
const isHsm = (t: CertificateKeyType | undefined): boolean => t === 'RSA-HSM' || t === 'EC-HSM';

/**
 * A complete policy: `overrides` with Azure's defaults for every missing field (RSA 2048,
 * exportable, PKCS#12, 12 months, KU digitalSignature + keyEncipherment (EC: digitalSignature),
 * EKU serverAuth + clientAuth, AutoRenew at 80 % for Self (and for the `localIssuers` named,
 * which the vault signs too) / EmailContacts at 80 % otherwise). A CA policy has its own key
 * usage, EKU and reuseKey defaults (policy-ca.ts).
 */
export function defaultPolicy(
  overrides: CertificatePolicy = {},
  options: { localIssuers?: string[] } = {},
): CertificatePolicy {
  const keyType = overrides.keyType ?? 'RSA';
  const ec = isEc(keyType);
  const issuerName = overrides.issuerName ?? 'Self';
  const keyUsage = overrides.keyUsage?.length
    ? overrides.keyUsage
    : ec
      ? ['digitalSignature' as const]
      : ['digitalSignature' as const, 'keyEncipherment' as const];
  const renews = issuerName.toLowerCase() === 'self' || isNamedIn(issuerName, options.localIssuers);
  const lifetimeActions: LifetimeAction[] = overrides.lifetimeActions ?? [
    { action: renews ? 'AutoRenew' : 'EmailContacts', lifetimePercentage: 80 },
  ];
  return {
    ...overrides,
    subject: overrides.subject ?? '',
    subjectAlternativeNames: overrides.subjectAlternativeNames ?? {},
    keyType,
    keySize: ec ? overrides.keySize : (overrides.keySize ?? 2048),
    keyCurveName: ec ? (overrides.keyCurveName ?? 'P-256') : overrides.keyCurveName,
    exportable: overrides.exportable ?? !isHsm(keyType),
    reuseKey: overrides.reuseKey ?? false,
    contentType: overrides.contentType ?? 'application/x-pkcs12',
    keyUsage,
    enhancedKeyUsage: overrides.enhancedKeyUsage ?? [EKU.serverAuth, EKU.clientAuth],
    validityInMonths: overrides.validityInMonths ?? 12,
    lifetimeActions,
    issuerName,
    enabled: overrides.enabled ?? true,
    ...caDefaults(overrides),
  };
}

const isNamedIn = (name: string, list: string[] | undefined): boolean =>
  !!list?.some((n) => n.toLowerCase() === name.toLowerCase());

const bad = (field: VaultErrorField, message: string): VaultError => new VaultError('BadParameter', message, { field });
const list = (values: readonly (string | number)[]): string => values.map(String).join(', ');
const isInt = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n);

export interface ValidatePolicyOptions {
  /** issuer names in the vault; when given, any other issuerName than Self/Unknown is refused */
  knownIssuers?: string[];
  /**
   * the Local issuers among them (ARCHITECTURE §8); when given, AutoRenew is refused for any
   * issuer but Self and these, since the vault cannot sign for an external CA
   */
  localIssuers?: string[];
  /**
   * A policy derived from an imported certificate: the certificate exists already, so its
   * subject/SANs are taken as they are and any RSA size from 1024 bits is accepted.
   */
  imported?: boolean;
}

/**
 * Checks a policy (complete it with defaultPolicy first). Throws VaultError('BadParameter')
 * naming the field and the allowed values.
 */
export function validatePolicy(policy: CertificatePolicy, options: ValidatePolicyOptions = {}): void {
  const { keyType = 'RSA' } = policy;
  if (!KEY_TYPES.includes(keyType))
    throw bad('keyType', `keyType "${keyType}" is not supported: use ${list(KEY_TYPES)}.`);
  if (isEc(keyType)) {
    const curve = policy.keyCurveName ?? 'P-256';
    if (!CURVES.includes(curve))
      throw bad('keyCurveName', `keyCurveName "${curve}" is not supported: use ${list(CURVES)}.`);
    if (policy.keySize !== undefined && policy.keySize !== CURVE_BITS[curve]) {
      throw bad(
        'keySize',
        `keySize ${policy.keySize} does not fit curve ${curve}: leave keySize empty or use ${CURVE_BITS[curve]}.`,
      );
    }
  } else {
    const size = policy.keySize ?? 2048;
    const importedOk = options.imported && isInt(size) && size >= 1024;
    if (!RSA_SIZES.includes(size) && !importedOk)
      throw bad('keySize', `keySize ${size} is not allowed for RSA keys: use ${list(RSA_SIZES)}.`);
    if (policy.keyCurveName !== undefined)
      throw bad('keyCurveName', `keyCurveName applies to EC keys only; remove it for keyType ${keyType}.`);
  }
  if (policy.exportable && isHsm(keyType)) {
    throw bad(
      'exportable',
      `exportable cannot be true for keyType ${keyType}: HSM keys never leave the vault. Use ${keyType.replace('-HSM', '')} or set exportable to false.`,
    );
  }
  if (policy.contentType !== undefined && !CONTENT_TYPES.includes(policy.contentType)) {
    throw bad('contentType', `contentType "${policy.contentType}" is not supported: use ${list(CONTENT_TYPES)}.`);
  }
  for (const usage of policy.keyUsage ?? []) {
    if (!KEY_USAGES.includes(usage)) throw bad('keyUsage', `keyUsage "${usage}" is unknown: use ${list(KEY_USAGES)}.`);
    if (isEc(keyType) && EC_FORBIDDEN_USAGES.includes(usage)) {
      throw bad(
        'keyUsage',
        `keyUsage "${usage}" is not possible with EC keys: EC keys have no encrypt/wrap. Remove ${list(EC_FORBIDDEN_USAGES.filter((u) => policy.keyUsage?.includes(u)))} or use an RSA key.`,
      );
    }
  }
  for (const oid of policy.enhancedKeyUsage ?? []) {
    if (typeof oid !== 'string' || !/^[0-2](\.(0|[1-9]\d*))+$/.test(oid))
      throw bad('enhancedKeyUsage', `enhancedKeyUsage "${oid}" is not a dotted OID such as ${EKU.serverAuth}.`);
  }
  const months = policy.validityInMonths ?? 12;
  if (!isInt(months) || months < 1 || months > MAX_VALIDITY_MONTHS) {
    throw bad(
      'validityInMonths',
      `validityInMonths ${months} is out of range: use a whole number from 1 to ${MAX_VALIDITY_MONTHS}.`,
    );
  }
  checkCaFields(policy, options.imported);
  validateLifetimeActions(policy, months, options.localIssuers);
  validateIssuer(policy, options.knownIssuers);
  if (!options.imported) validateSubject(policy);
}

function validateIssuer(policy: CertificatePolicy, knownIssuers: string[] | undefined): void {
  const issuer = policy.issuerName ?? 'Self';
  if (typeof issuer !== 'string' || issuer === '')
    throw bad('issuerName', 'issuerName is empty: use "Self", "Unknown" or the name of an issuer in this vault.');
  const lower = issuer.toLowerCase();
  if (lower === 'self' || lower === 'unknown' || !knownIssuers) return;
  if (!knownIssuers.some((n) => n.toLowerCase() === lower)) {
    throw bad(
      'issuerName',
      `issuerName "${issuer}" is not an issuer in this vault: use "Self", "Unknown" or create the issuer first.`,
    );
  }
}

function validateSubject(policy: CertificatePolicy): void {
  const subject = policy.subject?.trim() ?? '';
  const sans = policy.subjectAlternativeNames ?? {};
  let sanCount = 0;
  for (const v of Object.values(sans) as unknown[]) if (Array.isArray(v)) sanCount += v.length;
  if (subject === '' && sanCount === 0)
    throw bad(
      'subject',
      'subject is empty and there are no subjectAlternativeNames: give at least one, e.g. subject "CN=www.contoso.com".',
    );
  if (subject !== '') {
    try {
      parseX500Name(subject);
    } catch (e) {
      throw new VaultError('BadParameter', `${BAD_X500_NAME}: "${subject}".`, { cause: e, field: 'subject' });
    }
  }
  for (const ip of sans.ipAddresses ?? []) {
    if (!isIp(ip))
      throw bad(
        'subjectAlternativeNames',
        `subjectAlternativeNames ipAddresses "${ip}" is not an IPv4 or IPv6 address.`,
      );
  }
  for (const email of [...(sans.emails ?? []), ...(sans.userPrincipalNames ?? [])]) {
    if (!/^[^@\s]+@[^@\s]+$/.test(email))
      throw bad(
        'subjectAlternativeNames',
        `subjectAlternativeNames "${email}" is not an address of the form name@domain.`,
      );
  }
  for (const dns of sans.dnsNames ?? []) {
    if (
      !/^(\*\.)?([a-zA-Z0-9_]([a-zA-Z0-9_-]{0,61}[a-zA-Z0-9_])?\.)*[a-zA-Z0-9_]([a-zA-Z0-9_-]{0,61}[a-zA-Z0-9_])?\.?$/.test(
        dns,
      )
    ) {
      throw bad('subjectAlternativeNames', `subjectAlternativeNames dnsNames "${dns}" is not a DNS name.`);
    }
  }
  for (const uri of sans.uniformResourceIdentifiers ?? []) {
    if (!/^[a-zA-Z][a-zA-Z0-9+.-]*:\S+$/.test(uri))
      throw bad(
        'subjectAlternativeNames',
        `subjectAlternativeNames uniformResourceIdentifiers "${uri}" is not a URI with a scheme.`,
      );
  }
}

function isIp(text: string): boolean {
  if (/^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/.test(text)) return true;
  if (!/^[0-9a-fA-F:.]+$/.test(text) || !text.includes(':')) return false;
  try {
    // URL parsing is a complete IPv6 grammar and exists in workers too.
    return new URL(`http://[${text}]/`).hostname.length > 2;
  } catch {
    return false;
  }
}

/** The WebCrypto key spec a (complete, valid) policy asks for. */
export function keySpecOfPolicy(policy: CertificatePolicy): KeySpec {
  return isEc(policy.keyType)
    ? { kty: 'EC', curve: policy.keyCurveName ?? 'P-256' }
    : { kty: 'RSA', size: policy.keySize ?? 2048 };
}

/** True for RSA-HSM and EC-HSM: keys that never exist in extractable form. */
export function isHsmPolicy(policy: CertificatePolicy): boolean {
  return isHsm(policy.keyType);
}

/** `exportable` as it applies: never for HSM key types. */
export function isExportable(policy: CertificatePolicy): boolean {
  return policy.exportable === true && !isHsm(policy.keyType);
}

/** The policy's key usage for certificate building (pki KeyUsage spelling is the SDK's). */
export function keyUsageOf(policy: CertificatePolicy): KeyUsage[] {
  return policy.keyUsage?.length
    ? policy.keyUsage
    : isEc(policy.keyType)
      ? ['digitalSignature']
      : ['digitalSignature', 'keyEncipherment'];
}
