/**
 * Pre-flight lint (ARCHITECTURE §8 "Lint"): the CA/B Forum Baseline Requirements (SC-081
 * lifetimes included), RFC 5280 and the root programs' rules a CA applies, run before anything
 * leaves the vault. Pure: a target and a date in, findings out.
 */
import { isCaTarget, isTlsServerTarget } from './classify';
import { commonNameRules } from './common-name-rules';
import { dnsNameRules } from './dns-name-rules';
import { keyRules } from './key-rules';
import { loadPublicSuffixes } from './public-suffix';
import { sanRules } from './san-rules';
import { signatureRules } from './signature-rules';
import { subjectRules } from './subject-rules';
import type { LintFinding, LintRule, LintSummary, LintTarget } from './types';
import { usageRules } from './usage-rules';
import { validityRules } from './validity-rules';

export type * from './types';
export { certificateLintTarget, requestLintTarget } from './target-from-der';
export { recommendedValidityDays, countedValidityDays } from './validity-rules';

const RULES: LintRule[] = [
  keyRules,
  signatureRules,
  sanRules,
  dnsNameRules,
  commonNameRules,
  usageRules,
  validityRules,
  subjectRules,
];

const ORDER = { error: 0, warning: 1, notice: 2 } as const;

/** Every finding for `target`, errors first; `issuedOn` is the issuance date the dated rules use. */
export async function lintTarget(target: LintTarget, issuedOn: Date): Promise<LintFinding[]> {
  const publicSuffix = await loadPublicSuffixes();
  const context = { issuedOn, isCa: isCaTarget(target), isTlsServer: isTlsServerTarget(target), publicSuffix };
  return RULES.flatMap((rule) => rule(target, context)).sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
}

/** Counts by severity. */
export function summarizeFindings(findings: LintFinding[]): LintSummary {
  return {
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
    notices: findings.filter((f) => f.severity === 'notice').length,
  };
}
