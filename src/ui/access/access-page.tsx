import { useState } from 'preact/hooks';
import type { AccessPolicy, AccessState } from '../state/vault-api';
import { ConfirmDialog } from '../components/dialog';
import { ErrorBanner } from '../components/error-banner';
import { useAction } from '../state/use-action';
import { useStore } from '../state/use-store';
import { useVaultModule } from '../state/use-vault-module';
import { useVaultQuery } from '../state/use-vault-query';
import { getVault, vaultChanged } from '../state/vault-client';
import { AuditLogPanel } from './audit-log-panel';
import { KeyProtectionNote } from './key-protection-note';
import { accessStore, refreshAccess } from './lock-control';
import { PermissionMatrix } from './permission-matrix';
import { matchingTemplate, permissionCount } from './permission-groups';
import { PrincipalDialog } from './principal-dialog';
import { ProtectDialog } from './protect-dialog';
import { UnprotectDialog } from './unprotect-dialog';

/**
 * Who may do what in this vault (ARCHITECTURE §8 "Access"): protect it, its principals with their
 * unlock methods and Key Vault permissions, the audit log, and what protects the keys at rest.
 */
export function AccessPage() {
  const state = useStore(accessStore, (s) => s.state);
  const readError = useStore(accessStore, (s) => s.error);
  const [protecting, setProtecting] = useState(false);
  return (
    <section aria-labelledby="access-title">
      <h1 id="access-title">Access</h1>
      <ErrorBanner error={readError} />
      {state && !state.protected && (
        <section class="panel" aria-labelledby="protect-title">
          <h2 id="protect-title">Not protected</h2>
          <p>
            Anyone who opens this browser profile can use every key in this vault. Protect it to seal the keys and let
            only named principals in, each with the permissions you give.
          </p>
          <button type="button" class="primary" onClick={() => setProtecting(true)}>
            Protect this vault…
          </button>
          <ProtectDialog open={protecting} onClose={() => setProtecting(false)} />
        </section>
      )}
      {state?.protected && state.unlocked && <ProtectedAccess state={state} />}
      <KeyProtectionNote isProtected={state?.protected === true} />
    </section>
  );
}

function ProtectedAccess({ state }: { state: AccessState }) {
  const m = useVaultModule();
  return (
    <>
      <p data-testid="access-summary">
        Protected. Unlocked as <strong>{state.principal}</strong>
        {state.owner ? ' (owner).' : '.'}
      </p>
      {state.owner ? (
        <>
          <PrincipalsPanel />
          <AuditLogPanel />
          <TurnOffPanel state={state} />
        </>
      ) : (
        <section class="panel" aria-labelledby="mine-title">
          <h2 id="mine-title">Your permissions</h2>
          <p class="hint">Only owners change who may do what.</p>
          {state.permissions && (
            <PermissionMatrix
              idPrefix="mine"
              value={state.permissions}
              onChange={() => undefined}
              templates={m?.PERMISSION_TEMPLATES ?? {}}
              disabled
            />
          )}
        </section>
      )}
    </>
  );
}

function PrincipalsPanel() {
  const m = useVaultModule();
  const q = useVaultQuery((v) => v.listAccessPolicies(), []);
  const [editing, setEditing] = useState<AccessPolicy | 'new'>();
  const [removing, setRemoving] = useState<AccessPolicy>();
  const { busy, error, setError, done, run } = useAction();
  return (
    <section class="panel" aria-labelledby="principals-title">
      <h2 id="principals-title">Principals</h2>
      <ErrorBanner error={error ?? q.error} onDismiss={() => setError(undefined)} />
      <p role="status">{done}</p>
      {q.data && (
        <div class="table-scroll" tabIndex={0} role="region" aria-label="Principals table">
          <table data-testid="principals">
            <thead>
              <tr>
                <th scope="col">Principal</th>
                <th scope="col">Unlocks with</th>
                <th scope="col">Permissions</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {q.data.map((p) => (
                <tr key={p.principal}>
                  <th scope="row">{p.principal}</th>
                  <td>{p.methods.join(', ')}</td>
                  <td>
                    {p.owner
                      ? 'Owner: every permission'
                      : `${(m && matchingTemplate(p.permissions, m.PERMISSION_TEMPLATES)) ?? 'Custom'} (${permissionCount(p.permissions)})`}
                  </td>
                  <td class="actions">
                    <button type="button" aria-label={`Edit ${p.principal}`} onClick={() => setEditing(p)}>
                      Edit
                    </button>
                    <button
                      type="button"
                      class="danger"
                      aria-label={`Remove ${p.principal}`}
                      disabled={busy}
                      onClick={() => setRemoving(p)}
                    >
                      Remove
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <button type="button" class="primary" onClick={() => setEditing('new')}>
        Add a principal
      </button>
      {editing && (
        <PrincipalDialog open editing={editing === 'new' ? undefined : editing} onClose={() => setEditing(undefined)} />
      )}
      <ConfirmDialog
        open={!!removing}
        title={`Remove ${removing?.principal ?? ''}?`}
        message={<p>Their passphrase and passkey no longer open this vault. The audit log keeps what they did.</p>}
        confirmLabel="Remove"
        danger
        busy={busy}
        onCancel={() => setRemoving(undefined)}
        onConfirm={() => {
          const name = removing?.principal ?? '';
          setRemoving(undefined);
          void run(async () => {
            await (await getVault()).deleteAccessPolicy(name);
            await refreshAccess();
            vaultChanged();
          }, `${name} removed.`);
        }}
      />
    </section>
  );
}

function TurnOffPanel({ state }: { state: AccessState }) {
  const [open, setOpen] = useState(false);
  return (
    <section class="panel" aria-labelledby="turn-off-title">
      <h2 id="turn-off-title">Turn protection off</h2>
      <p class="hint">Unseals every key and removes every principal. Owners only; confirmed with your credential.</p>
      <button type="button" class="danger" onClick={() => setOpen(true)}>
        Turn protection off…
      </button>
      <UnprotectDialog open={open} state={state} onClose={() => setOpen(false)} />
    </section>
  );
}
