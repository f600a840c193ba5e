/**
 * The member names of a Key Vault certificate policy in its two JSON spellings (ARCHITECTURE §8,
 * "Key Vault policy JSON"):
 * - `rest`: the wire names of the REST API (`CertificatePolicy` in the data-plane spec,
 *   certificates.json / models.tsp `@encodedName("application/json", …)`), as Key Vault sends and
 *   receives them: `key_props`, `x509_props.validity_months`, …;
 * - `cli`: the client names the az CLI prints (`az keyvault certificate get-default-policy`,
 *   `… show`): `keyProperties`, `x509CertificateProperties.validityInMonths`, ….
 * Where both spell a member the same (`exportable`, `subject`, `contentType`), the pair repeats it.
 */

/** Which spelling a JSON document uses. */
export type KeyVaultJsonForm = 'rest' | 'cli';

/** One member: its REST wire name and its az CLI name. */
export interface JsonName {
  rest: string;
  cli: string;
}

const both = (rest: string, cli = rest): JsonName => ({ rest, cli });

export const POLICY = {
  id: both('id'),
  keyProps: both('key_props', 'keyProperties'),
  secretProps: both('secret_props', 'secretProperties'),
  x509Props: both('x509_props', 'x509CertificateProperties'),
  lifetimeActions: both('lifetime_actions', 'lifetimeActions'),
  issuer: both('issuer', 'issuerParameters'),
  attributes: both('attributes'),
} as const;

export const KEY_PROPS = {
  exportable: both('exportable'),
  kty: both('kty', 'keyType'),
  keySize: both('key_size', 'keySize'),
  reuseKey: both('reuse_key', 'reuseKey'),
  crv: both('crv', 'curve'),
} as const;

export const SECRET_PROPS = { contentType: both('contentType') } as const;

export const X509_PROPS = {
  subject: both('subject'),
  ekus: both('ekus'),
  sans: both('sans', 'subjectAlternativeNames'),
  keyUsage: both('key_usage', 'keyUsage'),
  validityMonths: both('validity_months', 'validityInMonths'),
} as const;

export const SANS = {
  emails: both('emails'),
  dnsNames: both('dns_names', 'dnsNames'),
  upns: both('upns'),
} as const;

export const LIFETIME_ACTION = { trigger: both('trigger'), action: both('action') } as const;
export const TRIGGER = {
  lifetimePercentage: both('lifetime_percentage', 'lifetimePercentage'),
  daysBeforeExpiry: both('days_before_expiry', 'daysBeforeExpiry'),
} as const;
export const ACTION = { actionType: both('action_type', 'actionType') } as const;

export const ISSUER = {
  name: both('name'),
  cty: both('cty', 'certificateType'),
  certTransparency: both('cert_transparency', 'certificateTransparency'),
} as const;

export const ATTRIBUTES = {
  enabled: both('enabled'),
  created: both('created'),
  updated: both('updated'),
} as const;

/**
 * Read-only members Key Vault reports that a policy cannot carry: the policy's own URL, and the
 * version attributes and soft-delete level the CLI prints inside `policy.attributes`. Accepted and
 * dropped, so the output of `az keyvault certificate show` or a GET response reads without edits.
 */
export const IGNORED = {
  policy: [POLICY.id],
  attributes: [both('nbf', 'notBefore'), both('exp', 'expires'), both('recoverableDays'), both('recoveryLevel')],
} as const;
