import { useLayoutEffect } from 'preact/hooks';
import { hrefFor } from '../state/router';
import { formatDate, statusOf } from '../state/cert-status';
import {
  LIST_RENDER_MEASURE,
  LIST_RENDER_START,
  certificatesStore,
  type CertificateRow,
  type SortKey,
} from '../state/certificates-store';
import { useStore } from '../state/use-store';

const COLUMNS: { key: SortKey; label: string }[] = [
  { key: 'name', label: 'Name' },
  { key: 'cn', label: 'Subject CN' },
  { key: 'issuer', label: 'Issuer' },
  { key: 'status', label: 'Status' },
  { key: 'expiresOn', label: 'Expires on' },
  { key: 'keyType', label: 'Key type' },
];

function toggleSort(key: SortKey): void {
  certificatesStore.setState((s) => ({
    sort: { key, dir: s.sort.key === key && s.sort.dir === 'asc' ? 'desc' : 'asc' },
  }));
}

/** The sortable table; the column headers are buttons so sorting works from the keyboard. */
export function CertificatesTable({ rows, now }: { rows: CertificateRow[]; now: Date }) {
  const sort = useStore(certificatesStore, (s) => s.sort);
  useLayoutEffect(() => {
    // Ends the measure started when the rows were put in the store (bench/README.md).
    if (performance.getEntriesByName(LIST_RENDER_START, 'mark').length > 0) {
      performance.measure(LIST_RENDER_MEASURE, LIST_RENDER_START);
      performance.clearMarks(LIST_RENDER_START);
    }
  }, [rows]);
  return (
    <div class="table-scroll" tabIndex={0} role="region" aria-label="Certificates table">
      <table class="cert-table">
        <caption class="visually-hidden">
          Certificates, sorted by {COLUMNS.find((c) => c.key === sort.key)?.label}{' '}
          {sort.dir === 'asc' ? 'ascending' : 'descending'}
        </caption>
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th
                key={c.key}
                scope="col"
                aria-sort={sort.key === c.key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}
              >
                <button type="button" class="sort" onClick={() => toggleSort(c.key)}>
                  {c.label}
                  <span aria-hidden="true">{sort.key === c.key ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}</span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const status = statusOf(r, now);
            return (
              <tr key={r.name}>
                <th scope="row">
                  <a href={hrefFor('certificate', r.name)}>{r.name}</a>
                </th>
                <td class="cn">{r.cn}</td>
                <td>{r.issuerName ?? ''}</td>
                <td>
                  <span class={`status st-${status.kind}`}>{status.label}</span>
                </td>
                <td>{formatDate(r.expiresOn)}</td>
                <td>{r.keyType ?? ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
