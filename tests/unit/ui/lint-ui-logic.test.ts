/**
 * A public CA's draft gets the current SC-081 step's validity in days while a Self or Local draft
 * keeps 12 months. (The "has lint errors" filter is the list index's: tests/unit/vault/list-index.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { defaultDraft, withIssuer } from '../../../src/ui/state/policy-draft';

describe('withIssuer and SC-081', () => {
  it('a public CA gets the recommended days; back to Self drops them; typed days stay', () => {
    const pub = withIssuer(defaultDraft(), 'Unknown', false, 198);
    expect(pub.validityInDays).toBe('198');
    expect(withIssuer(pub, 'Self', false, 198).validityInDays).toBe('');
    expect(withIssuer({ ...defaultDraft(), validityInDays: '30' }, 'Unknown', false, 198).validityInDays).toBe('30');
    expect(withIssuer(defaultDraft(), 'MyLocalCa', true, 198).validityInDays).toBe('');
  });
});
