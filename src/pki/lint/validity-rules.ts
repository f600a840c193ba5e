/**
 * Subscriber TLS certificate lifetimes, CA/B Forum ballot SC-081v3 (BR 6.3.2), by issuance date
 * (notBefore). The validity period is notAfter − notBefore + 1 second (BR 1.6.1, RFC 5280
 * §4.1.2.5: both ends are inclusive); a day is 86 400 s and any part of one counts as a day. The
 * BRs add that a certificate SHOULD NOT be issued for the maximum itself, since that counting
 * makes the maximum easy to overshoot: reaching it is a warning, passing it an error.
 */
import { PUBLIC_TLS, finding } from './finding';
import type { LintRule } from './types';

/** One SC-081 step: certificates issued from `from` (inclusive) may be valid `maxDays` at most. */
interface ValidityStep {
  from?: Date;
  until?: Date;
  maxDays: number;
}

const STEPS: ValidityStep[] = [
  { until: new Date('2026-03-15T00:00:00Z'), maxDays: 398 },
  { from: new Date('2026-03-15T00:00:00Z'), until: new Date('2027-03-15T00:00:00Z'), maxDays: 200 },
  { from: new Date('2027-03-15T00:00:00Z'), until: new Date('2029-03-15T00:00:00Z'), maxDays: 100 },
  { from: new Date('2029-03-15T00:00:00Z'), maxDays: 47 },
];

const DAY_MS = 86_400_000;

/** The SC-081 step a certificate issued at `issuedOn` falls in. */
function validityStep(issuedOn: Date): ValidityStep {
  const t = issuedOn.getTime();
  return STEPS.find((s) => (!s.from || t >= s.from.getTime()) && (!s.until || t < s.until.getTime())) ?? STEPS[0];
}

/**
 * The longest `validityInDays` that raises no finding when issued at `issuedOn`: two under the
 * maximum, because notAfter = notBefore + n days counts as n days and 1 second, i.e. n + 1 days.
 */
export function recommendedValidityDays(issuedOn: Date): number {
  return validityStep(issuedOn).maxDays - 2;
}

/** The BR's day count of a validity: ⌈(notAfter − notBefore + 1 s) / 86 400 s⌉. */
export function countedValidityDays(validity: { notBefore: Date; notAfter: Date }): number {
  return Math.ceil((validity.notAfter.getTime() - validity.notBefore.getTime() + 1000) / DAY_MS);
}

const day = (d: Date): string => d.toISOString().slice(0, 10);

export const validityRules: LintRule = (target, context) => {
  const validity = target.validity;
  if (!validity || context.isCa || !context.isTlsServer) return [];
  const step = validityStep(context.issuedOn);
  const days = countedValidityDays(validity);
  const suggested = recommendedValidityDays(context.issuedOn);
  const since = step.from ? `issued from ${day(step.from)}` : `issued before ${day(step.until ?? context.issuedOn)}`;
  const reference = step.from ? 'BR 6.3.2 (SC-081)' : 'BR 6.3.2';
  if (days > step.maxDays) {
    return [
      finding(target, {
        id: `e_tls_server_cert_valid_time_longer_than_${step.maxDays}_days`,
        severity: 'error',
        message: `${PUBLIC_TLS} ${since}, the validity may be at most ${step.maxDays} days; this one is ${days} days. Ask for ${suggested} days (validityInDays) or fewer.`,
        reference,
        field: 'validity',
        publicOnly: true,
      }),
    ];
  }
  if (days === step.maxDays) {
    return [
      finding(target, {
        id: `w_tls_server_cert_valid_time_longer_than_${step.maxDays - 1}_days`,
        severity: 'warning',
        message: `${PUBLIC_TLS} ${since}, ${days} days is the very maximum, which the BRs advise against (notAfter − notBefore + 1 s, any part of a day counting as a day, overshoots easily). Ask for ${suggested} days.`,
        reference,
        field: 'validity',
        publicOnly: true,
      }),
    ];
  }
  return [];
};
