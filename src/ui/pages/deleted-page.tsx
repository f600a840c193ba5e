import { useState } from 'preact/hooks';
import { useAction } from '../state/use-action';
import { useVaultQuery } from '../state/use-vault-query';
import { collect, getVault, vaultChanged } from '../state/vault-client';
import { ErrorBanner } from '../components/error-banner';
import { ConfirmDialog } from '../components/dialog';
import { formatDate } from '../state/cert-status';
import { navigate } from '../state/router';

/** Soft-deleted certificates (ARCHITECTURE §5): recover, or purge for good after a confirmation. */
export function DeletedPage() {
  const q = useVaultQuery((v) => collect(v.listDeletedCertificates()), []);
  const { busy, error, setError, done, run: act } = useAction();
  const [purging, setPurging] = useState<string>();
  const run = (action: () => Promise<unknown>, message: string) =>
    act(async () => {
      await action();
      vaultChanged();
    }, message);
  return (
    <section aria-labelledby="deleted-title" aria-busy={busy ? 'true' : undefined}>
      <h1 id="deleted-title">Deleted</h1>
      <p class="hint">
        Deleted certificates keep their versions and keys for 90 days; their names stay reserved until purged.
      </p>
      <ErrorBanner error={error ?? q.error} onDismiss={() => setError(undefined)} />
      <p role="status">{done}</p>
      {q.data && q.data.length === 0 && <p class="empty-state">Nothing has been deleted.</p>}
      {q.data && q.data.length > 0 && (
        <div class="table-scroll" tabIndex={0} role="region" aria-label="Deleted certificates table">
          <table>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Deleted on</th>
                <th scope="col">Purge scheduled</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {q.data.map((c) => (
                <tr key={c.name}>
                  <th scope="row">{c.name}</th>
                  <td>{formatDate(c.deletedOn)}</td>
                  <td>{formatDate(c.scheduledPurgeDate)}</td>
                  <td class="actions">
                    <button
                      type="button"
                      disabled={busy}
                      aria-label={`Recover ${c.name}`}
                      onClick={() =>
                        void run(async () => {
                          await (await getVault()).recoverDeletedCertificate(c.name);
                          navigate('certificate', c.name);
                        }, `${c.name} recovered.`)
                      }
                    >
                      Recover
                    </button>
                    <button
                      type="button"
                      class="danger"
                      disabled={busy}
                      aria-label={`Purge ${c.name}`}
                      onClick={() => setPurging(c.name)}
                    >
                      Purge
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ConfirmDialog
        open={!!purging}
        title={`Purge ${purging ?? ''} for good?`}
        message={<p>Every version and private key is erased from this browser. This cannot be undone.</p>}
        confirmLabel="Purge"
        danger
        busy={busy}
        onCancel={() => setPurging(undefined)}
        onConfirm={() => {
          const name = purging;
          if (name)
            void run(async () => (await getVault()).purgeDeletedCertificate(name), `${name} purged.`).finally(() =>
              setPurging(undefined),
            );
        }}
      />
    </section>
  );
}
