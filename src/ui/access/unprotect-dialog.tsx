import { useState } from 'preact/hooks';
import type { AccessState } from '../state/vault-api';
import { Dialog } from '../components/dialog';
import { ErrorBanner } from '../components/error-banner';
import { useAction } from '../state/use-action';
import { getVault, vaultChanged } from '../state/vault-client';
import { refreshAccess } from './lock-control';
import { passkeyPrf } from './passkey';

/**
 * Turns protection off (owners): keys are unsealed into the unprotected form and every
 * principal is removed. Confirmed with the current principal's own passphrase or passkey.
 */
export function UnprotectDialog({ open, state, onClose }: { open: boolean; state: AccessState; onClose: () => void }) {
  const me = state.principals?.find((p) => p.principal === state.principal);
  const [passphrase, setPassphrase] = useState('');
  const { busy, error, setError, run } = useAction();
  const close = () => {
    setPassphrase('');
    setError(undefined);
    onClose();
  };
  const finish = async (confirm: { passphrase: string } | { prf: Uint8Array }) => {
    await (await getVault()).unprotect(confirm);
    await refreshAccess();
    vaultChanged();
    close();
  };
  return (
    <Dialog open={open} title="Turn protection off?" onClose={close} busy={busy}>
      <form
        class="dialog-body"
        onSubmit={(e) => {
          e.preventDefault();
          void run(() => finish({ passphrase })).finally(() => setPassphrase(''));
        }}
      >
        <p>
          Every key is unsealed and stored as in an unprotected vault: whoever opens this browser profile can use and
          export them again. Every principal and its passphrases and passkeys are removed; the audit log stays.
        </p>
        <ErrorBanner error={error} onDismiss={() => setError(undefined)} />
        {me?.methods.includes('passphrase') && (
          <div class="field">
            <label for="unprotect-passphrase">Your passphrase, to confirm</label>
            <input
              id="unprotect-passphrase"
              type="password"
              autocomplete="current-password"
              value={passphrase}
              onInput={(e) => setPassphrase(e.currentTarget.value)}
            />
          </div>
        )}
        <div class="actions dialog-actions">
          <button type="button" onClick={close} disabled={busy}>
            Cancel
          </button>
          {me?.passkey && (
            <button
              type="button"
              class="danger"
              disabled={busy}
              onClick={() => {
                const passkey = me.passkey;
                if (passkey) void run(async () => finish({ prf: await passkeyPrf(passkey) }));
              }}
            >
              Confirm with passkey and turn off
            </button>
          )}
          {me?.methods.includes('passphrase') && (
            <button type="submit" class="danger" disabled={busy || !passphrase}>
              Turn protection off
            </button>
          )}
        </div>
      </form>
    </Dialog>
  );
}
