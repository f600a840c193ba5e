/** store/: IndexedDB behind the vault's VaultStore interface (src/vault/vault-store.ts). */
export {
  openIdbVaultStore,
  createIdbVaultStore,
  listVaultDatabases,
  deleteVaultDatabase,
  vaultDbName,
} from './idb-vault-store';
export { DB_VERSION, DB_PREFIX, upgradeVaultDb, type VaultDbSchema } from './schema';
