import { useEffect, useState } from 'preact/hooks';
import type { CertificateContact } from '../state/vault-api';
import { useAction } from '../state/use-action';
import { useVaultQuery } from '../state/use-vault-query';
import { getVault, vaultChanged } from '../state/vault-client';
import { ErrorBanner } from '../components/error-banner';
import { ConfirmDialog } from '../components/dialog';
import { isChanged, isNotFound } from '../errors';

type Row = { email: string; name: string; phone: string };

const toRow = (c: CertificateContact): Row => ({ email: c.email ?? '', name: c.name ?? '', phone: c.phone ?? '' });
const fromRow = (r: Row): CertificateContact => ({
  email: r.email.trim() || undefined,
  name: r.name.trim() || undefined,
  phone: r.phone.trim() || undefined,
});

/** The vault-wide contacts EmailContacts lifetime actions notify. */
export function ContactsPage() {
  const q = useVaultQuery(
    (v) =>
      v.getContacts().catch((e: unknown) => {
        if (isNotFound(e)) return [];
        throw e;
      }),
    [],
  );
  const [rows, setRowsState] = useState<Row[]>([]);
  // Unsaved edits win over a refresh (the first load finishing late, or a background
  // lifetime run refreshing the vault): a reload must never wipe what the user typed.
  const [dirty, setDirty] = useState(false);
  // The list as last read: a save names it, so one made after another tab's is refused, not applied over it.
  const [shown, setShown] = useState<CertificateContact[]>([]);
  const setRows = (next: Row[]) => {
    setDirty(true);
    setRowsState(next);
  };
  const { busy, error, setError, done: saved, run: act } = useAction();
  const [confirm, setConfirm] = useState(false);
  useEffect(() => {
    if (q.data && !dirty) {
      setRowsState(q.data.map(toRow));
      setShown(q.data);
    }
  }, [q.data]);
  const run = (action: () => Promise<unknown>, done: string) =>
    act(async () => {
      await action();
      vaultChanged();
    }, done);
  const set = (i: number, patch: Partial<Row>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <section aria-labelledby="contacts-title">
      <h1 id="contacts-title">Contacts</h1>
      <p class="hint">People to notify when a certificate's lifetime action says "Notify the contacts".</p>
      <ErrorBanner
        error={error ?? q.error}
        onDismiss={() => setError(undefined)}
        action={
          isChanged(error)
            ? {
                label: 'Start again from the saved contacts',
                run: () => {
                  setDirty(false);
                  setRowsState((q.data ?? []).map(toRow));
                  setShown(q.data ?? []);
                  setError(undefined);
                },
              }
            : undefined
        }
      />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void run(async () => {
            await (
              await getVault()
            ).setContacts(rows.filter((r) => r.email || r.name || r.phone).map(fromRow), {
              ifUnchanged: shown,
            });
            setDirty(false);
          }, 'Contacts saved.');
        }}
        aria-busy={busy ? 'true' : undefined}
      >
        {rows.length === 0 && <p class="empty-state">No contacts yet.</p>}
        {rows.map((r, i) => (
          <fieldset class="contact-row" key={i}>
            <legend>Contact {i + 1}</legend>
            <div class="grid-fields">
              <div class="field">
                <label for={`contact-${i}-email`}>Email</label>
                <input
                  id={`contact-${i}-email`}
                  type="email"
                  autocomplete="off"
                  value={r.email}
                  onInput={(e) => set(i, { email: e.currentTarget.value })}
                />
              </div>
              <div class="field">
                <label for={`contact-${i}-name`}>Name</label>
                <input
                  id={`contact-${i}-name`}
                  type="text"
                  autocomplete="off"
                  value={r.name}
                  onInput={(e) => set(i, { name: e.currentTarget.value })}
                />
              </div>
              <div class="field">
                <label for={`contact-${i}-phone`}>Phone</label>
                <input
                  id={`contact-${i}-phone`}
                  type="tel"
                  autocomplete="off"
                  value={r.phone}
                  onInput={(e) => set(i, { phone: e.currentTarget.value })}
                />
              </div>
            </div>
            <button type="button" onClick={() => setRows(rows.filter((_, j) => j !== i))}>
              Remove contact {i + 1}
            </button>
          </fieldset>
        ))}
        <p class="actions">
          <button type="button" onClick={() => setRows([...rows, { email: '', name: '', phone: '' }])}>
            Add a contact
          </button>
          <button type="submit" class="primary" disabled={busy}>
            Save contacts
          </button>
          {(q.data?.length ?? 0) > 0 && (
            <button type="button" class="danger" onClick={() => setConfirm(true)} disabled={busy}>
              Delete all contacts
            </button>
          )}
        </p>
        <p role="status">{saved}</p>
      </form>
      <ConfirmDialog
        open={confirm}
        title="Delete all contacts?"
        message={<p>Lifetime actions that notify contacts will have nobody to notify.</p>}
        confirmLabel="Delete all"
        danger
        busy={busy}
        onCancel={() => setConfirm(false)}
        onConfirm={() =>
          void run(async () => {
            await (await getVault()).deleteContacts();
            setDirty(false);
          }, 'Contacts deleted.').finally(() => setConfirm(false))
        }
      />
    </section>
  );
}
