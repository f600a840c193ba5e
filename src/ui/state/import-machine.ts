import type { ImportInspection } from './vault-api';
import type { PickedFile } from '../components/file-source';
import type { TagRow } from '../components/tags-editor';
import { commonName } from './cert-status';
import { derivedPolicy, nameFromCn } from './import-naming';
import { policyToDraft, type PolicyDraft } from './policy-draft';

/** What the user fills in once the file is read: the name, the policy, tags, enabled. */
export interface ImportForm {
  name: string;
  /** The policy derived from the leaf; undefined when the file holds no certificate. */
  draft?: PolicyDraft;
  /** The user changed the derived policy, so Import sends it instead of letting the vault derive it. */
  policyEdited: boolean;
  tags: TagRow[];
  enabled: boolean;
}

/**
 * The Import page as a state machine: a file is read first, a password is asked only when the
 * file needs one, nothing is stored until Import is pressed. Every state that came from a file
 * keeps it, so a wrong password or a refused name never makes the user choose it again.
 */
export type ImportState =
  | { step: 'empty' }
  /** Reading the file; `attempt` is the password being tried (the password form stays up meanwhile). */
  | { step: 'reading'; file: PickedFile; attempt?: string; asked?: ImportInspection; passwordInput: string }
  | { step: 'needs-password'; file: PickedFile; asked: ImportInspection; wrongPassword: boolean; passwordInput: string }
  /** The file could not be read (damaged, not a certificate format). */
  | { step: 'failed'; file: PickedFile; error: unknown }
  /** Read and shown; `error` is why the last Import failed (a name conflict, a policy the vault refused). */
  | {
      step: 'inspected';
      file: PickedFile;
      inspection: ImportInspection;
      password?: string;
      form: ImportForm;
      error?: unknown;
    }
  | { step: 'importing'; file: PickedFile; inspection: ImportInspection; password?: string; form: ImportForm }
  | { step: 'done'; name: string };

export type ImportEvent =
  | { type: 'choose'; file: PickedFile }
  | { type: 'password-input'; value: string }
  | { type: 'submit-password' }
  /** A read finished; `file` says which, so a late answer for a file since replaced is dropped. */
  | { type: 'read'; file: PickedFile; inspection: ImportInspection }
  | { type: 'read-failed'; file: PickedFile; error: unknown }
  | { type: 'edit'; patch: Partial<ImportForm> }
  | { type: 'import' }
  | { type: 'imported' }
  | { type: 'import-failed'; error: unknown }
  | { type: 'dismiss' };

export const EMPTY: ImportState = { step: 'empty' };

/** The form for a freshly read file: the name from the leaf's CN (else the file name), the derived policy. */
function formFor(file: PickedFile, inspection: ImportInspection): ImportForm {
  const leaf = inspection.certificates.at(0);
  return {
    name: leaf ? nameFromCn(commonName(leaf.subject) || file.name.replace(/\.[^.]*$/, '')) : '',
    draft: leaf ? policyToDraft(derivedPolicy(leaf)) : undefined,
    policyEdited: false,
    tags: [],
    enabled: true,
  };
}

/** Every transition of the Import page; events that make no sense in a state leave it unchanged. */
export function importReducer(state: ImportState, event: ImportEvent): ImportState {
  switch (event.type) {
    case 'choose':
      return state.step === 'importing' ? state : { step: 'reading', file: event.file, passwordInput: '' };
    case 'password-input':
      return state.step === 'needs-password' || state.step === 'reading'
        ? { ...state, passwordInput: event.value }
        : state;
    case 'submit-password':
      return state.step === 'needs-password'
        ? {
            step: 'reading',
            file: state.file,
            attempt: state.passwordInput,
            asked: state.asked,
            passwordInput: state.passwordInput,
          }
        : state;
    case 'read': {
      if (state.step !== 'reading' || state.file !== event.file) return state;
      const { file, attempt } = state;
      if (event.inspection.needsPassword)
        return {
          step: 'needs-password',
          file,
          asked: event.inspection,
          wrongPassword: attempt !== undefined,
          passwordInput: state.passwordInput,
        };
      return {
        step: 'inspected',
        file,
        inspection: event.inspection,
        password: attempt,
        form: formFor(file, event.inspection),
      };
    }
    case 'read-failed':
      return state.step === 'reading' && state.file === event.file
        ? { step: 'failed', file: state.file, error: event.error }
        : state;
    case 'edit':
      return state.step === 'inspected' ? { ...state, form: { ...state.form, ...event.patch } } : state;
    case 'import':
      if (state.step !== 'inspected' || !state.inspection.keyPresent || !state.form.draft) return state;
      return {
        step: 'importing',
        file: state.file,
        inspection: state.inspection,
        password: state.password,
        form: state.form,
      };
    case 'imported':
      return state.step === 'importing' ? { step: 'done', name: state.form.name } : state;
    case 'import-failed':
      return state.step === 'importing' ? { ...state, step: 'inspected', error: event.error } : state;
    case 'dismiss':
      if (state.step === 'inspected') return { ...state, error: undefined };
      if (state.step === 'failed') return EMPTY;
      return state;
  }
}

/** Reading or importing: controls are disabled and the page is aria-busy. */
export function isBusy(state: ImportState): boolean {
  return state.step === 'reading' || state.step === 'importing';
}

/** The file the page is working on, if any (shown by name, so the user sees what was read). */
export function fileOf(state: ImportState): PickedFile | undefined {
  return 'file' in state ? state.file : undefined;
}

/** The inspection shown: the read file's, or the one that asked for a password. */
export function inspectionOf(state: ImportState): ImportInspection | undefined {
  if (state.step === 'inspected' || state.step === 'importing') return state.inspection;
  if (state.step === 'needs-password' || state.step === 'reading') return state.asked;
  return undefined;
}
