import { describe, expect, it } from 'vitest';
import { BucketLines } from '../../../src/vault/list-index/bucket-lines';

describe('BucketLines', () => {
  it('finds every line of every part by offset, past 256 parts too', () => {
    const parts = Array.from({ length: 300 }, (_, p) =>
      [`p${p}-a`, `P${p}-B`, `p${p}-c`].slice(0, 1 + (p % 3)).join('\n'),
    );
    const want = parts.flatMap((part) => part.split('\n'));
    const lines = new BucketLines(parts);
    expect(lines.count).toBe(want.length);
    expect(Array.from({ length: lines.count }, (_, i) => lines.line(i))).toEqual(want);
    const last = lines.searchPart(299);
    expect(last.first).toBe(want.length - 3);
    expect(last.text).toBe('p299-a\np299-b\np299-c');
    expect(Array.from(last.starts)).toEqual([0, 7, 14, 21]);
  });
});
