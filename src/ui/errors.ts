/**
 * The one place VaultError codes become words (ARCHITECTURE §4). The vault's own message is kept:
 * it is written to be acted on; we add a title and a hint. Nothing else ever reaches the
 * screen: an unexpected exception shows a plain sentence, never a stack.
 */

export type VaultErrorCode =
  'NotFound' | 'Conflict' | 'BadParameter' | 'Forbidden' | 'InvalidPassword' | 'Unsupported' | 'Malformed';

/** What a banner or a field shows. */
export interface ErrorWords {
  code: VaultErrorCode | 'Unexpected';
  title: string;
  message: string;
  hint?: string;
  /** The form field the error is about, when we can tell (`name`, `subject`, `password`, `file`, …). */
  field?: string;
}

const WORDS: Record<VaultErrorCode, { title: string; hint: string }> = {
  NotFound: { title: 'Not found', hint: 'It may have been deleted, or it lives in another vault. Reload the list.' },
  Conflict: {
    title: 'Already exists',
    hint: 'Pick another name, finish or delete the pending operation, or purge the deleted certificate of that name.',
  },
  BadParameter: { title: 'Check the values', hint: 'Correct the value shown and try again.' },
  Forbidden: {
    title: 'Not allowed',
    hint: 'The policy, the enabled flag or the validity dates of this version do not allow this operation.',
  },
  InvalidPassword: { title: 'Wrong password', hint: 'Type the password again; the file is kept.' },
  Unsupported: { title: 'Not supported', hint: 'The file uses an algorithm or feature Certkeep does not handle.' },
  Malformed: { title: 'Unreadable file', hint: 'Certkeep reads PEM, DER, PKCS#7 (P7B) and PKCS#12 (PFX) files.' },
};

interface VaultErrorLike {
  name: 'VaultError';
  code: VaultErrorCode;
  message: string;
}

/** True for a VaultError, also across realms (checked by name, as ARCHITECTURE §4 promises). */
export function isVaultError(e: unknown): e is VaultErrorLike {
  return (
    typeof e === 'object' &&
    e !== null &&
    (e as { name?: unknown }).name === 'VaultError' &&
    typeof (e as { code?: unknown }).code === 'string'
  );
}

/** Guesses the field a BadParameter message is about, so the form can show it in place. */
function fieldOf(code: VaultErrorCode, message: string): string | undefined {
  const m = message.toLowerCase();
  if (code === 'InvalidPassword') return 'password';
  if (code === 'Malformed' || code === 'Unsupported') return 'file';
  if (code === 'Conflict' && m.includes('name')) return 'name';
  if (code !== 'BadParameter') return undefined;
  if (m.includes('alternativenames') || m.includes('alternative name')) return 'sans';
  if (m.includes('x500') || m.includes('subject')) return 'subject';
  if (m.includes('public key') || m.includes('csr used')) return 'file';
  if (m.includes('enhancedkeyusage')) return 'eku';
  if (m.includes('keyusage')) return 'keyUsage';
  if (m.includes('validity')) return 'validityInMonths';
  if (m.includes('lifetime') || m.includes('percentage') || m.includes('daysbeforeexpiry')) return 'lifetime';
  if (m.includes('exportable')) return 'exportable';
  if (m.includes('keysize') || m.includes('key size') || m.includes('keycurvename')) return 'keySize';
  if (m.includes('issuername')) return 'issuer';
  if (m.includes('password')) return 'password';
  if (m.includes('name')) return 'name';
  return undefined;
}

/** Turns anything thrown into words for the screen. Unknown errors are logged, not shown. */
export function explainError(e: unknown): ErrorWords {
  if (isVaultError(e)) {
    const words = WORDS[e.code] ?? { title: 'Error', hint: '' };
    return {
      code: e.code,
      title: words.title,
      message: e.message,
      hint: words.hint || undefined,
      field: fieldOf(e.code, e.message),
    };
  }
  console.error('unexpected error', e);
  return {
    code: 'Unexpected',
    title: 'Something went wrong',
    message: 'Certkeep could not finish this action.',
    hint: 'Reload the page and try again. Nothing was changed if the action did not finish.',
  };
}

/** True when the error means "there is no such thing", e.g. no pending operation. */
export function isNotFound(e: unknown): boolean {
  return isVaultError(e) && e.code === 'NotFound';
}
