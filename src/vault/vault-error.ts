/**
 * The one error the vault throws (ARCHITECTURE §4). Messages are sentences a person can act on;
 * the underlying PkiError / DOMException stays reachable as `cause`, and `field` names the input
 * at fault so a form can show the message in place.
 */
import { isPkiError } from '../pki/pki-error';
import { STORAGE_LOST_ERROR } from './storage-lost';

export type VaultErrorCode =
  | 'NotFound'
  | 'Conflict'
  /**
   * A save that named the revision it showed (`ifMatch`, `ifUnchanged`) found the record changed
   * since (another tab saved in between): nothing was saved; reload and make the change again.
   */
  | 'Changed'
  | 'BadParameter'
  | 'Forbidden'
  | 'InvalidPassword'
  | 'Unsupported'
  | 'Malformed'
  /** A protected vault that is not unlocked. */
  | 'Locked'
  /** The browser's storage for the site is full (QuotaExceededError): nothing of the write was kept. */
  | 'StorageFull'
  /** The vault's database was deleted while it was open (site data cleared, storage evicted). */
  | 'StorageLost'
  /** A fault in Certkeep itself, never in the caller's input. */
  | 'Internal'
  /** The caller's AbortSignal stopped a long call before it stored anything (vault/long-work.ts). */
  | 'Cancelled';

/**
 * The input a VaultError is about. Policy fields use CertificatePolicy's names; the others name
 * the argument or option of the call: `name` (certificate, issuer or vault), `password`, `file`
 * (the bytes given to import, merge, restore or describe), `enabled`/`tags` (attributes),
 * `contacts`, the issuer's `provider`/`accountId`/`organizationId`/`administratorContacts`, and a
 * cryptography call's `algorithm`/`data`; a Local issuer's `certificateName`, a request to sign
 * (`csr`), a revocation's `serialNumber`/`reason`, a CRL's `nextUpdateInDays`. `policy` is the
 * policy argument as a whole. Access control: the `principal`, its `passphrase`, `prf` and
 * `passkey`, `permissions` and `owner`.
 */
export type VaultErrorField =
  | 'name'
  | 'subject'
  | 'subjectAlternativeNames'
  | 'keyType'
  | 'keySize'
  | 'keyCurveName'
  | 'exportable'
  | 'contentType'
  | 'keyUsage'
  | 'enhancedKeyUsage'
  | 'validityInMonths'
  | 'validityInDays'
  | 'basicConstraints'
  | 'nameConstraints'
  | 'lifetimeActions'
  | 'issuerName'
  | 'policy'
  | 'password'
  | 'file'
  | 'enabled'
  | 'tags'
  | 'contacts'
  | 'provider'
  | 'accountId'
  | 'organizationId'
  | 'administratorContacts'
  | 'algorithm'
  | 'data'
  | 'certificateName'
  | 'csr'
  | 'serialNumber'
  | 'reason'
  | 'nextUpdateInDays'
  | 'principal'
  | 'passphrase'
  | 'prf'
  | 'passkey'
  | 'permissions'
  | 'owner'
  | 'sha256';

export class VaultError extends Error {
  override readonly name = 'VaultError';
  readonly field?: VaultErrorField;
  constructor(
    readonly code: VaultErrorCode,
    message: string,
    options: { cause?: unknown; field?: VaultErrorField } = {},
  ) {
    super(message, 'cause' in options ? { cause: options.cause } : undefined);
    if (options.field !== undefined) this.field = options.field;
  }
}

/** True for a VaultError, also across bundles/realms (no instanceof). */
export function isVaultError(e: unknown): e is VaultError {
  return e instanceof Error && e.name === 'VaultError' && 'code' in e;
}

/** Key Vault's own wording for a subject that does not parse. */
export const BAD_X500_NAME = 'The subject name provided is not a valid X500 name';

/**
 * Any thrown value as a VaultError. `context` says what was being read ("the PFX file", "the
 * certificate") and starts the message of wrapped errors. `parsing`: the error came from
 * reading untrusted bytes, so anything unclassified (a parser library's own Error) means the
 * bytes are damaged (Malformed, field `file`); anywhere else an unclassified error is a bug in
 * Certkeep (Internal), and the message says so rather than blaming the person's input.
 */
export function toVaultError(e: unknown, context: string, options: { parsing?: boolean } = {}): VaultError {
  if (isVaultError(e)) return e;
  const file = options.parsing ? { field: 'file' as const } : {};
  // A long call's signal (pki/work.ts, or a DOMException from an API that took the signal).
  if ((isPkiError(e) && e.code === 'cancelled') || (e instanceof Error && e.name === 'AbortError')) {
    return new VaultError('Cancelled', 'The work was cancelled before anything was stored: the vault is unchanged.', {
      cause: e,
    });
  }
  if (isPkiError(e)) {
    const detail = e.message ? ` (${e.message})` : '';
    switch (e.code) {
      case 'malformed':
        return new VaultError(
          'Malformed',
          `${context} could not be read: it is damaged or not in a supported format${detail}.`,
          { cause: e, ...file },
        );
      case 'invalid-password':
        return new VaultError('InvalidPassword', `${context} could not be opened: the password is wrong or missing.`, {
          cause: e,
          field: 'password',
        });
      case 'unsupported':
        return new VaultError('Unsupported', `${context} uses something Certkeep does not support${detail}.`, {
          cause: e,
          ...file,
        });
      case 'bad-name':
        return new VaultError('BadParameter', `${BAD_X500_NAME}${detail}.`, { cause: e, field: 'subject' });
      case 'bad-input':
        return new VaultError('BadParameter', `${context}: a value is out of range${detail}.`, { cause: e, ...file });
    }
  }
  // DOMException from IndexedDB: quota, a closed database, a browser that refuses storage.
  // The write's transaction was aborted, so nothing of it is kept (ARCHITECTURE §9 "Storage").
  if (e instanceof Error && e.name === 'QuotaExceededError') {
    return new VaultError(
      'StorageFull',
      `${context} failed: the browser's storage for this site is full, so nothing was saved. Free disk space, or purge deleted certificates and old versions you no longer need, then try again.`,
      { cause: e },
    );
  }
  if (e instanceof Error && e.name === STORAGE_LOST_ERROR) {
    return new VaultError(
      'StorageLost',
      `${context} failed: this vault's storage was deleted while Certkeep was open (site data was cleared, or the browser evicted it), so nothing more can be saved to it. Reload the page, then restore your certificates from their backup files.`,
      { cause: e },
    );
  }
  // Another tab or the service worker runs a newer Certkeep and upgraded the database past this code.
  if (e instanceof Error && e.name === 'VersionError') {
    return new VaultError(
      'Conflict',
      `${context} failed: a newer version of Certkeep (in another tab or window) has upgraded this vault. Reload this page to use it.`,
      { cause: e },
    );
  }
  // IndexedDB after close().
  if (e instanceof Error && e.name === 'InvalidStateError' && !options.parsing) {
    return new VaultError('Forbidden', `${context} failed: the vault is closed. Open it again.`, { cause: e });
  }
  const what = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  if (options.parsing) {
    return new VaultError(
      'Malformed',
      `${context} could not be read: it is damaged or not in a supported format (${what}).`,
      { cause: e, field: 'file' },
    );
  }
  return new VaultError(
    'Internal',
    `${context} failed because of a fault in Certkeep, not in what was entered or in the file given (${what}). Reload the page and try again; if it happens again, report it with this message.`,
    { cause: e },
  );
}

/** Runs `fn` and turns anything it throws into a VaultError. */
export async function guard<T>(context: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw toVaultError(e, context);
  }
}

/** An AsyncIterable whose errors (at creation or while iterating) are VaultErrors. */
export function guardIterable<T>(context: string, make: () => AsyncIterable<T>): AsyncIterable<T> {
  return {
    async *[Symbol.asyncIterator]() {
      try {
        yield* make();
      } catch (e) {
        throw toVaultError(e, context);
      }
    },
  };
}

/** Runs `fn`, which reads untrusted bytes; unclassified errors become Malformed (see toVaultError). */
export async function parsing<T>(context: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw toVaultError(e, context, { parsing: true });
  }
}
