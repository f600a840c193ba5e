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
  private readonly partOf: Uint16Array;
  /** where line i starts and ends (exclusive) in its part */
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  /** the first line of each part, and `count` at the end */
  private readonly firstLines: Int32Array;
  private readonly search: (SearchPart | undefined)[] = [];

  /** `parts`: "\n"-separated lines each, none empty (an empty bucket is left out). */
  constructor(parts: readonly string[]) {
    this.parts = parts;
    let count = 0;
    for (const part of parts) count += countLines(part);
    this.count = count;
    this.partOf = new Uint16Array(count);
    this.starts = new Int32Array(count);
    this.ends = new Int32Array(count);
    this.firstLines = new Int32Array(parts.length + 1);
    let i = 0;
    parts.forEach((part, p) => {
      this.firstLines[p] = i;
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
    this.firstLines[parts.length] = count;
  }

  line(i: number): string {
    return this.parts[this.partOf[i]].slice(this.starts[i], this.ends[i]);
  }

  /** How many parts (buckets) the lines are in. */
  get partCount(): number {
    return this.parts.length;
  }

  /**
   * Part `p` lowercased, what a search scans, with where each of its lines starts in it (line
   * `first` + k at `starts[k]`, and one past the end at the last index). Made once per part, so
   * a large index can be prepared a part at a time. Lowercasing keeps every length but for a
   * few characters such as "İ"; a part holding one is lowercased line by line.
   */
  searchPart(p: number): SearchPart {
    const cached = this.search[p];
    if (cached) return cached;
    const part = this.parts[p];
    const first = this.firstLines[p];
    const count = this.firstLines[p + 1] - first;
    const starts = new Int32Array(count + 1);
    let text = part.toLowerCase();
    if (text.length === part.length) {
      for (let k = 0; k < count; k++) starts[k] = this.starts[first + k];
      starts[count] = part.length + 1;
    } else {
      const lines = Array.from({ length: count }, (_, k) => this.line(first + k).toLowerCase());
      let at = 0;
      for (let k = 0; k < count; k++) {
        starts[k] = at;
        at += lines[k].length + 1;
      }
      starts[count] = at;
      text = lines.join('\n');
    }
    const made = { text, first, starts };
    this.search[p] = made;
    return made;
  }
}

/** One part of the search text: lowercase lines from line `first` on, and where each starts. */
export interface SearchPart {
  text: string;
  first: number;
  starts: Int32Array;
}

function countLines(part: string): number {
  let n = 1;
  for (let at = part.indexOf('\n'); at >= 0; at = part.indexOf('\n', at + 1)) n++;
  return n;
}
