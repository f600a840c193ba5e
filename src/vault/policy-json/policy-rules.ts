/**
 * The policy's own rules for a policy read from JSON, with every broken rule named at its JSON
 * path. The rules are policy.ts's (validatePolicy); it stops at the first broken one, so this
 * runs it again with that field set aside until it passes, and turns each message's leading
 * field name into the path the document uses ("keySize 1024 is not allowed …" becomes
 * "key_props.key_size 1024 is not allowed …").
 */
import { defaultPolicy, MAX_VALIDITY_MONTHS, validatePolicy } from '../policy';
import type { CertificatePolicy } from '../types';
import { BAD_X500_NAME, isVaultError } from '../vault-error';
import type { PolicyPaths } from './read-policy-json';

type ListField = 'keyUsage' | 'enhancedKeyUsage' | 'dnsNames' | 'emails' | 'userPrincipalNames';
type Field = keyof PolicyPaths | 'emailOrUpn';

/** validatePolicy's messages by their leading words; `lead` is replaced by the path. */
const RULES: { lead: RegExp; field: Field }[] = [
  { lead: /^keyType(?= )/, field: 'keyType' },
  { lead: /^keyCurveName(?= )/, field: 'keyCurveName' },
  { lead: /^keySize(?= )/, field: 'keySize' },
  { lead: /^exportable(?= )/, field: 'exportable' },
  { lead: /^contentType(?= )/, field: 'contentType' },
  { lead: /^keyUsage(?= )/, field: 'keyUsage' },
  { lead: /^enhancedKeyUsage(?= )/, field: 'enhancedKeyUsage' },
  { lead: /^validityInMonths(?= )/, field: 'validityInMonths' },
  { lead: /^lifetimePercentage(?= )/, field: 'lifetimePercentage' },
  { lead: /^daysBeforeExpiry(?= )/, field: 'daysBeforeExpiry' },
  { lead: /^lifetimeActions(?= has )/, field: 'lifetimeActions' },
  { lead: /^lifetimeActions(?=: )/, field: 'trigger' },
  { lead: /^lifetimeActions action(?= )/, field: 'actionType' },
  { lead: /^lifetimeActions(?= AutoRenew )/, field: 'actionType' },
  { lead: /^issuerName(?= )/, field: 'issuerName' },
  { lead: /^subjectAlternativeNames dnsNames(?= )/, field: 'dnsNames' },
  { lead: /^subjectAlternativeNames(?= ")/, field: 'emailOrUpn' },
  { lead: /^subject(?= )/, field: 'subject' },
  { lead: new RegExp(`^(?=${BAD_X500_NAME})`), field: 'subject' },
];

const LIST_FIELDS = new Set<Field>(['keyUsage', 'enhancedKeyUsage', 'dnsNames', 'emails', 'userPrincipalNames']);

/** Enough rounds for every field to break its rule once. */
const MAX_ROUNDS = 24;

/**
 * Every rule of policy.ts the policy breaks, each message starting with the JSON path at fault.
 * The policy is completed with Azure's defaults for the check only (defaultPolicy), as
 * createCertificate does; `policy` itself is not changed.
 */
export function policyRuleProblems(policy: CertificatePolicy, paths: PolicyPaths): string[] {
  const problems: string[] = [];
  const candidate = structuredClone(policy);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    try {
      validatePolicy(defaultPolicy(candidate));
      return problems;
    } catch (e) {
      if (!isVaultError(e) || e.code !== 'BadParameter') throw e;
      const rule = RULES.find((r) => r.lead.test(e.message));
      if (!rule) {
        problems.push(e.message);
        return problems;
      }
      const quoted = /"([^"]*)"/.exec(e.message)?.[1];
      const field = rule.field === 'emailOrUpn' ? emailListOf(policy, quoted) : rule.field;
      const index =
        LIST_FIELDS.has(field) && quoted !== undefined ? listOf(policy, field as ListField).indexOf(quoted) : -1;
      const path = index >= 0 ? `${paths[field as ListField]}[${index}]` : pathOf(paths, field);
      const rest = e.message.replace(rule.lead, '');
      problems.push(/^[ :]/.test(rest) ? `${path}${rest}` : `${path}: ${rest}`);
      setAside(candidate, field, quoted);
    }
  }
  return problems;
}

function pathOf(paths: PolicyPaths, field: Field): string {
  return field === 'emailOrUpn' ? paths.emails : paths[field];
}

function listOf(policy: CertificatePolicy, field: ListField): string[] {
  switch (field) {
    case 'keyUsage':
      return policy.keyUsage ?? [];
    case 'enhancedKeyUsage':
      return policy.enhancedKeyUsage ?? [];
    default:
      return policy.subjectAlternativeNames?.[field] ?? [];
  }
}

/** validatePolicy words emails and UPNs alike; the value says which list it came from. */
function emailListOf(policy: CertificatePolicy, value: string | undefined): Field {
  return value !== undefined && listOf(policy, 'userPrincipalNames').includes(value) ? 'userPrincipalNames' : 'emails';
}

/**
 * Takes a broken field out of the next round: a list loses the one value at fault, so its other
 * values are still checked; a field others depend on is replaced by the value that lets the
 * others be judged on their own (the widest validity, a parseable subject).
 */
function setAside(p: CertificatePolicy, field: Field, quoted: string | undefined): void {
  const drop = (list: string[] | undefined) => {
    const i = quoted === undefined ? -1 : (list ?? []).indexOf(quoted);
    if (i >= 0) list?.splice(i, 1);
    return i >= 0;
  };
  switch (field) {
    case 'keyType':
      delete p.keyType;
      delete p.keySize;
      delete p.keyCurveName;
      return;
    case 'keyCurveName':
      delete p.keyCurveName;
      if (p.keyType?.startsWith('EC')) delete p.keySize;
      return;
    case 'validityInMonths':
      p.validityInMonths = MAX_VALIDITY_MONTHS;
      return;
    case 'subject':
      p.subject = 'CN=placeholder';
      return;
    case 'lifetimeActions':
      p.lifetimeActions = p.lifetimeActions?.slice(0, 1);
      return;
    case 'trigger':
    case 'lifetimePercentage':
    case 'daysBeforeExpiry': {
      // A valid trigger in place of the broken one, so the action is still judged.
      const first = p.lifetimeActions?.at(0);
      if (first) p.lifetimeActions = [{ action: first.action, lifetimePercentage: 80 }];
      else delete p.lifetimeActions;
      return;
    }
    case 'actionType':
      delete p.lifetimeActions;
      return;
    case 'keyUsage':
      if (!drop(p.keyUsage)) delete p.keyUsage;
      return;
    case 'enhancedKeyUsage':
      if (!drop(p.enhancedKeyUsage)) delete p.enhancedKeyUsage;
      return;
    case 'dnsNames':
    case 'emails':
    case 'userPrincipalNames':
    case 'emailOrUpn': {
      const sans = p.subjectAlternativeNames ?? {};
      const list = field === 'emailOrUpn' ? 'emails' : field;
      if (!drop(sans[list])) sans[list] = undefined;
      return;
    }
    default:
      p[field] = undefined;
  }
}
