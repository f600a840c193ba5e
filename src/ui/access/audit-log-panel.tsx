import type { AuditEntry } from '../state/vault-api';
import { ErrorBanner } from '../components/error-banner';
import { useVaultQuery } from '../state/use-vault-query';

const ACTION_WORDS: Record<AuditEntry['action'], string> = {
  protect: 'Protected the vault',
  unprotect: 'Turned protection off',
  unlock: 'Unlock',
  lock: 'Lock',
  setAccessPolicy: 'Set access policy',
  deleteAccessPolicy: 'Removed principal',
};

const RESULT_WORDS: Record<AuditEntry['result'], string> = { ok: 'OK', refused: 'Refused', failed: 'Failed' };

const when = (d: Date) => d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/** The vault's audit log (who, what, when, result), newest first; owners only in a protected vault. */
export function AuditLogPanel() {
  const q = useVaultQuery((v) => v.listAuditLog(), []);
  return (
    <section class="panel" aria-labelledby="audit-title">
      <h2 id="audit-title">Audit log</h2>
      <p class="hint">
        Every change of who may do what, and every unlock, failed or not. Rows are only ever added; each is chained to
        the one before, so an edited row shows.
      </p>
      <ErrorBanner error={q.error} />
      {q.data?.length === 0 && <p class="empty-state">Nothing logged yet.</p>}
      {q.data && q.data.length > 0 && (
        <div class="table-scroll" tabIndex={0} role="region" aria-label="Audit log table">
          <table data-testid="audit-log">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
                <th scope="col">Result</th>
              </tr>
            </thead>
            <tbody>
              {q.data.map((e) => (
                <tr key={e.seq}>
                  <td>
                    <time dateTime={e.at.toISOString()}>{when(e.at)}</time>
                  </td>
                  <th scope="row">{e.principal ?? '—'}</th>
                  <td>
                    {ACTION_WORDS[e.action]}
                    {e.target && e.action !== 'protect' ? ` “${e.target}”` : ''}
                    {e.detail ? <span class="hint"> ({e.detail})</span> : null}
                  </td>
                  <td class={`result-${e.result}`}>{RESULT_WORDS[e.result]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
