import type { PasskeyInfo } from '../state/vault-api';
import { FieldError } from '../components/error-banner';
import { enrolPasskey } from './passkey';
import { passphraseStrength } from './passphrase-strength';

/**
 * How a principal will unlock: a new passphrase (typed twice, with a strength hint) or a new
 * passkey, made when the form is sent. `keep` (editing a principal) leaves its methods as they are.
 */
export interface CredentialDraft {
  method: 'passphrase' | 'passkey' | 'keep';
  passphrase: string;
  confirm: string;
}

export const newCredentialDraft = (method: CredentialDraft['method'] = 'passphrase'): CredentialDraft => ({
  method,
  passphrase: '',
  confirm: '',
});

/** What stops the draft from being sent, or undefined. */
export function credentialProblem(draft: CredentialDraft, minLength: number): string | undefined {
  if (draft.method !== 'passphrase') return undefined;
  if (draft.passphrase.normalize('NFC').length < minLength)
    return `The passphrase needs at least ${minLength} characters.`;
  if (draft.passphrase !== draft.confirm) return 'The two passphrases differ.';
  return undefined;
}

/** The credential part of protect() / setAccessPolicy() (undefined: keep); a passkey is made here (the browser asks). */
export async function credentialOptions(
  draft: CredentialDraft,
  principal: string,
  vaultName: string,
): Promise<{ passphrase: string } | { prf: Uint8Array; passkey: PasskeyInfo } | undefined> {
  if (draft.method === 'passphrase') return { passphrase: draft.passphrase };
  if (draft.method === 'passkey') return enrolPasskey(principal, vaultName);
  return undefined;
}

export function CredentialFields(props: {
  idPrefix: string;
  draft: CredentialDraft;
  onChange: (d: CredentialDraft) => void;
  minLength: number;
  /** offer "keep the current methods" (editing a principal) */
  canKeep?: boolean;
  /** show problems (after a try to send) */
  touched: boolean;
}) {
  const { draft, idPrefix } = props;
  const set = (patch: Partial<CredentialDraft>) => props.onChange({ ...draft, ...patch });
  const strength = passphraseStrength(draft.passphrase, props.minLength);
  const problem = props.touched ? credentialProblem(draft, props.minLength) : undefined;
  const methods: { value: CredentialDraft['method']; label: string }[] = [
    ...(props.canKeep ? [{ value: 'keep' as const, label: 'Keep the current unlock methods' }] : []),
    { value: 'passphrase', label: props.canKeep ? 'Set a new passphrase' : 'Passphrase' },
    { value: 'passkey', label: props.canKeep ? 'Add a passkey' : 'Passkey (this device or a security key)' },
  ];
  return (
    <fieldset>
      <legend>Unlock with</legend>
      {methods.map((m) => (
        <div class="check" key={m.value}>
          <input
            type="radio"
            id={`${idPrefix}-method-${m.value}`}
            name={`${idPrefix}-method`}
            checked={draft.method === m.value}
            onChange={() => set({ method: m.value })}
          />
          <label for={`${idPrefix}-method-${m.value}`}>{m.label}</label>
        </div>
      ))}
      {draft.method === 'passphrase' && (
        <>
          <div class="field">
            <label for={`${idPrefix}-passphrase`}>New passphrase</label>
            <input
              id={`${idPrefix}-passphrase`}
              type="password"
              autocomplete="new-password"
              value={draft.passphrase}
              aria-describedby={`${idPrefix}-strength`}
              onInput={(e) => set({ passphrase: e.currentTarget.value })}
            />
            <p id={`${idPrefix}-strength`} class={`hint strength st-${strength.strength}`} aria-live="polite">
              {draft.passphrase ? strength.words : `At least ${props.minLength} characters; several words are best.`}
            </p>
          </div>
          <div class="field">
            <label for={`${idPrefix}-confirm`}>Passphrase again</label>
            <input
              id={`${idPrefix}-confirm`}
              type="password"
              autocomplete="new-password"
              value={draft.confirm}
              aria-invalid={problem ? 'true' : undefined}
              aria-describedby={problem ? `${idPrefix}-problem` : undefined}
              onInput={(e) => set({ confirm: e.currentTarget.value })}
            />
            <FieldError id={`${idPrefix}-problem`} message={problem} />
          </div>
        </>
      )}
      {draft.method === 'passkey' && (
        <p class="hint">
          The browser asks for a new passkey when you continue. It must support the PRF extension; if it does not,
          nothing changes and Certkeep says so.
        </p>
      )}
    </fieldset>
  );
}
