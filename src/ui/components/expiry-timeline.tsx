import type { CertificateListEntry, CertificateListView } from '../state/vault-api';
import { formatDate, statusOf } from '../state/cert-status';
import { timelineAxis } from '../state/timeline-axis';

type DatedRow = CertificateListEntry & { notBefore: Date; expiresOn: Date };

/** Rows drawn at most: a vault of 1 000 certificates shows the ones that expire first. */
const MAX_ROWS = 40;
const ROW = 20;
const WIDTH = 1000;

/**
 * Every certificate's validity as a bar against today. The SVG is stretched to the width
 * (preserveAspectRatio="none"), so the names sit beside it in HTML, where they stay readable
 * at 360 px; a sentence summarises the picture for screen readers. The counts and the first
 * rows come from the vault's list index, so a vault of 100 000 certificates costs no more here.
 */
export function ExpiryTimeline({ view, now }: { view: CertificateListView; now: Date }) {
  const counts = view.summary(now);
  if (counts.dated === 0) return null;
  const shown = view
    .expiringFirst(MAX_ROWS)
    .flatMap((r): DatedRow[] =>
      r.notBefore && r.expiresOn ? [{ ...r, notBefore: r.notBefore, expiresOn: r.expiresOn }] : [],
    );
  const start = Math.min(now.getTime(), ...shown.map((r) => r.notBefore.getTime()));
  const end = Math.max(now.getTime(), ...shown.map((r) => r.expiresOn.getTime()));
  const span = Math.max(end - start, 1);
  const x = (t: number) => ((t - start) / span) * WIDTH;
  const next = counts.next;
  const summary =
    `${counts.dated} certificate${counts.dated === 1 ? '' : 's'}: ${counts.expired} expired, ${counts.expiring} expiring within 30 days, ${counts.valid} valid for longer` +
    (counts.other ? `, ${counts.other} disabled or not yet valid.` : '.') +
    (next ? ` Next to expire: ${next.name} on ${formatDate(next.expiresOn)}.` : '');
  const height = shown.length * ROW;
  const today = x(now.getTime());
  const axis = timelineAxis(new Date(start), new Date(end), now);
  return (
    <figure class="timeline" aria-labelledby="timeline-caption">
      <figcaption id="timeline-caption">
        <strong>Expiry timeline.</strong> <span data-testid="timeline-summary">{summary}</span>
        {counts.dated > shown.length && <span> Showing the {shown.length} that expire first.</span>}
      </figcaption>
      <div class="timeline-grid">
        <div class="timeline-today" aria-hidden="true">
          <span
            class={`timeline-today-label align-${axis.today.align}`}
            style={{ left: `${axis.today.at * 100}%` }}
            data-testid="timeline-today"
          >
            {axis.today.text}
          </span>
        </div>
        <ol class="timeline-names" aria-label="Certificates on the timeline">
          {shown.map((r) => (
            <li key={r.name} title={`${r.name}: ${formatDate(r.notBefore)} to ${formatDate(r.expiresOn)}`}>
              {r.name}
            </li>
          ))}
        </ol>
        <svg
          class="timeline-chart"
          viewBox={`0 0 ${WIDTH} ${height}`}
          preserveAspectRatio="none"
          height={height}
          role="img"
          aria-label={summary}
        >
          {shown.map((r, i) => (
            <rect
              key={r.name}
              class={`st-${statusOf(r, now).kind}`}
              x={x(r.notBefore.getTime())}
              y={i * ROW + 4}
              width={Math.max(x(r.expiresOn.getTime()) - x(r.notBefore.getTime()), 2)}
              height={ROW - 8}
              rx="3"
            />
          ))}
          <line class="today" x1={today} x2={today} y1="0" y2={height} vector-effect="non-scaling-stroke" />
        </svg>
        <div class="timeline-axis" aria-hidden="true">
          <span>{axis.start}</span>
          <span>{axis.end}</span>
        </div>
      </div>
    </figure>
  );
}
