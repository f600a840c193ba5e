/**
 * A CertificatePolicy from Key Vault's policy JSON (ARCHITECTURE §8, "Key Vault policy JSON"), so a
 * policy designed in Azure can be applied here: the REST wire form (`key_props`, `x509_props`, …,
 * what GetCertificatePolicy returns) or the az CLI's form (`keyProperties`,
 * `x509CertificateProperties`, …, what `az keyvault certificate get-default-policy` prints).
 */
import type { CertificatePolicy } from '../types';
import { VaultError } from '../vault-error';
import { policyRuleProblems } from './policy-rules';
import { readPolicyJson } from './read-policy-json';

/**
 * Reads Key Vault policy JSON, given as text or as the parsed value, into a CertificatePolicy with
 * exactly the fields the document gives (createCertificate fills Azure's defaults for the rest).
 * `null` members count as absent; the read-only `id` and the attributes Key Vault reports
 * (`nbf`, `exp`, `recoverableDays`, `recoveryLevel`) are accepted and dropped.
 *
 * Throws VaultError BadParameter naming every problem at once: JSON that does not parse (with
 * its line and column), unknown members, members of the wrong type, and every rule of the
 * policy it breaks (policy.ts). The message's first line counts them; each further line is one
 * problem and starts with its JSON path, e.g. `x509_props.validity_months must be a whole number,
 * not 1.5.`
 */
export function policyFromKeyVaultJson(json: unknown): CertificatePolicy {
  const doc = typeof json === 'string' ? parseJsonText(json) : json;
  const structural: string[] = [];
  const { policy, paths } = readPolicyJson(doc, structural);
  // A member already named for its shape has no value to judge; its rule messages would repeat it.
  const isObject = typeof doc === 'object' && doc !== null && !Array.isArray(doc);
  const judged = (isObject ? policyRuleProblems(policy, paths) : []).filter(
    (p) => !structural.some((s) => p.startsWith(s.split(/[ :]/)[0] ?? s)),
  );
  const problems = [...structural, ...judged];
  if (problems.length > 0) {
    const count = problems.length === 1 ? 'a problem' : `${problems.length} problems`;
    throw new VaultError('BadParameter', [`The Key Vault policy JSON has ${count}:`, ...problems].join('\n'), {
      field: 'policy',
    });
  }
  return policy;
}

/** JSON.parse with the place of a syntax error as line and column, in words a person can find. */
function parseJsonText(text: string): unknown {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') {
    throw new VaultError('BadParameter', 'The Key Vault policy JSON is empty: paste or choose a policy document.', {
      field: 'policy',
    });
  }
  try {
    return JSON.parse(body) as unknown;
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    throw new VaultError(
      'BadParameter',
      `The Key Vault policy JSON is not valid JSON${whereIn(body, detail)}: ${reasonOf(detail)}.`,
      { cause: e, field: 'policy' },
    );
  }
}

/** " at line L, column C" from the engine's message: V8 gives a position, Firefox a line and column. */
function whereIn(text: string, detail: string): string {
  const lineCol = /line (\d+) column (\d+)/.exec(detail);
  if (lineCol) return ` at line ${lineCol[1]}, column ${lineCol[2]}`;
  const position = /position (\d+)/.exec(detail);
  if (!position) return '';
  const before = text.slice(0, Number(position[1]));
  const line = before.split('\n').length;
  return ` at line ${line}, column ${before.length - before.lastIndexOf('\n')}`;
}

function reasonOf(detail: string): string {
  return detail
    .replace(/^JSON\.parse: /, '')
    .replace(/,? (in JSON )?at (line \d+ column \d+|position \d+).*$/s, '')
    .replace(/ in JSON$/, '')
    .replace(/\.$/, '');
}
