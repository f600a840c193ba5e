import { describe, expect, it } from 'vitest';
import { timelineAxis } from '../../../src/ui/state/timeline-axis';

const d = (s: string) => new Date(`${s}T12:00:00Z`);

describe('timelineAxis', () => {
  it('puts "today" where the today line is: at the left for certificates made today', () => {
    const axis = timelineAxis(d('2026-11-23'), d('2027-11-23'), d('2026-11-23'));
    expect(axis.today).toEqual({ at: 0, align: 'start', text: 'today 2026-11-23' });
    // The first date is today's: said once, by the today mark.
    expect(axis.start).toBeUndefined();
    expect(axis.end).toBe('2027-11-23');
  });

  it('centres the label on a line in the middle, and grows it inwards near either edge', () => {
    const mid = timelineAxis(d('2026-01-01'), d('2027-01-01'), new Date('2026-07-02T12:00:00Z'));
    expect(mid.today.align).toBe('center');
    expect(mid.today.at).toBeCloseTo(0.5, 2);
    expect(mid.start).toBe('2026-01-01');
    const late = timelineAxis(d('2026-01-01'), d('2026-11-25'), d('2026-11-23'));
    expect(late.today.align).toBe('end');
    expect(late.today.at).toBeGreaterThan(0.99);
  });

  it('stays on the chart when everything expired before today (the line is then the right edge)', () => {
    const axis = timelineAxis(d('2025-01-01'), d('2026-11-23'), d('2026-11-23'));
    expect(axis.today).toMatchObject({ at: 1, align: 'end' });
  });
});
