import { useEffect, useState } from 'preact/hooks';
import { useStore } from '../state/use-store';
import { vaultNameProblem } from '../../vault/light-entry';
import { refreshVaultNames, switchVault, vaultStore } from '../state/vault-client';
import { Dialog } from './dialog';
import { ErrorBanner, FieldError } from './error-banner';
import { navigate } from '../state/router';

/**
 * The header's vault name is a switcher: each vault is its own IndexedDB database, so
 * switching re-reads every screen; "New vault…" creates one on first open.
 */
export function VaultSwitcher() {
  const name = useStore(vaultStore, (s) => s.name);
  const names = useStore(vaultStore, (s) => s.names);
  const [creating, setCreating] = useState(false);
  const [newName, setNewName] = useState('');
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    refreshVaultNames().catch(() => undefined);
  }, []);
  const options = names.includes(name) ? names : [name, ...names];
  const change = async (target: string) => {
    setError(undefined);
    try {
      await switchVault(target);
      navigate('certificates');
    } catch (e) {
      setError(e);
    }
  };
  // The vault's own name rule (openVault applies it too).
  const invalid = newName ? vaultNameProblem(newName) : undefined;
  return (
    <div class="vault-switcher">
      <label for="vault-select">Vault</label>
      <select
        id="vault-select"
        value={name}
        onChange={(e) => {
          const v = e.currentTarget.value;
          if (v === '__new') {
            e.currentTarget.value = name;
            setNewName('');
            setCreating(true);
          } else void change(v);
        }}
      >
        {options.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
        <option value="__new">New vault…</option>
      </select>
      {error !== undefined && !creating && <ErrorBanner error={error} onDismiss={() => setError(undefined)} />}
      <Dialog open={creating} title="New vault" onClose={() => setCreating(false)}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            // Never switch to a name openVault would refuse (the switch is remembered).
            if (!newName || vaultNameProblem(newName)) return;
            void change(newName).then(() => setCreating(false));
          }}
        >
          <p class="hint">A separate set of certificates, issuers and contacts, like another Key Vault.</p>
          <div class="field">
            <label for="new-vault-name">Vault name</label>
            <input
              id="new-vault-name"
              type="text"
              value={newName}
              autocomplete="off"
              aria-invalid={invalid ? 'true' : undefined}
              aria-describedby={invalid ? 'new-vault-error' : undefined}
              onInput={(e) => setNewName(e.currentTarget.value)}
            />
            <FieldError id="new-vault-error" message={invalid} />
          </div>
          <ErrorBanner error={error} />
          <div class="actions dialog-actions">
            <button type="button" onClick={() => setCreating(false)}>
              Cancel
            </button>
            <button type="submit" class="primary" disabled={!newName || !!invalid}>
              Create and open
            </button>
          </div>
        </form>
      </Dialog>
    </div>
  );
}
