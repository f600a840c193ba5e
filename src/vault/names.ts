/**
 * The name rules, each written once (ARCHITECTURE §3). Certificate and issuer names are Key
 * Vault's `^[0-9a-zA-Z-]{1,127}$`, unique without regard to case, so records are keyed by the
 * lowercase name and keep the spelling first written. Vault names are at most 63 characters: a
 * vault's URL is https://<name>.vault.local and a DNS label holds 63.
 *
 * The `…Problem` functions return the sentence a form shows under the field (undefined when the
 * name is fine); the vault throws the same sentence, so the screen and the API never disagree.
 */
import { VaultError } from './vault-error';

const CERTIFICATE_NAME = /^[0-9a-zA-Z-]{1,127}$/;
const VAULT_NAME = /^[0-9a-zA-Z-]{1,63}$/;
/** Policy issuerName values with a meaning of their own; an issuer cannot take them. */
const RESERVED_ISSUER_NAMES = ['self', 'unknown'];

/** Why `name` cannot name a certificate, or undefined when it can. */
export function certificateNameProblem(name: string): string | undefined {
  if (name === '') return 'Give the certificate a name.';
  return spellingProblem(name);
}

/** Why `name` cannot name a new issuer, or undefined when it can. */
export function issuerNameProblem(name: string): string | undefined {
  if (name === '') return 'Give the issuer a name.';
  return spellingProblem(name) ?? reservedProblem(name);
}

/** Why `name` cannot name a vault, or undefined when it can. */
export function vaultNameProblem(name: string): string | undefined {
  if (name === '') return 'Give the vault a name.';
  if (!VAULT_NAME.test(name)) return 'Use 1 to 63 letters, digits and hyphens.';
  return undefined;
}

/**
 * Why `name` cannot name a principal (a person or role of a protected vault), or undefined
 * when it can: 1 to 64 characters once trimmed, no control characters. Any script, spaces and
 * "@" are fine ("Alice", "ops@contoso.com", "Night shift").
 */
export function principalNameProblem(name: string): string | undefined {
  const trimmed = name.trim();
  if (trimmed === '') return 'Give the principal a name.';
  if (trimmed.length > 64) return 'Use at most 64 characters.';
  // eslint-disable-next-line no-control-regex -- the point is to refuse control characters
  if (/[\u0000-\u001f\u007f-\u009f]/.test(trimmed)) return 'Use letters, digits, spaces and punctuation only.';
  return undefined;
}

/**
 * A principal as written (trimmed) and its store key: principals are compared without regard
 * to case, like certificate names. BadParameter (field `principal`) for a bad name.
 */
export function checkPrincipal(name: unknown): { principal: string; key: string } {
  if (typeof name !== 'string')
    throw new VaultError('BadParameter', 'Give the principal as text.', { field: 'principal' });
  const problem = principalNameProblem(name);
  if (problem !== undefined) {
    const shown = name.length > 40 ? `${name.slice(0, 40)}…` : name;
    throw new VaultError('BadParameter', `The principal name "${shown}" is not valid. ${problem}`, {
      field: 'principal',
    });
  }
  const principal = name.trim().normalize('NFC');
  return { principal, key: principal.toLowerCase() };
}

/** The store key of a valid certificate name; BadParameter (field `name`) otherwise. */
export function certificateKey(name: unknown): string {
  return checked('certificate', name, certificateNameProblem).toLowerCase();
}

/**
 * The store key of an issuer name (names are case-insensitive, like certificate names). Only the
 * spelling is checked: looking up "Self" is a NotFound, not a bad name.
 */
export function issuerKey(name: unknown): string {
  return checked('issuer', name, spellingProblem).toLowerCase();
}

/** The store key for a new issuer: the whole rule, reserved names included. */
export function newIssuerKey(name: unknown): string {
  return checked('issuer', name, issuerNameProblem).toLowerCase();
}

/** A valid vault name as given; BadParameter (field `name`) otherwise. */
export function checkVaultName(name: unknown): string {
  return checked('vault', name, vaultNameProblem);
}

/** Certificate and issuer names: Key Vault's `^[0-9a-zA-Z-]{1,127}$`. */
function spellingProblem(name: string): string | undefined {
  return CERTIFICATE_NAME.test(name) ? undefined : 'Use 1 to 127 letters, digits and hyphens (no spaces or dots).';
}

function reservedProblem(name: string): string | undefined {
  return RESERVED_ISSUER_NAMES.includes(name.toLowerCase())
    ? '"Self" and "Unknown" are reserved for policies (issuerName "Self" or "Unknown"): choose another issuer name.'
    : undefined;
}

function checked(kind: string, name: unknown, problemOf: (name: string) => string | undefined): string {
  if (typeof name !== 'string') throw invalidName(kind, String(name), 'Give the name as text.');
  const problem = problemOf(name);
  if (problem !== undefined) throw invalidName(kind, `"${name.length > 40 ? `${name.slice(0, 40)}…` : name}"`, problem);
  return name;
}

function invalidName(kind: string, shown: string, problem: string): VaultError {
  return new VaultError('BadParameter', `The ${kind} name ${shown} is not valid. ${problem}`, { field: 'name' });
}
