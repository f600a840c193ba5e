import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { hrefFor } from '../state/router';
import { commonName, formatDate, statusOf } from '../state/cert-status';
import {
  LIST_RENDER_MEASURE,
  LIST_RENDER_START,
  certificatesStore,
  sortCertificatesBy,
  type SortKey,
} from '../state/certificates-store';
import { rowWindow, scrollToShow } from '../state/row-window';
import { useStore } from '../state/use-store';
import type { CertificateListView } from '../state/vault-api';

const COLUMNS: { key: SortKey; label: string; width: string }[] = [
  { key: 'name', label: 'Name', width: '20%' },
  { key: 'cn', label: 'Subject CN', width: '24%' },
  { key: 'issuer', label: 'Issuer', width: '14%' },
  { key: 'status', label: 'Status', width: '16%' },
  { key: 'expiresOn', label: 'Expires on', width: '12%' },
  { key: 'keyType', label: 'Key type', width: '14%' },
];

/** Every body row is this tall (styles.css `.cert-table tbody tr`), so a row's place is its index × this. */
const ROW_HEIGHT = 40;

/** Keys that move between rows, and how far. */
function stepOf(key: string, page: number, count: number, from: number): number | undefined {
  switch (key) {
    case 'ArrowDown':
      return from + 1;
    case 'ArrowUp':
      return from - 1;
    case 'PageDown':
      return from + page;
    case 'PageUp':
      return from - page;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return undefined;
  }
}

/**
 * The sortable, virtualised table: only the rows in view (and a few around) are in the DOM,
 * between two spacer rows that keep the scroll height of the whole list; `aria-rowcount` and
 * each row's `aria-rowindex` tell a screen reader where it is among them all. The column headers
 * are buttons, so sorting works from the keyboard; in the body the arrow keys, Page Up/Down and
 * Home/End move from row to row (scrolling rows in as they go), and a focused row scrolled away
 * by the mouse hands focus to the table rather than losing it.
 */
export function CertificatesTable({ view, now }: { view: CertificateListView; now: Date }) {
  const sort = useStore(certificatesStore, (s) => s.sort);
  const scroller = useRef<HTMLDivElement>(null);
  const [viewport, setViewport] = useState({ top: 0, height: 0, header: ROW_HEIGHT });
  // The row the keyboard moved to: focused once it is rendered, then forgotten (a click elsewhere keeps its focus).
  const pendingFocus = useRef<number | undefined>(undefined);
  const [, setFocusRow] = useState<number>();
  const rowsHeight = Math.max(0, viewport.height - viewport.header);
  const win = rowWindow(viewport.top, rowsHeight, ROW_HEIGHT, view.count);
  const rows = view.rows(win.start, win.end - win.start);

  const measure = () => {
    const el = scroller.current;
    if (!el) return;
    const header = el.querySelector('thead')?.getBoundingClientRect().height ?? ROW_HEIGHT;
    setViewport((v) =>
      v.top === el.scrollTop && v.height === el.clientHeight && v.header === header
        ? v
        : { top: el.scrollTop, height: el.clientHeight, header },
    );
  };
  useLayoutEffect(() => {
    measure();
    const el = scroller.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  useLayoutEffect(() => {
    // A new search or sort starts at the top.
    if (scroller.current) scroller.current.scrollTop = 0;
    pendingFocus.current = undefined;
    measure();
    // Ends the measure started when the view was put in the store (bench/README.md).
    if (performance.getEntriesByName(LIST_RENDER_START, 'mark').length > 0) {
      performance.measure(LIST_RENDER_MEASURE, LIST_RENDER_START);
      performance.clearMarks(LIST_RENDER_START);
    }
  }, [view]);
  useLayoutEffect(() => {
    const target = pendingFocus.current;
    if (target === undefined) return;
    const link = scroller.current?.querySelector<HTMLAnchorElement>(`tr[data-row="${target}"] a`);
    if (!link) return;
    link.focus({ preventScroll: true });
    pendingFocus.current = undefined;
  });

  const onKeyDown = (e: KeyboardEvent) => {
    const el = scroller.current;
    if (!el || view.count === 0 || e.altKey || e.metaKey) return;
    const inRow = (e.target as HTMLElement).closest<HTMLElement>('tr[data-row]');
    const from = inRow ? Number(inRow.dataset.row) : win.start - 1;
    const page = Math.max(1, Math.floor(rowsHeight / ROW_HEIGHT) - 1);
    const step = stepOf(e.key, page, view.count, from);
    if (step === undefined || (!inRow && (e.key === 'ArrowUp' || e.key === 'PageUp'))) return;
    e.preventDefault();
    const target = Math.min(view.count - 1, Math.max(0, step));
    const top = scrollToShow(target, el.scrollTop, rowsHeight, ROW_HEIGHT);
    if (top !== undefined) el.scrollTop = top;
    pendingFocus.current = target;
    measure();
    setFocusRow(target);
  };

  return (
    <div
      class="table-scroll virtual"
      ref={scroller}
      tabIndex={0}
      role="region"
      aria-label="Certificates table"
      onScroll={measure}
      onKeyDown={onKeyDown}
      onFocusOut={(e) => {
        // The focused row is about to leave the DOM (scrolled away): keep focus in the table.
        const row = (e.target as HTMLElement).closest('tr[data-row]');
        if (!row || e.relatedTarget) return;
        queueMicrotask(() => {
          const lost = !row.isConnected && (document.activeElement === document.body || !document.activeElement);
          if (lost) scroller.current?.focus({ preventScroll: true });
        });
      }}
    >
      <table class="cert-table" aria-rowcount={view.count + 1}>
        <caption class="visually-hidden">
          Certificates, sorted by {COLUMNS.find((c) => c.key === sort.key)?.label}{' '}
          {sort.dir === 'asc' ? 'ascending' : 'descending'}; arrow keys move between rows
        </caption>
        <colgroup>
          {COLUMNS.map((c) => (
            <col key={c.key} style={{ width: c.width }} />
          ))}
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            {COLUMNS.map((c) => (
              <th
                key={c.key}
                scope="col"
                aria-sort={sort.key === c.key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}
              >
                <button type="button" class="sort" onClick={() => void sortCertificatesBy(c.key)}>
                  {c.label}
                  <span aria-hidden="true">{sort.key === c.key ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}</span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {win.start > 0 && (
            <tr class="spacer" aria-hidden="true" style={{ height: `${win.start * ROW_HEIGHT}px` }}>
              <td colSpan={COLUMNS.length} />
            </tr>
          )}
          {rows.map((r, i) => {
            const status = statusOf(r, now);
            const at = win.start + i;
            return (
              <tr key={r.name} data-row={at} aria-rowindex={at + 2}>
                <th scope="row">
                  <a href={hrefFor('certificate', r.name)} title={r.name}>
                    {r.name}
                  </a>
                </th>
                <td class="cn" title={r.subject}>
                  {commonName(r.subject)}
                </td>
                <td>{r.issuerName ?? ''}</td>
                <td>
                  <span class={`status st-${status.kind}`}>{status.label}</span>
                </td>
                <td>{formatDate(r.expiresOn)}</td>
                <td>{r.keyDescription ?? ''}</td>
              </tr>
            );
          })}
          {win.end < view.count && (
            <tr class="spacer" aria-hidden="true" style={{ height: `${(view.count - win.end) * ROW_HEIGHT}px` }}>
              <td colSpan={COLUMNS.length} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
