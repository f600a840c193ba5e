/**
 * The structural half of reading Key Vault policy JSON: members, types and unknown names, in the
 * REST wire form or the az CLI form (json-names.ts). The policy's rules (key sizes, curves, the
 * lifetime ranges …) are checked afterwards by policy.ts through policy-rules.ts, so they are
 * stated once.
 */
import type { CertificateKeyCurveName, CertificateKeyType, CertificatePolicy, LifetimeAction } from '../types';
import {
  ACTION,
  ATTRIBUTES,
  IGNORED,
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
import { JsonObjectReader, quote } from './json-reader';

/** Where each policy field sits in the document, for the messages of the rule checks. */
export type PolicyPaths = Record<
  | 'keyType'
  | 'keySize'
  | 'keyCurveName'
  | 'exportable'
  | 'contentType'
  | 'subject'
  | 'dnsNames'
  | 'emails'
  | 'userPrincipalNames'
  | 'keyUsage'
  | 'enhancedKeyUsage'
  | 'validityInMonths'
  | 'lifetimeActions'
  | 'trigger'
  | 'lifetimePercentage'
  | 'daysBeforeExpiry'
  | 'actionType'
  | 'issuerName',
  string
>;

export interface ReadPolicyJson {
  policy: CertificatePolicy;
  paths: PolicyPaths;
}

const CLI_ONLY = Object.values(POLICY).filter((n) => n.rest !== n.cli);

/** The az CLI form when any top-level member is spelled the CLI's way, else the REST form. */
function formOf(doc: unknown): KeyVaultJsonForm {
  if (typeof doc !== 'object' || doc === null) return 'rest';
  return CLI_ONLY.some((n) => Object.hasOwn(doc, n.cli)) ? 'cli' : 'rest';
}

/** The paths a document of `form` would use, for fields it leaves out. */
function defaultPaths(form: KeyVaultJsonForm): PolicyPaths {
  const p = (...names: JsonName[]) => names.map((n) => n[form]).join('.');
  const action0 = `${p(POLICY.lifetimeActions)}[0]`;
  return {
    keyType: p(POLICY.keyProps, KEY_PROPS.kty),
    keySize: p(POLICY.keyProps, KEY_PROPS.keySize),
    keyCurveName: p(POLICY.keyProps, KEY_PROPS.crv),
    exportable: p(POLICY.keyProps, KEY_PROPS.exportable),
    contentType: p(POLICY.secretProps, SECRET_PROPS.contentType),
    subject: p(POLICY.x509Props, X509_PROPS.subject),
    dnsNames: p(POLICY.x509Props, X509_PROPS.sans, SANS.dnsNames),
    emails: p(POLICY.x509Props, X509_PROPS.sans, SANS.emails),
    userPrincipalNames: p(POLICY.x509Props, X509_PROPS.sans, SANS.upns),
    keyUsage: p(POLICY.x509Props, X509_PROPS.keyUsage),
    enhancedKeyUsage: p(POLICY.x509Props, X509_PROPS.ekus),
    validityInMonths: p(POLICY.x509Props, X509_PROPS.validityMonths),
    lifetimeActions: p(POLICY.lifetimeActions),
    trigger: `${action0}.${LIFETIME_ACTION.trigger[form]}`,
    lifetimePercentage: `${action0}.${p(LIFETIME_ACTION.trigger, TRIGGER.lifetimePercentage)}`,
    daysBeforeExpiry: `${action0}.${p(LIFETIME_ACTION.trigger, TRIGGER.daysBeforeExpiry)}`,
    actionType: `${action0}.${p(LIFETIME_ACTION.action, ACTION.actionType)}`,
    issuerName: p(POLICY.issuer, ISSUER.name),
  };
}

/** Reads a parsed document; every problem found is appended to `problems`. */
export function readPolicyJson(doc: unknown, problems: string[]): ReadPolicyJson {
  const form = formOf(doc);
  const paths = defaultPaths(form);
  const policy: CertificatePolicy = {};
  const root = JsonObjectReader.open(doc, '', form, problems);
  if (!root) {
    if (doc === null || doc === undefined) problems.push('The policy is empty: give a JSON object ({ … }).');
    return { policy, paths };
  }
  root.ignore(IGNORED.policy);

  const key = root.object(POLICY.keyProps);
  if (key) {
    set(key.boolean(KEY_PROPS.exportable), 'exportable', (v) => (policy.exportable = v));
    set(key.string(KEY_PROPS.kty), 'keyType', (v) => (policy.keyType = v as CertificateKeyType));
    set(key.integer(KEY_PROPS.keySize), 'keySize', (v) => (policy.keySize = v));
    set(key.boolean(KEY_PROPS.reuseKey), undefined, (v) => (policy.reuseKey = v));
    set(key.string(KEY_PROPS.crv), 'keyCurveName', (v) => (policy.keyCurveName = v as CertificateKeyCurveName));
    key.finish(Object.values(KEY_PROPS));
  }

  const secret = root.object(POLICY.secretProps);
  if (secret) {
    set(secret.string(SECRET_PROPS.contentType), 'contentType', (v) => (policy.contentType = v as never));
    secret.finish(Object.values(SECRET_PROPS));
  }

  const x509 = root.object(POLICY.x509Props);
  if (x509) {
    set(x509.string(X509_PROPS.subject), 'subject', (v) => (policy.subject = v));
    set(x509.strings(X509_PROPS.ekus), 'enhancedKeyUsage', (v) => (policy.enhancedKeyUsage = v));
    const sans = x509.object(X509_PROPS.sans);
    if (sans) {
      const names: NonNullable<CertificatePolicy['subjectAlternativeNames']> = {};
      set(sans.strings(SANS.emails), 'emails', (v) => (names.emails = v));
      set(sans.strings(SANS.dnsNames), 'dnsNames', (v) => (names.dnsNames = v));
      set(sans.strings(SANS.upns), 'userPrincipalNames', (v) => (names.userPrincipalNames = v));
      sans.finish(Object.values(SANS));
      policy.subjectAlternativeNames = names;
    }
    set(x509.strings(X509_PROPS.keyUsage), 'keyUsage', (v) => (policy.keyUsage = v as never));
    set(x509.integer(X509_PROPS.validityMonths), 'validityInMonths', (v) => (policy.validityInMonths = v));
    x509.finish(Object.values(X509_PROPS));
  }

  const actions = root.list(POLICY.lifetimeActions);
  if (actions) {
    paths.lifetimeActions = actions.path;
    policy.lifetimeActions = actions.value.flatMap((item, i) => {
      const one = readLifetimeAction(JsonObjectReader.open(item, `${actions.path}[${i}]`, form, problems), paths, i);
      return one ? [one] : [];
    });
  }

  const issuer = root.object(POLICY.issuer);
  if (issuer) {
    set(issuer.string(ISSUER.name), 'issuerName', (v) => (policy.issuerName = v));
    set(issuer.string(ISSUER.cty), undefined, (v) => (policy.certificateType = v));
    set(issuer.boolean(ISSUER.certTransparency), undefined, (v) => (policy.certificateTransparency = v));
    issuer.finish(Object.values(ISSUER));
  }

  const attributes = root.object(POLICY.attributes);
  if (attributes) {
    set(attributes.boolean(ATTRIBUTES.enabled), undefined, (v) => (policy.enabled = v));
    setDate(attributes, ATTRIBUTES.created, (d) => (policy.createdOn = d));
    setDate(attributes, ATTRIBUTES.updated, (d) => (policy.updatedOn = d));
    attributes.ignore(IGNORED.attributes);
    attributes.finish([...Object.values(ATTRIBUTES), ...IGNORED.attributes]);
  }
  root.finish(Object.values(POLICY));
  return { policy, paths };

  function set<T>(
    found: { value: T; path: string } | undefined,
    field: keyof PolicyPaths | undefined,
    to: (v: T) => void,
  ) {
    if (!found) return;
    if (field) paths[field] = found.path;
    to(found.value);
  }
}

function readLifetimeAction(
  item: JsonObjectReader | undefined,
  paths: PolicyPaths,
  index: number,
): LifetimeAction | undefined {
  if (!item) return undefined;
  const first = index === 0;
  const out: Partial<LifetimeAction> = {};
  const trigger = item.object(LIFETIME_ACTION.trigger);
  if (first) paths.trigger = item.at(LIFETIME_ACTION.trigger[item.form]);
  if (trigger) {
    const pct = trigger.integer(TRIGGER.lifetimePercentage);
    const days = trigger.integer(TRIGGER.daysBeforeExpiry);
    if (pct) out.lifetimePercentage = pct.value;
    if (days) out.daysBeforeExpiry = days.value;
    if (first && pct) paths.lifetimePercentage = pct.path;
    if (first && days) paths.daysBeforeExpiry = days.path;
    trigger.finish(Object.values(TRIGGER));
  }
  const action = item.object(LIFETIME_ACTION.action);
  const type = action?.string(ACTION.actionType);
  action?.finish(Object.values(ACTION));
  item.finish(Object.values(LIFETIME_ACTION));
  if (!type) {
    if (!action || !action.has(ACTION.actionType)) {
      const where = action ? action.at(ACTION.actionType[item.form]) : item.at(LIFETIME_ACTION.action[item.form]);
      item.problems.push(`${where} is missing: say which action to take, EmailContacts or AutoRenew.`);
    }
    return undefined;
  }
  if (first) paths.actionType = type.path;
  return { ...out, action: type.value as LifetimeAction['action'] };
}

/** Key Vault sends epoch seconds (`format: unixtime`); the az CLI prints ISO 8601 text. */
function setDate(reader: JsonObjectReader, name: JsonName, to: (d: Date) => void): void {
  const found = reader.member(name);
  if (!found) return;
  const { value, path } = found;
  const ms = Number.isInteger(value) ? (value as number) * 1000 : typeof value === 'string' ? Date.parse(value) : NaN;
  if (Number.isNaN(ms) || !Number.isFinite(new Date(ms).getTime())) {
    reader.problems.push(
      `${path} must be a time, as seconds since 1970 (e.g. 1482188947) or ISO 8601 text, not ${quote(value)}.`,
    );
    return;
  }
  to(new Date(ms));
}
