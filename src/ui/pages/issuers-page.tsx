import { useState } from 'preact/hooks';
import { useAction } from '../state/use-action';
import { useVaultQuery } from '../state/use-vault-query';
import { collect, getVault, vaultChanged } from '../state/vault-client';
import { Dialog, ConfirmDialog } from '../components/dialog';
import { ErrorBanner } from '../components/error-banner';
import { explainError } from '../errors';
import { IssuerForm } from './issuer-form';
import { issuerDraft, issuerOptions, type IssuerDraft } from '../state/issuer-draft';

type Editing = { mode: 'create' } | { mode: 'edit'; name: string };

/** Certificate issuers of this vault (ARCHITECTURE §3): create, edit, delete. */
export function IssuersPage() {
  const q = useVaultQuery(async (v) => collect(v.listPropertiesOfIssuers()), []);
  const [editing, setEditing] = useState<Editing>();
  const [draft, setDraft] = useState<IssuerDraft>(issuerDraft());
  const { busy, error, setError, run: act } = useAction();
  const [deleting, setDeleting] = useState<string>();
  const run = (action: () => Promise<unknown>, after?: () => void) =>
    act(async () => {
      await action();
      after?.();
      vaultChanged();
    });
  const openEdit = (name: string) =>
    run(async () => {
      const issuer = await (await getVault()).getIssuer(name);
      setDraft(issuerDraft(issuer));
      setEditing({ mode: 'edit', name });
    });
  const save = (e: Event) => {
    e.preventDefault();
    if (!editing) return;
    void run(
      async () => {
        const vault = await getVault();
        if (editing.mode === 'create')
          await vault.createIssuer(draft.name.trim(), draft.provider, issuerOptions(draft, false));
        else await vault.updateIssuer(editing.name, { provider: draft.provider, ...issuerOptions(draft, true) });
      },
      () => setEditing(undefined),
    );
  };
  const words = error ? explainError(error) : undefined;
  return (
    <section aria-labelledby="issuers-title">
      <h1 id="issuers-title">Issuers</h1>
      <p class="hint">A named issuer records a CA account. Certificates created for it get a CSR to send to that CA.</p>
      <p>
        <button
          type="button"
          class="primary"
          onClick={() => {
            setDraft(issuerDraft());
            setError(undefined);
            setEditing({ mode: 'create' });
          }}
        >
          Add an issuer
        </button>
      </p>
      {!editing && <ErrorBanner error={error ?? q.error} onDismiss={() => setError(undefined)} />}
      {q.data && q.data.length === 0 && <p class="empty-state">No issuers yet.</p>}
      {q.data && q.data.length > 0 && (
        <ul class="card-list">
          {q.data.map((i) => (
            <li key={i.name} class="card">
              <div>
                <strong>{i.name}</strong>
                <span class="hint"> · {i.provider}</span>
              </div>
              <div class="actions">
                <button type="button" onClick={() => void openEdit(i.name)} aria-label={`Edit ${i.name}`}>
                  Edit
                </button>
                <button
                  type="button"
                  class="danger"
                  onClick={() => setDeleting(i.name)}
                  aria-label={`Delete ${i.name}`}
                >
                  Delete
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <Dialog
        open={!!editing}
        title={editing?.mode === 'edit' ? `Edit ${editing.name}` : 'Add an issuer'}
        onClose={() => setEditing(undefined)}
        busy={busy}
      >
        <form onSubmit={save} noValidate>
          <IssuerForm
            draft={draft}
            onChange={setDraft}
            editing={editing?.mode === 'edit'}
            disabled={busy}
            nameError={words?.field === 'name' ? words.message : undefined}
          />
          {words?.field !== 'name' && <ErrorBanner error={error} />}
          <div class="actions dialog-actions">
            <button type="button" onClick={() => setEditing(undefined)}>
              Cancel
            </button>
            <button type="submit" class="primary" disabled={busy}>
              Save
            </button>
          </div>
        </form>
      </Dialog>
      <ConfirmDialog
        open={!!deleting}
        title={`Delete the issuer ${deleting ?? ''}?`}
        message={
          <p>Certificates whose policy names this issuer keep their versions; new requests need another issuer.</p>
        }
        confirmLabel="Delete"
        danger
        busy={busy}
        onCancel={() => setDeleting(undefined)}
        onConfirm={() => {
          const name = deleting;
          if (name) void run(async () => (await getVault()).deleteIssuer(name)).finally(() => setDeleting(undefined));
        }}
      />
    </section>
  );
}
