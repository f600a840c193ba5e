import { formatDate } from './cert-status';

/** Where a label sits on the axis: `at` is 0 (left) … 1 (right); `align` keeps it inside the chart. */
interface AxisMark {
  at: number;
  align: 'start' | 'center' | 'end';
  text: string;
}

export interface TimelineAxis {
  /** Above the chart, at the today line itself. */
  today: AxisMark;
  /** Below the chart: the first date, left out when it is today's (the today mark says it). */
  start?: string;
  end: string;
}

/** Near an edge a centred label would hang out of the chart: it grows inwards from the line instead. */
const EDGE = 0.15;

/**
 * The labels of the expiry timeline. "today" is drawn where the today line is, not in the
 * middle of the axis: with freshly made certificates the line is at the very left.
 */
export function timelineAxis(start: Date, end: Date, now: Date): TimelineAxis {
  const span = Math.max(end.getTime() - start.getTime(), 1);
  const at = Math.min(Math.max((now.getTime() - start.getTime()) / span, 0), 1);
  const align = at < EDGE ? 'start' : at > 1 - EDGE ? 'end' : 'center';
  const today = formatDate(now);
  return {
    today: { at, align, text: `today ${today}` },
    ...(formatDate(start) === today ? {} : { start: formatDate(start) }),
    end: formatDate(end),
  };
}
