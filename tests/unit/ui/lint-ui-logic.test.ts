/**
 * The list filter "has lint errors" reads the stored summary only, and a public CA's draft gets
 * the current SC-081 step's validity in days while a Self or Local draft keeps 12 months.
 */
import { describe, expect, it } from 'vitest';
import { visibleRows, type CertificateRow } from '../../../src/ui/state/certificates-store';
import { defaultDraft, withIssuer } from '../../../src/ui/state/policy-draft';

const row = (name: string, lintErrors?: number): CertificateRow => ({
  name,
  enabled: true,
  cn: name,
  pending: false,
  tags: {},
  ...(lintErrors === undefined ? {} : { lintErrors }),
});

describe('has lint errors', () => {
  it('keeps only rows whose stored summary counts errors', () => {
    const rows = [row('a', 2), row('b', 0), row('c')];
    const sort = { key: 'name', dir: 'asc' } as const;
    expect(visibleRows({ rows, query: '', sort, lintErrorsOnly: true }, new Date()).map((r) => r.name)).toEqual(['a']);
    expect(visibleRows({ rows, query: '', sort }, new Date())).toHaveLength(3);
  });
});

describe('withIssuer and SC-081', () => {
  it('a public CA gets the recommended days; back to Self drops them; typed days stay', () => {
    const pub = withIssuer(defaultDraft(), 'Unknown', false, 198);
    expect(pub.validityInDays).toBe('198');
    expect(withIssuer(pub, 'Self', false, 198).validityInDays).toBe('');
    expect(withIssuer({ ...defaultDraft(), validityInDays: '30' }, 'Unknown', false, 198).validityInDays).toBe('30');
    expect(withIssuer(defaultDraft(), 'MyLocalCa', true, 198).validityInDays).toBe('');
  });
});
