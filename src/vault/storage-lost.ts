/**
 * The `name` of the error a store throws once its database was deleted under it (another
 * context deleted it, site data was cleared, the browser evicted it): the vault reports it as
 * StorageLost rather than silently starting an empty vault in its place. Its own file, importing
 * nothing, so vault-error.ts and the store can both name it without an import cycle.
 */
export const STORAGE_LOST_ERROR = 'StorageLostError';
