/**
 * The ids of the vaults open in this JavaScript realm (this page, or this service worker), so a
 * screen watching the channel can tell a change made here (it refreshed already) from one made
 * in another tab.
 */
const local = new Set<string>();

/** Marks `id` as open here; the returned function forgets it. */
export function noteLocalVault(id: string): () => void {
  local.add(id);
  return () => {
    local.delete(id);
  };
}

export function isLocalVault(id: string): boolean {
  return local.has(id);
}
