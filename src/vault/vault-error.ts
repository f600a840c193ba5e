/**
 * The one error the vault throws (ARCHITECTURE §4). Messages are sentences a person can act on;
 * the underlying PkiError / DOMException stays reachable as `cause`.
 */
import { isPkiError } from '../pki/pki-error';

export type VaultErrorCode =
  'NotFound' | 'Conflict' | 'BadParameter' | 'Forbidden' | 'InvalidPassword' | 'Unsupported' | 'Malformed';

export class VaultError extends Error {
  override readonly name = 'VaultError';
  constructor(
    readonly code: VaultErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
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
 * bytes are damaged, not that the vault failed.
 */
export function toVaultError(e: unknown, context: string, options: { parsing?: boolean } = {}): VaultError {
  if (isVaultError(e)) return e;
  if (isPkiError(e)) {
    const detail = e.message ? ` (${e.message})` : '';
    switch (e.code) {
      case 'malformed':
        return new VaultError(
          'Malformed',
          `${context} could not be read: it is damaged or not in a supported format${detail}.`,
          { cause: e },
        );
      case 'invalid-password':
        return new VaultError('InvalidPassword', `${context} could not be opened: the password is wrong or missing.`, {
          cause: e,
        });
      case 'unsupported':
        return new VaultError('Unsupported', `${context} uses something Certkeep does not support${detail}.`, {
          cause: e,
        });
      case 'bad-name':
        return new VaultError('BadParameter', `${BAD_X500_NAME}${detail}.`, { cause: e });
      case 'bad-input':
        return new VaultError('BadParameter', `${context}: a value is out of range${detail}.`, { cause: e });
    }
  }
  // DOMException from IndexedDB: quota, a closed database, a browser that refuses storage.
  if (e instanceof Error && e.name === 'QuotaExceededError') {
    return new VaultError(
      'Forbidden',
      `${context} failed: the browser's storage quota is full. Free space or delete old certificates.`,
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
      { cause: e },
    );
  }
  return new VaultError('Malformed', `${context} failed unexpectedly (${what}).`, { cause: e });
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
