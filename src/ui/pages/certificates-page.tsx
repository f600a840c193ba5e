import { ExpiryCalendarButton } from '../components/expiry-calendar-button';
import { useEffect, useMemo } from 'preact/hooks';
import { hrefFor } from '../state/router';
import { useStore } from '../state/use-store';
import { vaultStore } from '../state/vault-client';
import { certificatesStore, loadCertificates, searchCertificates, filterLintErrors } from '../state/certificates-store';
import { ExpiryTimeline } from '../components/expiry-timeline';
import { ErrorBanner } from '../components/error-banner';
import { RestoreBackupButton } from '../components/restore-backup';
import { CertificatesTable } from './certificates-table';

export function CertificatesPage() {
  const revision = useStore(vaultStore, (s) => s.revision);
  const vaultName = useStore(vaultStore, (s) => s.name);
  const state = useStore(certificatesStore, (s) => s);
  // "Now" is when the view arrived, so statuses age with every reload of the list.
  const now = useMemo(() => new Date(), [state.view]);
  useEffect(() => {
    void loadCertificates();
  }, [revision, vaultName]);
  const view = state.view;
  const total = view?.total ?? 0;
  return (
    <section aria-labelledby="certs-title">
      <div class="page-head">
        <h1 id="certs-title">Certificates</h1>
        {total > 0 && (
          <p class="actions">
            <a class="button primary" href={hrefFor('create')}>
              Create
            </a>
            <a class="button" href={hrefFor('import')}>
              Import
            </a>
            <RestoreBackupButton />
            <ExpiryCalendarButton />
          </p>
        )}
      </div>
      <ErrorBanner error={state.error} onDismiss={() => certificatesStore.setState({ error: undefined })} />
      {!state.loaded && <p aria-busy="true">Opening the vault…</p>}
      {state.loaded && total === 0 && !state.error && (
        <div class="empty-state">
          <p>This vault has no certificates yet.</p>
          <p>
            Create a key pair and a self-signed certificate or a CSR for your CA, or import a PFX or PEM file you
            already have.
          </p>
          <p class="actions">
            <a class="button primary" href={hrefFor('create')}>
              Create a certificate
            </a>
            <a class="button" href={hrefFor('import')}>
              Import a certificate
            </a>
            <RestoreBackupButton />
          </p>
        </div>
      )}
      {view && total > 0 && (
        <>
          <ExpiryTimeline view={view} now={now} />
          <div class="toolbar">
            <label class="search">
              <span>Search</span>
              <input
                type="search"
                value={state.query}
                placeholder="name, subject, SAN, tag, thumbprint"
                onInput={(e) => void searchCertificates(e.currentTarget.value)}
              />
            </label>
            <label class="check">
              <input
                type="checkbox"
                checked={!!state.lintErrorsOnly}
                onChange={(e) => void filterLintErrors(e.currentTarget.checked)}
              />
              Has lint errors
            </label>
            <p class="count" role="status">
              {view.count === total
                ? `${total} certificate${total === 1 ? '' : 's'}`
                : `${view.count} of ${total} certificates`}
            </p>
          </div>
          <CertificatesTable view={view} now={now} />
        </>
      )}
    </section>
  );
}
