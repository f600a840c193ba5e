import { useId } from 'preact/hooks';
import type { CertificatePolicy } from '../state/vault-api';
import type { PolicyDraft } from '../state/policy-draft';
import { KeyVaultJsonExport } from './key-vault-json-export';
import { KeyVaultJsonLoader } from './key-vault-json-loader';

/** A certificate's policy to and from Azure Key Vault's JSON (ARCHITECTURE §8), on its policy panel. */
export function PolicyJsonTools(props: {
  name: string;
  policy: CertificatePolicy;
  /** a loaded policy, as the form's draft for the next version */
  onDraft: (draft: PolicyDraft) => void;
}) {
  const id = useId();
  return (
    <section aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Key Vault JSON</h3>
      <p class="hint">
        Move this policy to or from Azure Key Vault: apply the export there with UpdateCertificatePolicy or{' '}
        <code>az keyvault certificate create --policy @file</code>.
      </p>
      <KeyVaultJsonExport name={props.name} policy={props.policy}>
        <KeyVaultJsonLoader onDraft={props.onDraft} />
      </KeyVaultJsonExport>
    </section>
  );
}
