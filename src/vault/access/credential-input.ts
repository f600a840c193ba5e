/**
 * Credentials as the caller gives them (anything may arrive at run time), checked once:
 * a passphrase, or a passkey's 32-byte WebAuthn PRF output with, for a new slot, the
 * passkey's credential id and PRF input. BadParameter names the field.
 */
import type { PasskeyInfo } from '../access-types';
import { VaultError } from '../vault-error';
import type { Credential } from './master-key';

/** A new passphrase: at least this many characters (a passphrase, not a PIN: it is all that stands against a copy of the profile). */
export const MIN_PASSPHRASE_LENGTH = 8;
const MAX_PASSPHRASE_LENGTH = 1024;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** Both or neither: exactly one credential is expected. */
function oneOf(o: Record<string, unknown>): 'passphrase' | 'prf' {
  const hasPassphrase = o.passphrase !== undefined;
  const hasPrf = o.prf !== undefined;
  if (hasPassphrase === hasPrf) {
    throw new VaultError('BadParameter', 'Give either a passphrase or a passkey (prf), not both and not neither.', {
      field: hasPassphrase ? 'passphrase' : 'prf',
    });
  }
  return hasPassphrase ? 'passphrase' : 'prf';
}

function prfOf(v: unknown): Uint8Array<ArrayBuffer> {
  if (!(v instanceof Uint8Array) || v.length !== 32) {
    throw new VaultError(
      'BadParameter',
      "prf must be the passkey's 32-byte PRF output (the WebAuthn prf extension's results.first).",
      { field: 'prf' },
    );
  }
  return new Uint8Array(v);
}

function passphraseOf(v: unknown, isNew: boolean): string {
  if (typeof v !== 'string' || v.length === 0)
    throw new VaultError('BadParameter', 'Give the passphrase as text.', { field: 'passphrase' });
  if (v.length > MAX_PASSPHRASE_LENGTH)
    throw new VaultError('BadParameter', `The passphrase is longer than ${MAX_PASSPHRASE_LENGTH} characters.`, {
      field: 'passphrase',
    });
  if (isNew && v.normalize('NFC').length < MIN_PASSPHRASE_LENGTH) {
    throw new VaultError(
      'BadParameter',
      `Use a passphrase of at least ${MIN_PASSPHRASE_LENGTH} characters: it is what protects the keys if someone copies this browser profile. Several words are easier to remember than a short password.`,
      { field: 'passphrase' },
    );
  }
  return v;
}

function passkeyOf(v: unknown): PasskeyInfo {
  const id = isObject(v) ? v.credentialId : undefined;
  const salt = isObject(v) ? v.prfSalt : undefined;
  if (
    !(id instanceof Uint8Array) ||
    id.length === 0 ||
    id.length > 1023 ||
    !(salt instanceof Uint8Array) ||
    salt.length !== 32
  ) {
    throw new VaultError(
      'BadParameter',
      'A passkey needs its credential id (the raw id, 1–1023 bytes) and the 32-byte PRF input it was evaluated with: passkey { credentialId, prfSalt }.',
      { field: 'passkey' },
    );
  }
  return { credentialId: new Uint8Array(id), prfSalt: new Uint8Array(salt) };
}

/** The credential of an unlock or a confirmation. */
export function givenCredential(input: unknown): Credential {
  const o = isObject(input) ? input : {};
  return oneOf(o) === 'passphrase' ? { passphrase: passphraseOf(o.passphrase, false) } : { prf: prfOf(o.prf) };
}

/** The credential of a new slot (protect, setAccessPolicy): a long enough passphrase, or prf with its passkey. */
export function newCredential(input: unknown): Credential {
  const o = isObject(input) ? input : {};
  return oneOf(o) === 'passphrase'
    ? { passphrase: passphraseOf(o.passphrase, true) }
    : { prf: prfOf(o.prf), passkey: passkeyOf(o.passkey) };
}

/** setAccessPolicy may give a passphrase, a passkey, both, or neither (keep the slots). */
export function newCredentials(input: Record<string, unknown>): Credential[] {
  const out: Credential[] = [];
  if (input.passphrase !== undefined) out.push({ passphrase: passphraseOf(input.passphrase, true) });
  if (input.prf !== undefined) out.push({ prf: prfOf(input.prf), passkey: passkeyOf(input.passkey) });
  else if (input.passkey !== undefined)
    throw new VaultError('BadParameter', 'A passkey needs its prf output as well.', { field: 'prf' });
  return out;
}
