/**
 * The CA fields of a policy (ARCHITECTURE §8 "Local CA"): basicConstraints, nameConstraints and
 * validityInDays, their defaults and their checks. policy.ts calls these; they stand apart so the
 * Key Vault rules there stay as Key Vault documents them.
 */
import { parseCidr } from '../pki/ip-address';
import type { NameSet } from '../pki/name-constraints';
import type { CertificatePolicy, KeyUsageType } from './policy-types';
import { VaultError, type VaultErrorField } from './vault-error';

/** As validityInMonths' 1200: one hundred years. */
const MAX_VALIDITY_DAYS = 36_525;
/** Far beyond any real hierarchy; a bound so a typo is seen. */
const MAX_PATH_LENGTH = 32;

const bad = (field: VaultErrorField, message: string): VaultError => new VaultError('BadParameter', message, { field });
const isInt = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n);

/** True when the policy makes a CA certificate. */
export function isCaPolicy(policy: CertificatePolicy): boolean {
  return policy.basicConstraints?.ca === true;
}

/**
 * Defaults that differ for a CA: key usage keyCertSign + cRLSign (RFC 5280 §4.2.1.3; CA/B Forum
 * BR §7.1.2.1), no EKU (a root with one would limit every certificate under it), and reuseKey
 * (a CA keeps its key across renewals, see checkCaFields).
 */
export function caDefaults(overrides: CertificatePolicy): Partial<CertificatePolicy> {
  if (!isCaPolicy(overrides)) return {};
  return {
    keyUsage: overrides.keyUsage?.length ? overrides.keyUsage : (['keyCertSign', 'cRLSign'] as KeyUsageType[]),
    enhancedKeyUsage: overrides.enhancedKeyUsage ?? [],
    reuseKey: overrides.reuseKey ?? true,
  };
}

/**
 * Checks basicConstraints, nameConstraints and validityInDays; BadParameter naming the field.
 * `imported`: the policy describes a certificate that exists, whose key usage is what it is.
 */
export function checkCaFields(policy: CertificatePolicy, imported = false): void {
  const days = policy.validityInDays;
  if (days !== undefined && (!isInt(days) || days < 1 || days > MAX_VALIDITY_DAYS))
    throw bad(
      'validityInDays',
      `validityInDays ${String(days)} is out of range: use a whole number from 1 to ${MAX_VALIDITY_DAYS}.`,
    );
  const given: unknown = policy.basicConstraints;
  if (given !== undefined) {
    if (typeof given !== 'object' || given === null || typeof (given as { ca?: unknown }).ca !== 'boolean')
      throw bad('basicConstraints', 'basicConstraints must be { ca: true or false, pathLength? }.');
  }
  const bc = policy.basicConstraints;
  const ca = bc?.ca === true;
  if (bc?.pathLength !== undefined) {
    if (!ca)
      throw bad('basicConstraints', 'basicConstraints pathLength applies to CA certificates only: set ca to true.');
    if (!isInt(bc.pathLength) || bc.pathLength < 0 || bc.pathLength > MAX_PATH_LENGTH)
      throw bad(
        'basicConstraints',
        `basicConstraints pathLength ${String(bc.pathLength)} is out of range: use a whole number from 0 (no CA below this one) to ${MAX_PATH_LENGTH}, or leave it empty for no limit.`,
      );
  }
  if (ca) {
    if (!imported && !policy.keyUsage?.includes('keyCertSign'))
      throw bad(
        'keyUsage',
        'A CA certificate needs keyUsage keyCertSign (and cRLSign to sign CRLs): add them, or set basicConstraints ca to false.',
      );
    if (policy.reuseKey === false)
      throw bad(
        'basicConstraints',
        'A CA certificate keeps its key when it renews, so what it issued still verifies and its CRLs are signed by the same key: set reuseKey to true. For a new CA key, create a new CA certificate.',
      );
  }
  const nc = policy.nameConstraints;
  if (nc !== undefined) {
    if (typeof nc !== 'object' || (nc as unknown) === null)
      throw bad('nameConstraints', 'nameConstraints must be { permitted?, excluded? }.');
    const named = checkNameSet(nc.permitted, 'permitted') + checkNameSet(nc.excluded, 'excluded');
    if (named > 0 && !ca)
      throw bad(
        'nameConstraints',
        'nameConstraints apply to CA certificates only: set basicConstraints ca to true, or remove them.',
      );
  }
}

const DNS_BASE =
  /^\.?([a-zA-Z0-9_]([a-zA-Z0-9_-]{0,61}[a-zA-Z0-9_])?\.)*[a-zA-Z0-9_]([a-zA-Z0-9_-]{0,61}[a-zA-Z0-9_])?$/;
const HOST = /^([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)*[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$/;

/** How many names the set holds; BadParameter for one that is not a valid constraint. */
function checkNameSet(set: NameSet | undefined, side: string): number {
  if (set === undefined) return 0;
  const where = `nameConstraints ${side}`;
  if (typeof set !== 'object' || (set as unknown) === null)
    throw bad('nameConstraints', `${where} must be { dnsNames?, ipAddresses?, emails? }.`);
  let count = 0;
  const each = (list: unknown, what: string, ok: (v: string) => boolean, hint: string): void => {
    if (list === undefined) return;
    if (!Array.isArray(list)) throw bad('nameConstraints', `${where} ${what} must be a list.`);
    for (const v of list as unknown[]) {
      if (typeof v !== 'string' || !ok(v)) throw bad('nameConstraints', `${where} ${what} "${String(v)}" ${hint}`);
      count++;
    }
  };
  each(
    set.dnsNames,
    'dnsNames',
    (v) => DNS_BASE.test(v),
    'is not a DNS name: use "contoso.com" (it and every name under it) or ".contoso.com" (only names under it), without wildcards.',
  );
  each(
    set.emails,
    'emails',
    (v) => {
      const at = v.indexOf('@');
      if (at < 0) return HOST.test(v.replace(/^\./, ''));
      return at > 0 && /^[^@\s]+$/.test(v.slice(0, at)) && HOST.test(v.slice(at + 1));
    },
    'is not a mailbox or domain: use "pki@contoso.com" (that mailbox), "contoso.com" (any mailbox there) or ".contoso.com" (mailboxes at hosts under it).',
  );
  each(
    set.ipAddresses,
    'ipAddresses',
    (v) => {
      try {
        parseCidr(v);
        return true;
      } catch {
        return false;
      }
    },
    'is not an address range: use CIDR such as "10.0.0.0/8" or "fd00::/8", with the bits past the prefix zero.',
  );
  return count;
}
