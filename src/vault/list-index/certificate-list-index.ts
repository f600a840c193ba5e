/**
 * The list index in memory (ARCHITECTURE §8 "Certificate list at scale"): every certificate's
 * two list lines, the search text of the whole vault as one lowercase string, and the dates as
 * typed arrays. A search is `indexOf` over that string; a sort is a typed-array sort of packed
 * numbers (no comparator) or, for text columns, one comparator sort cached per index; a view is
 * a filtered order, and rows are parsed only when shown.
 */
import type {
  CertificateListEntry,
  CertificateListQuery,
  CertificateListSortKey,
  CertificateListSummary,
  CertificateListView,
} from '../list-types';
import type { ListIndexBucketRecord } from '../vault-store';
import { BucketLines } from './bucket-lines';
import { TEXT, datesOfMetaLine, entryOfLines } from './list-line';

const DAY = 86_400_000;
/** As the UI's status words: expiring = within 30 calendar days (UTC). */
const EXPIRING_DAYS = 30;
/** 2^22 entries at most in a packed sort key (4 million certificates). */
const INDEX_BITS = 2 ** 22;
/** Pending certificates (no expiry) sort after every date. */
const NO_DATE_MINUTES = 2 ** 30;

type Status = 'expired' | 'expiring' | 'not-yet-valid' | 'pending' | 'disabled' | 'valid';
/** The list's status order (most urgent first), as the screen has always sorted it. */
const STATUS_ORDER: Record<Status, number> = {
  expired: 0,
  expiring: 1,
  'not-yet-valid': 2,
  pending: 3,
  disabled: 4,
  valid: 5,
};

export class CertificateListIndex {
  readonly total: number;
  private readonly text: BucketLines;
  private readonly meta: BucketLines;
  private readonly expires: Float64Array;
  private readonly notBefore: Float64Array;
  /** 1 = disabled, 2 = pending, 4 = lint errors */
  private readonly flags: Uint8Array;
  private readonly orders = new Map<CertificateListSortKey, Uint32Array>();

  constructor(buckets: readonly ListIndexBucketRecord[]) {
    const filled = buckets.filter((b) => b.text);
    this.text = new BucketLines(filled.map((b) => b.text));
    this.meta = new BucketLines(filled.map((b) => b.meta));
    this.total = this.text.count;
    this.expires = new Float64Array(this.total);
    this.notBefore = new Float64Array(this.total);
    this.flags = new Uint8Array(this.total);
    for (let i = 0; i < this.total; i++) {
      const d = datesOfMetaLine(this.meta.line(i));
      this.expires[i] = d.expiresMs;
      this.notBefore[i] = d.notBeforeMs;
      this.flags[i] =
        (d.flags.includes('d') ? 1 : 0) | (d.flags.includes('p') ? 2 : 0) | (d.flags.includes('l') ? 4 : 0);
    }
  }

  /** A sorted, filtered view (see CertificateListQuery). */
  query(q: CertificateListQuery, now: Date): CertificateListView {
    const key = q.sort ?? 'expiresOn';
    const order = key === 'status' ? this.statusOrder(now) : this.order(key);
    const matches = this.search(q.search ?? '');
    const lintOnly = q.lintErrorsOnly === true;
    const picked =
      matches || lintOnly
        ? order.filter((i) => (!matches || matches[i] === 1) && (!lintOnly || (this.flags[i] & 4) !== 0))
        : order;
    if (q.descending) picked.reverse();
    return {
      count: picked.length,
      total: this.total,
      rows: (offset, limit) => {
        const out: CertificateListEntry[] = [];
        const end = Math.min(picked.length, Math.max(0, offset) + Math.max(0, limit));
        for (let p = Math.max(0, offset); p < end; p++) out.push(this.entry(picked[p]));
        return out;
      },
      summary: (at) => this.summary(at),
      expiringFirst: (limit) => {
        const out: CertificateListEntry[] = [];
        for (const i of this.order('expiresOn')) {
          if (out.length >= limit || Number.isNaN(this.expires[i])) break;
          out.push(this.entry(i));
        }
        return out;
      },
    };
  }

  private entry(i: number): CertificateListEntry {
    return entryOfLines(this.text.line(i), this.meta.line(i));
  }

  /** 1 for every matching line, or undefined for an empty search (everything matches). */
  private search(raw: string): Uint8Array | undefined {
    const needle = raw.trim().toLowerCase();
    if (!needle) return undefined;
    const hit = new Uint8Array(this.total);
    this.mark(needle, hit);
    // A thumbprint pasted as openssl or Windows print it ("AB:CD:…", "ab cd …"): the stored one has no separators.
    const hex = needle.replace(/[\s:]/g, '');
    if (hex !== needle && /^[0-9a-f]{4,}$/.test(hex)) this.mark(hex, hit);
    return hit;
  }

  /**
   * Prepares the search text (each bucket lowercased: ~20 MB at 100 000 certificates) a bucket
   * per task, so neither the first page nor any frame waits for it; a search before it is done
   * prepares what is left itself. Returns a function that stops the preparing.
   */
  prepareSearch(): () => void {
    let p = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const step = () => {
      if (p >= this.text.partCount) return;
      this.text.searchPart(p++);
      timer = setTimeout(step, 0);
    };
    timer = setTimeout(step, 0);
    return () => clearTimeout(timer);
  }

  private mark(needle: string, hit: Uint8Array): void {
    for (let p = 0; p < this.text.partCount; p++) {
      const { text: hay, first, starts } = this.text.searchPart(p);
      let line = 0;
      let at = hay.indexOf(needle);
      while (at >= 0) {
        // Lines are found in order, so the line of a match only moves forward.
        while (starts[line + 1] <= at) line++;
        hit[first + line] = 1;
        at = hay.indexOf(needle, starts[line + 1]);
      }
    }
  }

  /** The whole index in `key` order, ascending (computed once per index and key). */
  private order(key: Exclude<CertificateListSortKey, 'status'>): Uint32Array {
    let order = this.orders.get(key);
    if (!order) {
      order = key === 'expiresOn' ? this.expiryOrder() : this.textOrder(key);
      this.orders.set(key, order);
    }
    return order.slice();
  }

  /** Expiry, then load order: packed minutes × 2^22 + index, sorted as numbers. */
  private expiryOrder(): Uint32Array {
    const packed = new Float64Array(this.total);
    for (let i = 0; i < this.total; i++) {
      const ms = this.expires[i];
      const minutes = Number.isNaN(ms) ? NO_DATE_MINUTES : Math.floor(ms / 60_000);
      packed[i] = minutes * INDEX_BITS + i;
    }
    packed.sort();
    const order = new Uint32Array(this.total);
    for (let p = 0; p < this.total; p++) order[p] = packed[p] % INDEX_BITS;
    return order;
  }

  /** Text columns: lowercase field, then name. */
  private textOrder(key: 'name' | 'cn' | 'issuer' | 'keyType'): Uint32Array {
    const field = key === 'name' ? TEXT.name : key === 'cn' ? TEXT.subject : key === 'issuer' ? TEXT.issuer : TEXT.key;
    const lines = Array.from({ length: this.total }, (_, i) => this.text.line(i));
    const values = lines.map((line) => {
      const value = line.split('\t', field + 1)[field] ?? '';
      return (key === 'cn' ? commonNameOf(value) : value).toLowerCase();
    });
    const names = key === 'name' ? values : lines.map((line) => line.slice(0, line.indexOf('\t')).toLowerCase());
    const order = Uint32Array.from({ length: this.total }, (_, i) => i);
    return order.sort((a, b) =>
      values[a] < values[b] ? -1 : values[a] > values[b] ? 1 : names[a] < names[b] ? -1 : names[a] > names[b] ? 1 : 0,
    );
  }

  /** Status at `now` (most urgent first), then expiry. */
  private statusOrder(now: Date): Uint32Array {
    const byExpiry = this.order('expiresOn');
    const packed = new Float64Array(this.total);
    for (let p = 0; p < this.total; p++) {
      const i = byExpiry[p];
      packed[p] = STATUS_ORDER[this.status(i, now)] * INDEX_BITS + p;
    }
    packed.sort();
    const order = new Uint32Array(this.total);
    for (let p = 0; p < this.total; p++) order[p] = byExpiry[packed[p] % INDEX_BITS];
    return order;
  }

  private status(i: number, now: Date): Status {
    const expires = this.expires[i];
    if (this.flags[i] & 2 && Number.isNaN(expires)) return 'pending';
    if (this.flags[i] & 1) return 'disabled';
    const t = now.getTime();
    if (expires <= t) return 'expired';
    if (this.notBefore[i] > t) return 'not-yet-valid';
    if (Math.floor(expires / DAY) - Math.floor(t / DAY) <= EXPIRING_DAYS) return 'expiring';
    return 'valid';
  }

  private summary(now: Date): CertificateListSummary {
    const s: CertificateListSummary = { dated: 0, expired: 0, expiring: 0, valid: 0, other: 0 };
    const t = now.getTime();
    let next = -1;
    for (let i = 0; i < this.total; i++) {
      const expires = this.expires[i];
      if (Number.isNaN(expires)) continue;
      s.dated++;
      const k = this.status(i, now);
      if (k === 'expired' || k === 'expiring' || k === 'valid') s[k]++;
      else s.other++;
      if (expires > t && (next < 0 || expires < this.expires[next])) next = i;
    }
    if (next >= 0) s.next = { name: this.entry(next).name, expiresOn: new Date(this.expires[next]) };
    return s;
  }
}

/** The CN of an RFC 4514 subject for sorting (the whole subject when it has none). */
function commonNameOf(subject: string): string {
  const m = /(?:^|[,+])\s*CN=((?:\\.|"[^"]*"|[^,+])*)/i.exec(subject);
  return m?.[1]?.trim() ?? subject;
}
