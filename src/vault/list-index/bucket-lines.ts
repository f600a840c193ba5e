/**
 * The lines of the list index's buckets, read in place: each bucket's string stays as IndexedDB
 * gave it, and a line is found by its offsets, so opening a 100 000-certificate index neither
 * splits it into 100 000 strings nor copies 20 MB into one. A line is cut out only when a
 * screen shows its row or a sort needs its field.
 */
export class BucketLines {
  readonly count: number;
  private readonly parts: readonly string[];
  /** which part line i is in */
  private readonly partOf: Uint8Array;
  /** where line i starts and ends (exclusive) in its part */
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;

  /** `parts`: "\n"-separated lines each, none empty (an empty bucket is left out). */
  constructor(parts: readonly string[]) {
    this.parts = parts;
    let count = 0;
    for (const part of parts) count += countLines(part);
    this.count = count;
    this.partOf = new Uint8Array(count);
    this.starts = new Int32Array(count);
    this.ends = new Int32Array(count);
    let i = 0;
    parts.forEach((part, p) => {
      let from = 0;
      for (;;) {
        const end = part.indexOf('\n', from);
        this.partOf[i] = p;
        this.starts[i] = from;
        this.ends[i] = end < 0 ? part.length : end;
        i++;
        if (end < 0) break;
        from = end + 1;
      }
    });
  }

  line(i: number): string {
    return this.parts[this.partOf[i]].slice(this.starts[i], this.ends[i]);
  }

  /**
   * Every line lowercased, joined by "\n", with where each starts in it: what a search scans.
   * One pass over each part when lowercasing keeps every length (it does, but for a few
   * characters such as "İ"); line by line otherwise.
   */
  lowercased(): { text: string; starts: Int32Array } {
    const lower = this.parts.map((p) => p.toLowerCase());
    const starts = new Int32Array(this.count + 1);
    if (lower.every((p, k) => p.length === this.parts[k].length)) {
      const offsets = new Int32Array(this.parts.length);
      for (let k = 1; k < this.parts.length; k++) offsets[k] = offsets[k - 1] + this.parts[k - 1].length + 1;
      for (let i = 0; i < this.count; i++) starts[i] = offsets[this.partOf[i]] + this.starts[i];
      starts[this.count] = this.count === 0 ? 0 : offsets[this.parts.length - 1] + (this.parts.at(-1) ?? '').length + 1;
      return { text: lower.join('\n'), starts };
    }
    const lines = Array.from({ length: this.count }, (_, i) => this.line(i).toLowerCase());
    let at = 0;
    for (let i = 0; i < this.count; i++) {
      starts[i] = at;
      at += lines[i].length + 1;
    }
    starts[this.count] = at;
    return { text: lines.join('\n'), starts };
  }
}

function countLines(part: string): number {
  let n = 1;
  for (let at = part.indexOf('\n'); at >= 0; at = part.indexOf('\n', at + 1)) n++;
  return n;
}
