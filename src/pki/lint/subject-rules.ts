/**
 * Subject DN hygiene (BR 7.1.4.2, 7.1.2.7.4; X.520): countryName an ISO 3166-1 code, no
 * organizationalUnitName in a subscriber certificate issued from 2022-09-01 (ballot SC-047),
 * no attribute twice, and no placeholder values standing for "absent" ("-", ".", "N/A", …).
 */
import { ATTRIBUTE } from '../asn1/oids';
import { isIsoCountry } from './iso-countries';
import { PUBLIC_TLS, finding } from './finding';
import type { LintFinding, LintRule } from './types';

const OU_CUTOFF = new Date('2022-09-01T00:00:00Z');
/** Attributes a name may repeat: domain components and street lines. */
const REPEATABLE = new Set<string>([ATTRIBUTE.domainComponent, ATTRIBUTE.streetAddress]);
const PLACEHOLDERS = new Set(['n/a', 'na', 'none', 'null', 'nil', 'unknown', 'not applicable', 'empty', 'default']);

/** True for a value that only says "nothing here": no letter or digit at all, or a known placeholder word. */
function isPlaceholder(value: string): boolean {
  const v = value.trim().toLowerCase();
  return v === '' || !/[\p{L}\p{N}]/u.test(v) || PLACEHOLDERS.has(v);
}

const field = 'subject' as const;

export const subjectRules: LintRule = (target, context) => {
  const out: LintFinding[] = [];
  for (const a of target.subject.filter((x) => x.oid === ATTRIBUTE.countryName)) {
    if (isIsoCountry(a.value)) continue;
    out.push(
      finding(target, {
        id: 'e_subject_country_not_iso',
        severity: 'error',
        message: `C=${a.value} is no ISO 3166-1 country code: use two capital letters such as US, DE or GB.`,
        reference: 'BR 7.1.4.2; X.520',
        field,
      }),
    );
  }
  if (!context.isCa && target.subject.some((a) => a.oid === ATTRIBUTE.organizationalUnitName)) {
    const late = context.issuedOn.getTime() >= OU_CUTOFF.getTime();
    out.push(
      finding(target, {
        id: late ? 'e_subj_orgunit_in_cert' : 'w_subj_orgunit_in_cert',
        severity: late ? 'error' : 'warning',
        message: late
          ? `${PUBLIC_TLS} issued from 2022-09-01, the subject must not have an organizational unit (OU): remove it.`
          : `${PUBLIC_TLS}, the organizational unit (OU) is deprecated and refused from 2022-09-01.`,
        reference: 'BR 7.1.2.7.4 (SC-047)',
        field,
        publicOnly: true,
      }),
    );
  }
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const a of target.subject) {
    if (seen.has(a.oid) && !REPEATABLE.has(a.oid) && !repeated.has(a.oid)) {
      repeated.add(a.oid);
      out.push(
        finding(target, {
          id: 'e_subject_dn_repeated_attribute',
          severity: 'error',
          message: `${PUBLIC_TLS}, each subject attribute may appear once; ${a.type} appears more than once: keep one.`,
          reference: 'BR 7.1.2.7.4',
          field,
          publicOnly: true,
        }),
      );
    }
    seen.add(a.oid);
    if (isPlaceholder(a.value)) {
      out.push(
        finding(target, {
          id: 'e_subject_contains_noninformational_value',
          severity: 'error',
          message: `${PUBLIC_TLS}, ${a.type}="${a.value}" is a placeholder: leave the attribute out instead of filling it with "-", "." or "N/A".`,
          reference: 'BR 7.1.4.2',
          field,
          publicOnly: true,
        }),
      );
    }
  }
  return out;
};
