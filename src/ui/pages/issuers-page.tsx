import { useState } from 'preact/hooks';
import { useAction } from '../state/use-action';
import { useVaultQuery } from '../state/use-vault-query';
import { collect, getVault, vaultChanged } from '../state/vault-client';
import { Dialog, ConfirmDialog } from '../components/dialog';
import { ErrorBanner } from '../components/error-banner';
import { explainError } from '../errors';
import { IssuerForm } from './issuer-form';
import { TrustAnchorsPanel } from './trust-anchors-panel';
import { issuerDraft, issuerOptions, LOCAL_PROVIDER, type IssuerDraft } from '../state/issuer-draft';
import { useCaCandidates } from '../state/use-ca-certificates';
import { hrefFor } from '../state/router';
import type { CertificateVault } from '../state/vault-api';

/** Every issuer, with the CA certificate of the Local ones. */
async function listIssuers(v: CertificateVault) {
  const all = await collect(v.listPropertiesOfIssuers());
  return Promise.all(
    all.map(async (i) => ({
      ...i,
      certificateName: i.provider === LOCAL_PROVIDER ? (await v.getIssuer(i.name)).certificateName : undefined,
    })),
  );
}

type Editing = { mode: 'create' } | { mode: 'edit'; name: string };

/** Certificate issuers of this vault (ARCHITECTURE §3, §8 "Local CA"): create, edit, delete; and the trust anchors. */
export function IssuersPage() {
  const q = useVaultQuery(listIssuers, []);
  const caCandidates = useCaCandidates();
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
      <p class="hint">
        A named issuer records a CA account: certificates created for it get a CSR to send to that CA. A Local CA issuer
        is a CA certificate in this vault: it signs at once, offline, and its certificates renew automatically.
      </p>
      <p class="actions">
        <button
          type="button"
          class="primary"
          onClick={() => {
            setDraft({ ...issuerDraft(), provider: LOCAL_PROVIDER, admins: [] });
            setError(undefined);
            setEditing({ mode: 'create' });
          }}
        >
          Add a Local CA
        </button>
        <button
          type="button"
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
                {i.provider === LOCAL_PROVIDER ? (
                  <span class="hint">
                    {' '}
                    · Local CA, signs with{' '}
                    {i.certificateName ? (
                      <a href={hrefFor('certificate', i.certificateName)}>{i.certificateName}</a>
                    ) : (
                      'no certificate'
                    )}
                  </span>
                ) : (
                  <span class="hint"> · {i.provider}</span>
                )}
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
      <TrustAnchorsPanel />
      <Dialog
        open={!!editing}
        title={
          editing?.mode === 'edit'
            ? `Edit ${editing.name}`
            : draft.provider === LOCAL_PROVIDER
              ? 'Add a Local CA issuer'
              : 'Add an issuer'
        }
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
            caCandidates={caCandidates}
            caError={words?.field === 'certificateName' ? words.message : undefined}
          />
          {words?.field !== 'name' && words?.field !== 'certificateName' && <ErrorBanner error={error} />}
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
