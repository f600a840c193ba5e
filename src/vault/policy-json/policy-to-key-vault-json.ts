/**
 * A CertificatePolicy as Key Vault's policy JSON (ARCHITECTURE §8, "Key Vault policy JSON"), so a
 * policy designed on the air-gapped side can be applied in Azure: the REST wire form for
 * UpdateCertificatePolicy / CreateCertificate bodies, or the az CLI form for `--policy @file`.
 */
import type { CertificatePolicy } from '../types';
import { VaultError } from '../vault-error';
import {
  ACTION,
  ATTRIBUTES,
  ISSUER,
  KEY_PROPS,
  LIFETIME_ACTION,
  POLICY,
  SANS,
  SECRET_PROPS,
  TRIGGER,
  X509_PROPS,
  type JsonName,
  type KeyVaultJsonForm,
} from './json-names';

export type { KeyVaultJsonForm };

/** A JSON value as JSON.stringify writes it. */
type JsonValue = string | number | boolean | null | JsonValue[] | { [member: string]: JsonValue };

/** A Key Vault certificate policy document. */
export type KeyVaultPolicyJson = Record<string, JsonValue>;

export interface PolicyToKeyVaultJsonOptions {
  /** `rest` (default): Key Vault's wire names; `cli`: the az CLI's names, members sorted as it prints them */
  form?: KeyVaultJsonForm;
}

/** The policy fields Key Vault has a member for; any other field that is set refuses the export. */
const CARRIED = new Set<string>([
  'subject',
  'subjectAlternativeNames',
  'keyType',
  'keySize',
  'keyCurveName',
  'exportable',
  'reuseKey',
  'contentType',
  'keyUsage',
  'enhancedKeyUsage',
  'validityInMonths',
  'lifetimeActions',
  'issuerName',
  'certificateType',
  'certificateTransparency',
  'enabled',
  'createdOn',
  'updatedOn',
] satisfies (keyof CertificatePolicy)[]);

/**
 * The policy as Key Vault policy JSON, with exactly the members the policy sets. Times become
 * epoch seconds (REST) or ISO 8601 text (az CLI), both to the second.
 *
 * Throws VaultError BadParameter, naming every field, when the policy uses something Key Vault
 * has no member for: IP address and URI alternative names (Key Vault's SANs are emails,
 * dns_names and upns), and Certkeep's own additions such as basicConstraints. Dropping them would
 * make Azure issue a different certificate than the policy describes.
 */
export function policyToKeyVaultJson(
  policy: CertificatePolicy,
  options: PolicyToKeyVaultJsonOptions = {},
): KeyVaultPolicyJson {
  const form = options.form ?? 'rest';
  refuseUncarried(policy);
  const n = (name: JsonName) => name[form];
  const time = (d: Date | undefined): JsonValue | undefined =>
    d === undefined
      ? undefined
      : form === 'rest'
        ? Math.floor(d.getTime() / 1000)
        : new Date(Math.floor(d.getTime() / 1000) * 1000).toISOString().replace('.000Z', '+00:00');
  const sans = policy.subjectAlternativeNames;
  const doc =
    members([
      [
        n(POLICY.keyProps),
        members([
          [n(KEY_PROPS.exportable), policy.exportable],
          [n(KEY_PROPS.kty), policy.keyType],
          [n(KEY_PROPS.keySize), policy.keySize],
          [n(KEY_PROPS.reuseKey), policy.reuseKey],
          [n(KEY_PROPS.crv), policy.keyCurveName],
        ]),
      ],
      [n(POLICY.secretProps), members([[n(SECRET_PROPS.contentType), policy.contentType]])],
      [
        n(POLICY.x509Props),
        members([
          [n(X509_PROPS.subject), policy.subject],
          [n(X509_PROPS.ekus), policy.enhancedKeyUsage && [...policy.enhancedKeyUsage]],
          [
            n(X509_PROPS.sans),
            sans &&
              (members([
                [n(SANS.emails), sans.emails && [...sans.emails]],
                [n(SANS.dnsNames), sans.dnsNames && [...sans.dnsNames]],
                [n(SANS.upns), sans.userPrincipalNames && [...sans.userPrincipalNames]],
              ]) ??
                {}),
          ],
          [n(X509_PROPS.keyUsage), policy.keyUsage && [...policy.keyUsage]],
          [n(X509_PROPS.validityMonths), policy.validityInMonths],
        ]),
      ],
      [
        n(POLICY.lifetimeActions),
        policy.lifetimeActions?.map((a) => ({
          [n(LIFETIME_ACTION.trigger)]:
            members([
              [n(TRIGGER.lifetimePercentage), a.lifetimePercentage],
              [n(TRIGGER.daysBeforeExpiry), a.daysBeforeExpiry],
            ]) ?? {},
          [n(LIFETIME_ACTION.action)]: { [n(ACTION.actionType)]: a.action },
        })),
      ],
      [
        n(POLICY.issuer),
        members([
          [n(ISSUER.name), policy.issuerName],
          [n(ISSUER.cty), policy.certificateType],
          [n(ISSUER.certTransparency), policy.certificateTransparency],
        ]),
      ],
      [
        n(POLICY.attributes),
        members([
          [n(ATTRIBUTES.enabled), policy.enabled],
          [n(ATTRIBUTES.created), time(policy.createdOn)],
          [n(ATTRIBUTES.updated), time(policy.updatedOn)],
        ]),
      ],
    ]) ?? {};
  return form === 'cli' ? (sortMembers(doc) as KeyVaultPolicyJson) : doc;
}

/** An object of the members that have a value, or undefined when none has. */
function members(entries: [string, JsonValue | undefined][]): KeyVaultPolicyJson | undefined {
  const present = entries.filter((e): e is [string, JsonValue] => e[1] !== undefined);
  return present.length ? Object.fromEntries(present) : undefined;
}

/** The az CLI prints JSON with sorted keys (json.dumps sort_keys), so its form is sorted too. */
function sortMembers(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(sortMembers);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((k) => [k, sortMembers(value[k])]),
  );
}

function refuseUncarried(policy: CertificatePolicy): void {
  const problems: string[] = [];
  const sans = policy.subjectAlternativeNames;
  if (sans?.ipAddresses?.length)
    problems.push(
      `subjectAlternativeNames.ipAddresses (${sans.ipAddresses.join(', ')}): Key Vault's alternative names are emails, DNS names and UPNs only.`,
    );
  if (sans?.uniformResourceIdentifiers?.length)
    problems.push(
      `subjectAlternativeNames.uniformResourceIdentifiers (${sans.uniformResourceIdentifiers.join(', ')}): Key Vault's alternative names are emails, DNS names and UPNs only.`,
    );
  for (const [field, value] of Object.entries(policy)) {
    if (value !== undefined && !CARRIED.has(field))
      problems.push(`${field}: Key Vault policies have no such field (it is Certkeep's own).`);
  }
  if (problems.length === 0) return;
  throw new VaultError(
    'BadParameter',
    [
      `The policy cannot be written as Key Vault JSON: Key Vault has no place for ${problems.length === 1 ? 'this field' : 'these fields'}, and Azure would issue a different certificate without ${problems.length === 1 ? 'it' : 'them'}. Remove ${problems.length === 1 ? 'it' : 'them'} from the policy to export:`,
      ...problems,
    ].join('\n'),
    { field: 'policy' },
  );
}
