import type { ComponentChildren } from 'preact';
import { useId, useState } from 'preact/hooks';
import type { CertificatePolicy } from '../state/vault-api';
import { loadVaultModule } from '../state/vault-client';
import { downloadBytes, fileNameFor } from './download';
import { PolicyJsonProblems } from './policy-json-problems';

type Form = 'rest' | 'cli';

/**
 * "Export as Key Vault JSON": the policy in Key Vault's REST form (an UpdateCertificatePolicy
 * body) or the az CLI's (for `az keyvault certificate create --policy @file`), as a download or
 * on the clipboard (ARCHITECTURE §8). A policy Key Vault cannot carry (IP or URI alternative
 * names) is refused with every such field named.
 */
export function KeyVaultJsonExport({
  name,
  policy,
  children,
}: {
  name: string;
  policy: CertificatePolicy;
  /** more controls for the same row (the loader) */
  children?: ComponentChildren;
}) {
  const id = useId();
  const [form, setForm] = useState<Form>('rest');
  const [status, setStatus] = useState('');
  const [error, setError] = useState<unknown>();
  const text = async (): Promise<string | undefined> => {
    setError(undefined);
    setStatus('');
    try {
      const json = (await loadVaultModule()).policyToKeyVaultJson(policy, { form });
      return JSON.stringify(json, null, 2) + '\n';
    } catch (e) {
      setError(e);
      return undefined;
    }
  };
  const download = async () => {
    const json = await text();
    if (json === undefined) return;
    const file = fileNameFor(`${name}-policy${form === 'cli' ? '-az' : ''}`, 'json');
    downloadBytes(file, json, 'application/json');
    setStatus(`Saved ${file}.`);
  };
  const copy = async () => {
    const json = await text();
    if (json === undefined) return;
    try {
      await navigator.clipboard.writeText(json);
      setStatus('Copied the Key Vault JSON to the clipboard.');
    } catch {
      setStatus('The browser did not allow copying to the clipboard: use Export instead.');
    }
  };
  return (
    <>
      <div class="actions">
        <label>
          Format{' '}
          <select value={form} onChange={(e) => setForm(e.currentTarget.value as Form)}>
            <option value="rest">REST API (key_props, …)</option>
            <option value="cli">az CLI (keyProperties, …)</option>
          </select>
        </label>
        <button type="button" onClick={() => void download()}>
          Export as Key Vault JSON
        </button>
        <button type="button" onClick={() => void copy()}>
          Copy Key Vault JSON
        </button>
        {children}
      </div>
      <p role="status" class="hint">
        {status}
      </p>
      <PolicyJsonProblems id={`${id}-problems`} error={error} />
    </>
  );
}
