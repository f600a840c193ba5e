import { useState } from 'preact/hooks';
import { Dialog } from '../components/dialog';
import { ErrorBanner, FieldError } from '../components/error-banner';
import { useAction } from '../state/use-action';
import { useStore } from '../state/use-store';
import { useVaultModule } from '../state/use-vault-module';
import { getVault, vaultChanged, vaultStore } from '../state/vault-client';
import { CredentialFields, credentialOptions, credentialProblem, newCredentialDraft } from './credential-fields';
import { refreshAccess } from './lock-control';

/** Fallback until the vault module has loaded; the vault applies its own minimum anyway. */
const MIN_LENGTH_FALLBACK = 8;

/** Turns protection on: the first principal, an owner, with a passphrase or a passkey. */
export function ProtectDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const vaultName = useStore(vaultStore, (s) => s.name);
  const m = useVaultModule();
  const minLength = m?.MIN_PASSPHRASE_LENGTH ?? MIN_LENGTH_FALLBACK;
  const [principal, setPrincipal] = useState('');
  const [draft, setDraft] = useState(newCredentialDraft());
  const [touched, setTouched] = useState(false);
  const { busy, error, setError, run } = useAction();
  const nameProblem = touched || principal ? m?.principalNameProblem(principal) : undefined;
  const close = () => {
    setDraft(newCredentialDraft());
    setTouched(false);
    setError(undefined);
    onClose();
  };
  return (
    <Dialog open={open} title={`Protect vault “${vaultName}”`} onClose={close} busy={busy}>
      <form
        class="dialog-body"
        onSubmit={(e) => {
          e.preventDefault();
          setTouched(true);
          if (m?.principalNameProblem(principal) || credentialProblem(draft, minLength)) return;
          void run(async () => {
            const credential = await credentialOptions(draft, principal.trim(), vaultName);
            const vault = await getVault();
            if (credential) await vault.protect({ principal: principal.trim(), ...credential });
            await refreshAccess();
            vaultChanged();
            close();
          });
        }}
      >
        <p>
          Every exportable key is sealed under a new master key; you become the vault's first owner and stay unlocked.
          Without your passphrase or passkey nobody opens the vault again, so keep a backup of it.
        </p>
        <ErrorBanner error={error} onDismiss={() => setError(undefined)} />
        <div class="field">
          <label for="protect-principal">Your principal name</label>
          <input
            id="protect-principal"
            type="text"
            autocomplete="username"
            value={principal}
            aria-invalid={nameProblem ? 'true' : undefined}
            aria-describedby={nameProblem ? 'protect-principal-problem' : undefined}
            onInput={(e) => setPrincipal(e.currentTarget.value)}
          />
          <FieldError id="protect-principal-problem" message={nameProblem} />
        </div>
        <CredentialFields
          idPrefix="protect"
          draft={draft}
          onChange={setDraft}
          minLength={minLength}
          touched={touched}
        />
        <div class="actions dialog-actions">
          <button type="button" onClick={close} disabled={busy}>
            Cancel
          </button>
          <button type="submit" class="primary" disabled={busy}>
            {busy ? 'Protecting…' : 'Protect the vault'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
