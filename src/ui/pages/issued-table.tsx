import { useState } from 'preact/hooks';
import { ConfirmDialog } from '../components/dialog';
import { downloadBytes, toPem } from '../components/download';
import { ErrorBanner } from '../components/error-banner';
import { formatDate } from '../state/cert-status';
import { reasonLabel, REVOCATION_REASONS } from '../state/csr-profiles';
import { hrefFor } from '../state/router';
import { useAction } from '../state/use-action';
import type { IssuedCertificate, RevocationReason } from '../state/vault-api';
import { getVault, vaultChanged } from '../state/vault-client';

function statusText(e: IssuedCertificate, now: Date): string {
  if (e.revocation) return `Revoked ${formatDate(e.revocation.revokedOn)} (${reasonLabel(e.revocation.reason)})`;
  return now > e.notAfter ? 'Expired' : 'Valid';
}

/**
 * The CA's issued-certificates log: serial, subject, validity, what it was issued for, and
 * revocation with an RFC 5280 reason (the next CRL lists it).
 */
export function IssuedTable(props: { issuerName: string; entries: IssuedCertificate[]; now: Date }) {
  const [revoking, setRevoking] = useState<IssuedCertificate>();
  const [reason, setReason] = useState<RevocationReason>('unspecified');
  const { busy, error, setError, run } = useAction();
  const sorted = props.entries.slice().sort((a, b) => b.issuedOn.getTime() - a.issuedOn.getTime());
  const revoke = () => {
    const entry = revoking;
    if (!entry) return;
    void run(async () => {
      await (await getVault()).revokeCertificate(props.issuerName, entry.serialNumber, { reason });
      vaultChanged();
    }).finally(() => setRevoking(undefined));
  };
  if (sorted.length === 0) return <p class="empty-state">This CA has not issued a certificate yet.</p>;
  return (
    <>
      <div class="table-scroll" tabIndex={0} role="region" aria-label="Issued certificates table">
        <table>
          <thead>
            <tr>
              <th scope="col">Serial</th>
              <th scope="col">Subject</th>
              <th scope="col">Valid</th>
              <th scope="col">Issued for</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((e) => (
              <tr key={e.serialNumber} data-serial={e.serialNumber}>
                <th scope="row" class="mono" title={e.serialNumber}>
                  {e.serialNumber.slice(0, 12)}…
                </th>
                <td class="cn">{e.subject}</td>
                <td class="when">
                  {formatDate(e.notBefore)} – {formatDate(e.notAfter)}
                </td>
                <td>
                  {e.certificateName ? (
                    <a href={hrefFor('certificate', e.certificateName)}>{e.certificateName}</a>
                  ) : (
                    'a signed request'
                  )}
                </td>
                <td>
                  <span class={`status st-${e.revocation || props.now > e.notAfter ? 'expired' : 'valid'}`}>
                    {statusText(e, props.now)}
                  </span>
                </td>
                <td>
                  <div class="actions row-actions">
                    <button
                      type="button"
                      aria-label={`Download ${e.serialNumber} as PEM`}
                      onClick={() =>
                        downloadBytes(
                          `serial-${e.serialNumber.slice(0, 12).toLowerCase()}.pem`,
                          toPem('CERTIFICATE', e.certificate),
                          'application/x-pem-file',
                        )
                      }
                    >
                      PEM
                    </button>
                    {!e.revocation && (
                      <button
                        type="button"
                        class="danger"
                        aria-label={`Revoke ${e.serialNumber}`}
                        onClick={() => {
                          setReason('unspecified');
                          setRevoking(e);
                        }}
                      >
                        Revoke
                      </button>
                    )}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ErrorBanner error={error} onDismiss={() => setError(undefined)} />
      <ConfirmDialog
        open={!!revoking}
        title={`Revoke ${revoking?.subject ?? ''}?`}
        message={
          <>
            <p>
              Serial <span class="mono">{revoking?.serialNumber}</span>. Revocation cannot be undone: the next CRL lists
              this certificate.
            </p>
            <div class="field">
              <label for="revoke-reason">Reason (RFC 5280)</label>
              <select
                id="revoke-reason"
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value as RevocationReason)}
              >
                {REVOCATION_REASONS.map((r) => (
                  <option key={r.value} value={r.value}>
                    {r.label}
                  </option>
                ))}
              </select>
            </div>
          </>
        }
        confirmLabel="Revoke"
        danger
        busy={busy}
        onCancel={() => setRevoking(undefined)}
        onConfirm={revoke}
      />
    </>
  );
}
