/**
 * store/: IndexedDB behind the vault's VaultStore interface (src/vault/vault-store.ts). Only the
 * vault's composition root (src/vault/index.ts) imports it.
 */
export { openIdbVaultStore, listVaultDatabases } from './idb-vault-store';
