/**
 * A policy's lifetime actions (ARCHITECTURE §5): at most one, with exactly one trigger in range,
 * and AutoRenew only where the vault itself can sign the renewal (Self, or a Local issuer).
 */
import type { CertificatePolicy } from './policy-types';
import { VaultError, type VaultErrorField } from './vault-error';

/** daysBeforeExpiry may be at most validityInMonths × 27 (Key Vault's rule). */
const DAYS_PER_MONTH_LIMIT = 27;

const bad = (field: VaultErrorField, message: string): VaultError => new VaultError('BadParameter', message, { field });
const isInt = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n);
const isNamedIn = (name: string, list: string[]): boolean => list.some((n) => n.toLowerCase() === name.toLowerCase());

/** `localIssuers`: when given, AutoRenew with any issuer but Self and these is refused. */
export function validateLifetimeActions(
  policy: CertificatePolicy,
  months: number,
  localIssuers: string[] | undefined,
): void {
  const actions = policy.lifetimeActions ?? [];
  if (actions.length > 1)
    throw bad(
      'lifetimeActions',
      `lifetimeActions has ${actions.length} entries: a policy allows at most one lifetime action.`,
    );
  for (const a of actions) {
    // Widened: the policy may come from a caller that ignored the types.
    const action: string = a.action;
    if (action !== 'EmailContacts' && action !== 'AutoRenew')
      throw bad('lifetimeActions', `lifetimeActions action "${action}" is unknown: use EmailContacts or AutoRenew.`);
    const hasDays = a.daysBeforeExpiry !== undefined;
    const hasPct = a.lifetimePercentage !== undefined;
    if (hasDays === hasPct)
      throw bad('lifetimeActions', 'lifetimeActions: give exactly one of daysBeforeExpiry or lifetimePercentage.');
    if (hasPct && (!isInt(a.lifetimePercentage) || a.lifetimePercentage < 1 || a.lifetimePercentage > 99)) {
      throw bad(
        'lifetimeActions',
        `lifetimePercentage ${a.lifetimePercentage} is out of range: use a whole number from 1 to 99.`,
      );
    }
    // With validityInDays, the action must fall due after notBefore, or every renewal would be due at once.
    const days = policy.validityInDays;
    const maxDays = days !== undefined ? days - 1 : months * DAYS_PER_MONTH_LIMIT;
    if (hasDays && (!isInt(a.daysBeforeExpiry) || a.daysBeforeExpiry < 1 || a.daysBeforeExpiry > maxDays)) {
      throw bad(
        'lifetimeActions',
        maxDays < 1
          ? `daysBeforeExpiry is not possible with validityInDays ${days}: use lifetimePercentage.`
          : `daysBeforeExpiry ${a.daysBeforeExpiry} is out of range: use a whole number from 1 to ${maxDays} (${days !== undefined ? 'validityInDays − 1' : `validityInMonths × ${DAYS_PER_MONTH_LIMIT}`}).`,
      );
    }
    const issuer = policy.issuerName ?? 'Self';
    if (a.action === 'AutoRenew' && issuer.toLowerCase() === 'unknown') {
      throw bad(
        'lifetimeActions',
        'lifetimeActions AutoRenew is not possible with issuer "Unknown": nobody here can sign the renewal. Use EmailContacts.',
      );
    }
    if (
      a.action === 'AutoRenew' &&
      localIssuers &&
      issuer.toLowerCase() !== 'self' &&
      !isNamedIn(issuer, localIssuers)
    ) {
      throw bad(
        'lifetimeActions',
        `lifetimeActions AutoRenew is not possible with issuer "${issuer}": it is an external CA, which the vault cannot ask for a renewal offline. Use EmailContacts, or a Local issuer.`,
      );
    }
  }
}
