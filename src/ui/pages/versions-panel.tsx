import type { CertificateProperties } from '../state/vault-api';
import { hrefFor } from '../state/router';
import { formatDate, statusOf } from '../state/cert-status';

/** Every version, newest first; each opens on its own page (#/certificate/<name>/<version>). */
export function VersionsPanel({
  name,
  versions,
  current,
  now,
}: {
  name: string;
  versions: CertificateProperties[];
  current?: string;
  now: Date;
}) {
  const sorted = versions.slice().sort((a, b) => b.createdOn.getTime() - a.createdOn.getTime());
  return (
    <section class="panel" aria-labelledby="versions-title">
      <h2 id="versions-title">Versions</h2>
      {sorted.length === 0 ? (
        <p>No version yet: merge the signed certificate to make the first one.</p>
      ) : (
        <div class="table-scroll" tabIndex={0} role="region" aria-label="Versions table">
          <table>
            <thead>
              <tr>
                <th scope="col">Version</th>
                <th scope="col">Created</th>
                <th scope="col">Expires</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((v, i) => (
                <tr key={v.version}>
                  <th scope="row">
                    <a
                      class="mono"
                      href={hrefFor('certificate', name, v.version ?? '')}
                      aria-current={v.version === current ? 'page' : undefined}
                    >
                      {v.version?.slice(0, 12)}…
                    </a>
                    {i === 0 && <span class="badge">current</span>}
                  </th>
                  <td>{formatDate(v.createdOn)}</td>
                  <td>{formatDate(v.expiresOn)}</td>
                  <td>
                    <span class={`status st-${statusOf(v, now).kind}`}>{statusOf(v, now).label}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
