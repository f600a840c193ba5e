/**
 * queryCertificates (ARCHITECTURE §8 "Certificate list at scale"): the certificate list from
 * the stored list index, loaded into memory once per open vault and again only when its stamp
 * has changed (a write here, in another tab or in the service worker). A vault without the
 * index (written before schema v7, or around the vault's store) gets it built once.
 */
import type { VaultContext } from '../context';
import type { CertificateListQuery, CertificateListView } from '../list-types';
import { CertificateListIndex } from './certificate-list-index';
import { LIST_INDEX_META, rebuildListIndex, type ListIndexStamp } from './list-buckets';

/** The index this open vault holds in memory, with the stamp it was read at. */
export interface LoadedListIndex {
  stamp?: string;
  index?: CertificateListIndex;
  /** stops preparing the search text of an index that a newer one replaced */
  stopPreparing?: () => void;
}

async function currentIndex(ctx: VaultContext): Promise<CertificateListIndex> {
  const cache = ctx.listIndex;
  const read = await ctx.store.read(async (tx) => {
    const stamp = (await tx.get('meta', LIST_INDEX_META))?.value as ListIndexStamp | undefined;
    if (!stamp) return undefined;
    if (cache.index && stamp.stamp === cache.stamp) return { stamp: stamp.stamp };
    return { stamp: stamp.stamp, buckets: await tx.getAll('listIndex') };
  });
  if (read && !read.buckets && cache.index) return cache.index;
  let stamp = read?.stamp;
  let buckets = read?.buckets;
  if (!read) {
    stamp = await ctx.store.write((tx) => rebuildListIndex(tx));
    buckets = await ctx.store.read((tx) => tx.getAll('listIndex'));
  }
  const index = new CertificateListIndex(buckets ?? []);
  // After the first page is drawn, before anyone has typed: the first search then costs no more than the next.
  cache.stopPreparing?.();
  cache.stopPreparing = index.prepareSearch();
  cache.index = index;
  cache.stamp = stamp;
  return index;
}

export async function queryCertificates(
  ctx: VaultContext,
  query: CertificateListQuery = {},
): Promise<CertificateListView> {
  const index = await currentIndex(ctx);
  return index.query(query, query.now ?? ctx.now());
}
