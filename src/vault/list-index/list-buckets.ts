/**
 * Keeps the stored list index (schema v7 `listIndex`, ARCHITECTURE §8 "Certificate list at
 * scale") in step with the certificates store: every put or delete of a certificate row made
 * through the vault's store rewrites that row's bucket in the same transaction, and bumps the
 * stamp in meta, so an open index in any tab or the service worker knows it must reload.
 * Only IDB calls are added, so the rule "only IDB calls inside a write" still holds.
 *
 * Rows written around the vault's store (a raw store in a test, a database from before v7)
 * leave no stamp: the next query rebuilds the whole index from the certificates store once.
 */
import type { CertificateRecord, ListIndexBucketRecord, StoreTx, VaultStore } from '../vault-store';
import { keyOfTextLine, listLinesOf } from './list-line';

/** Buckets: at 100 000 certificates ~1 500 lines (~300 kB) each, so one write rewrites little and one read gets all. */
export const LIST_BUCKETS = 64;
/** The meta row whose stamp changes with every index write. */
export const LIST_INDEX_META = 'listIndex';

export interface ListIndexStamp {
  /** changes on every write of the index */
  stamp: string;
}

/** FNV-1a of the lowercase name: the same bucket in every tab and release. */
export function bucketOf(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return (h >>> 0) % LIST_BUCKETS;
}

function newStamp(): string {
  return crypto.randomUUID();
}

function emptyBucket(bucket: number): ListIndexBucketRecord {
  return { bucket, text: '', meta: '' };
}

/** `bucket` with the lines of `key` replaced by `row`'s (or removed when `row` is undefined). */
export function withLines(
  bucket: ListIndexBucketRecord,
  key: string,
  row: CertificateRecord | undefined,
): ListIndexBucketRecord {
  const text = bucket.text ? bucket.text.split('\n') : [];
  const meta = bucket.meta ? bucket.meta.split('\n') : [];
  const at = text.findIndex((line) => keyOfTextLine(line) === key);
  if (at >= 0) {
    text.splice(at, 1);
    meta.splice(at, 1);
  }
  if (row) {
    const lines = listLinesOf(row);
    text.push(lines.text);
    meta.push(lines.meta);
  }
  return { bucket: bucket.bucket, text: text.join('\n'), meta: meta.join('\n') };
}

async function writeLines(tx: StoreTx, key: string, row: CertificateRecord | undefined): Promise<void> {
  const stamp = await tx.get('meta', LIST_INDEX_META);
  // No stamp: the index was never built here; the next query builds it whole, this row included.
  if (!stamp) return;
  const b = bucketOf(key);
  const bucket = (await tx.get('listIndex', b)) ?? emptyBucket(b);
  await tx.put('listIndex', withLines(bucket, key, row));
  await tx.put('meta', { key: LIST_INDEX_META, value: { stamp: newStamp() } satisfies ListIndexStamp });
}

/** Builds every bucket from the certificates store (one write transaction); returns the new stamp. */
export async function rebuildListIndex(tx: StoreTx): Promise<string> {
  const lines = Array.from({ length: LIST_BUCKETS }, () => ({ text: [] as string[], meta: [] as string[] }));
  for (const row of await tx.getAll('certificates')) {
    const l = listLinesOf(row);
    const b = lines[bucketOf(row.key)];
    b.text.push(l.text);
    b.meta.push(l.meta);
  }
  for (let bucket = 0; bucket < LIST_BUCKETS; bucket++) {
    await tx.put('listIndex', { bucket, text: lines[bucket].text.join('\n'), meta: lines[bucket].meta.join('\n') });
  }
  const stamp = newStamp();
  await tx.put('meta', { key: LIST_INDEX_META, value: { stamp } satisfies ListIndexStamp });
  return stamp;
}

/** The vault's store with the list index kept on every certificate write. */
export function withListIndex(store: VaultStore): VaultStore {
  return {
    name: store.name,
    read: (fn) => store.read(fn),
    write: (fn) => store.write((tx) => fn(indexing(tx))),
    close: () => store.close(),
  };
}

/** True when both rows give the same list lines: a write that leaves the bucket as it is. */
function sameLines(a: CertificateRecord, b: CertificateRecord): boolean {
  const x = listLinesOf(a);
  const y = listLinesOf(b);
  return x.text === y.text && x.meta === y.meta;
}

/**
 * `tx` whose certificate puts and deletes also write the list index; every other member is tx's
 * own. A put that changes nothing the list shows (the lifetime run's notes, a property the list
 * does not carry) leaves the bucket alone: a bucket is ~300 kB at 100 000 certificates, and a
 * lifetime run notes thousands of rows in one transaction.
 */
function indexing(tx: StoreTx): StoreTx {
  const put: StoreTx['put'] = async (name, value) => {
    if (name !== 'certificates') return tx.put(name, value);
    const row = value as CertificateRecord;
    const before = await tx.get('certificates', row.key);
    await tx.put(name, value);
    if (!before || !sameLines(before, row)) await writeLines(tx, row.key, row);
  };
  const del: StoreTx['delete'] = async (name, key) => {
    await tx.delete(name, key);
    if (name === 'certificates') await writeLines(tx, key as string, undefined);
  };
  return new Proxy(tx, {
    get(target, property): unknown {
      if (property === 'put') return put;
      if (property === 'delete') return del;
      const member: unknown = Reflect.get(target, property);
      return typeof member === 'function' ? member.bind(target) : member;
    },
  });
}
