/**
 * The one place VaultError codes become words (ARCHITECTURE §4). The vault's own message is kept:
 * it is written to be acted on; we add a title and a hint. Nothing else ever reaches the
 * screen: an unexpected exception shows a plain sentence, never a stack.
 */
import type { VaultError, VaultErrorCode, VaultErrorField } from './state/vault-api';
import { loadedVaultModule } from './state/vault-client';

/** What a banner or a field shows. */
export interface ErrorWords {
  code: VaultErrorCode | 'Unexpected';
  title: string;
  message: string;
  hint?: string;
  /** The input the error is about, as the vault names it (`name`, `subject`, `password`, `file`, …). */
  field?: VaultErrorField;
}

const WORDS: Record<VaultErrorCode, { title: string; hint: string }> = {
  NotFound: { title: 'Not found', hint: 'It may have been deleted, or it lives in another vault. Reload the list.' },
  Conflict: {
    title: 'Already exists',
    hint: 'Pick another name, finish or delete the pending operation, or purge the deleted certificate of that name.',
  },
  Changed: {
    title: 'Changed in another tab',
    hint: 'Your edits are still in the form: start again from the saved version to see what the other tab saved, then make yours again.',
  },
  BadParameter: { title: 'Check the values', hint: 'Correct the value shown and try again.' },
  Forbidden: {
    title: 'Not allowed',
    hint: 'The policy, the enabled flag or the validity dates of this version do not allow this operation.',
  },
  InvalidPassword: { title: 'Wrong password', hint: 'Type the password again; the file is kept.' },
  Unsupported: { title: 'Not supported', hint: 'The file uses an algorithm or feature Certkeep does not handle.' },
  Malformed: { title: 'Unreadable file', hint: 'Certkeep reads PEM, DER, PKCS#7 (P7B) and PKCS#12 (PFX) files.' },
  Locked: {
    title: 'Vault locked',
    hint: 'This vault is protected: unlock it with your passphrase or passkey, then try again.',
  },
  StorageFull: {
    title: 'Storage full',
    hint: 'Nothing was saved. Free disk space, or purge deleted certificates and old versions, then try again. Making storage persistent (Settings) lets the browser keep more for Certkeep.',
  },
  StorageLost: {
    title: 'Vault storage deleted',
    hint: "The browser deleted this vault's data while it was open (site data cleared, or storage evicted). Reload the page, then restore your certificates from their backup files. Making storage persistent (Settings) stops the browser from evicting it.",
  },
  Cancelled: {
    title: 'Cancelled',
    hint: 'Nothing was stored by the cancelled step; what had finished before it stays. Start again when you are ready.',
  },
  Internal: {
    title: 'Certkeep fault',
    hint: 'This is a bug in Certkeep, not a problem with what you entered or with your file. Reload the page and try again; if it happens again, report the message above.',
  },
};

/** A BadParameter about no one input: the message itself says what to change. */
const UNPLACED_BAD_PARAMETER_HINT = 'Change what the message names and try again.';

/**
 * A VaultError, told apart by the vault module's own check. A VaultError exists only once that
 * module has loaded, so nothing here imports it (which would pull the vault into the first load).
 */
function asVaultError(e: unknown): VaultError | undefined {
  return loadedVaultModule()?.isVaultError(e) ? e : undefined;
}

/** Turns anything thrown into words for the screen. Unknown errors are logged, not shown. */
export function explainError(e: unknown): ErrorWords {
  const v = asVaultError(e);
  if (v) {
    const words = WORDS[v.code];
    const hint = v.code === 'BadParameter' && v.field === undefined ? UNPLACED_BAD_PARAMETER_HINT : words.hint;
    return { code: v.code, title: words.title, message: v.message, hint, field: v.field };
  }
  console.error('unexpected error', e);
  return {
    code: 'Unexpected',
    title: 'Something went wrong',
    message: 'Certkeep could not finish this action.',
    hint: 'Reload the page and try again. Nothing was changed if the action did not finish.',
  };
}

/** True when a save was refused because another tab saved first (reload, then edit again). */
export function isChanged(e: unknown): boolean {
  return asVaultError(e)?.code === 'Changed';
}

/** True when the error means "there is no such thing", e.g. no pending operation. */
export function isNotFound(e: unknown): boolean {
  return asVaultError(e)?.code === 'NotFound';
}
