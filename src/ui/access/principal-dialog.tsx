import { useState } from 'preact/hooks';
import type { AccessPolicy, Permissions } from '../state/vault-api';
import { Dialog } from '../components/dialog';
import { ErrorBanner, FieldError } from '../components/error-banner';
import { useAction } from '../state/use-action';
import { useStore } from '../state/use-store';
import { useVaultModule } from '../state/use-vault-module';
import { getVault, vaultChanged, vaultStore } from '../state/vault-client';
import { CredentialFields, credentialOptions, credentialProblem, newCredentialDraft } from './credential-fields';
import { refreshAccess } from './lock-control';
import { PermissionMatrix } from './permission-matrix';
import { emptyPermissions } from './permission-groups';

const MIN_LENGTH_FALLBACK = 8;

/**
 * Adds a principal (`editing` undefined) or changes one: owner or not, its permissions, and
 * optionally a new passphrase or an added passkey. Owners only; the vault refuses others anyway.
 */
export function PrincipalDialog(props: { open: boolean; editing?: AccessPolicy; onClose: () => void }) {
  const vaultName = useStore(vaultStore, (s) => s.name);
  const m = useVaultModule();
  const minLength = m?.MIN_PASSPHRASE_LENGTH ?? MIN_LENGTH_FALLBACK;
  const editing = props.editing;
  const [principal, setPrincipal] = useState(editing?.principal ?? '');
  const [owner, setOwner] = useState(editing?.owner ?? false);
  const [permissions, setPermissions] = useState<Permissions>(editing?.permissions ?? emptyPermissions());
  const [draft, setDraft] = useState(newCredentialDraft(editing ? 'keep' : 'passphrase'));
  const [touched, setTouched] = useState(false);
  const { busy, error, setError, run } = useAction();
  const nameProblem = !editing && (touched || principal) ? m?.principalNameProblem(principal) : undefined;
  // The owner checkbox stands for the owner's template (every permission and more).
  const templates = m ? withoutKey(m.PERMISSION_TEMPLATES, m.OWNER_TEMPLATE) : {};
  const shown = owner && m ? m.allPermissions() : permissions;
  const title = editing ? `Edit “${editing.principal}”` : 'Add a principal';
  return (
    <Dialog open={props.open} title={title} onClose={props.onClose} busy={busy}>
      <form
        class="dialog-body"
        onSubmit={(e) => {
          e.preventDefault();
          setTouched(true);
          if ((!editing && m?.principalNameProblem(principal)) || credentialProblem(draft, minLength)) return;
          const name = editing?.principal ?? principal.trim();
          void run(async () => {
            const credential = await credentialOptions(draft, name, vaultName);
            await (await getVault()).setAccessPolicy(name, { ...(credential ?? {}), permissions, owner });
            await refreshAccess();
            vaultChanged();
            props.onClose();
          });
        }}
      >
        <ErrorBanner error={error} onDismiss={() => setError(undefined)} />
        {!editing && (
          <div class="field">
            <label for="principal-name">Principal name</label>
            <input
              id="principal-name"
              type="text"
              autocomplete="off"
              value={principal}
              aria-invalid={nameProblem ? 'true' : undefined}
              aria-describedby={nameProblem ? 'principal-name-problem' : undefined}
              onInput={(e) => setPrincipal(e.currentTarget.value)}
            />
            <FieldError id="principal-name-problem" message={nameProblem} />
          </div>
        )}
        <div class="check">
          <input
            id="principal-owner"
            type="checkbox"
            checked={owner}
            onChange={(e) => setOwner(e.currentTarget.checked)}
          />
          <label for="principal-owner">Owner: every permission, and may change who has access</label>
        </div>
        <PermissionMatrix
          idPrefix="principal"
          value={shown}
          onChange={setPermissions}
          templates={templates}
          disabled={owner}
        />
        <CredentialFields
          idPrefix="principal"
          draft={draft}
          onChange={setDraft}
          minLength={minLength}
          canKeep={!!editing}
          touched={touched}
        />
        <div class="actions dialog-actions">
          <button type="button" onClick={props.onClose} disabled={busy}>
            Cancel
          </button>
          <button type="submit" class="primary" disabled={busy}>
            {editing ? 'Save' : 'Add principal'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function withoutKey<T>(record: Readonly<Record<string, T>>, key: string): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([k]) => k !== key));
}
