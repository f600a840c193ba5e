import { useId, useState } from 'preact/hooks';
import type { CertificatePolicy } from '../state/vault-api';
import { policyToDraft, type PolicyDraft } from '../state/policy-draft';
import { loadVaultModule } from '../state/vault-client';
import { Dialog } from './dialog';
import { PolicyJsonProblems } from './policy-json-problems';

/** Key Vault fields the policy form has no control for: named after loading, so nobody expects them applied. */
function notInForm(policy: CertificatePolicy): string[] {
  return [
    policy.certificateType !== undefined ? `certificate type ${policy.certificateType}` : undefined,
    policy.certificateTransparency !== undefined
      ? `certificate transparency ${policy.certificateTransparency ? 'on' : 'off'}`
      : undefined,
  ].filter((x): x is string => x !== undefined);
}

/**
 * "Load from Key Vault JSON": a policy pasted or chosen as a file, in Key Vault's REST form or the
 * az CLI's (ARCHITECTURE §8), fills the policy form. Nothing is saved until the form is submitted;
 * a refused document keeps its text and lists every problem with its JSON path.
 */
export function KeyVaultJsonLoader({
  onDraft,
  disabled,
}: {
  onDraft: (draft: PolicyDraft) => void;
  disabled?: boolean;
}) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [error, setError] = useState<unknown>();
  const [loaded, setLoaded] = useState<string>();
  const close = () => {
    setOpen(false);
    setError(undefined);
  };
  const load = async (json: string) => {
    setError(undefined);
    try {
      const policy = (await loadVaultModule()).policyFromKeyVaultJson(json);
      onDraft(policyToDraft(policy));
      const skipped = notInForm(policy);
      setLoaded(
        `Filled the form from Key Vault JSON; nothing is saved yet.${skipped.length ? ` The form has no field for ${skipped.join(' or ')}; ${skipped.length === 1 ? 'it is' : 'they are'} not applied.` : ''}`,
      );
      setText('');
      close();
    } catch (e) {
      setError(e);
    }
  };
  const readFile = async (file: File) => {
    const content = await file.text();
    setText(content);
    await load(content);
  };
  const problemsId = `${id}-problems`;
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} disabled={disabled}>
        Load from Key Vault JSON
      </button>
      {loaded && (
        <p class="notice" role="status">
          {loaded}
        </p>
      )}
      <Dialog open={open} title="Load a policy from Key Vault JSON" onClose={close}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void load(text);
          }}
        >
          <p class="hint">
            The JSON of a Key Vault certificate policy: the body Key Vault returns for a policy (<code>key_props</code>,{' '}
            <code>x509_props</code>, …) or what <code>az keyvault certificate get-default-policy</code> prints (
            <code>keyProperties</code>, …). It fills the form; nothing is saved yet.
          </p>
          <div class="field">
            <label for={`${id}-file`}>Policy file</label>
            <input
              id={`${id}-file`}
              type="file"
              accept=".json,application/json"
              onChange={(e) => {
                const file = e.currentTarget.files?.[0];
                e.currentTarget.value = '';
                if (file) void readFile(file);
              }}
            />
          </div>
          <div class="field">
            <label for={`${id}-text`}>Policy JSON</label>
            <textarea
              id={`${id}-text`}
              class="mono"
              rows={12}
              spellcheck={false}
              value={text}
              aria-invalid={error ? 'true' : undefined}
              aria-describedby={error ? problemsId : undefined}
              onInput={(e) => setText(e.currentTarget.value)}
            />
          </div>
          <PolicyJsonProblems id={problemsId} error={error} />
          <div class="actions dialog-actions">
            <button type="button" onClick={close}>
              Cancel
            </button>
            <button type="submit" class="primary" disabled={!text.trim()}>
              Fill the form
            </button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
