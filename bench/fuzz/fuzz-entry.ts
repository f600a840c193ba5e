/** What bench/fuzz/run.mjs needs, bundled by vite for Node: the vault's public module and the internals a test vault is built from. */
export * from '../../src/vault';
export { openIdbVaultStore } from '../../src/store/idb-vault-store';
export { createCertificateVault } from '../../src/vault/certificate-vault';
export { createVaultContext } from '../../src/vault/context';
export { backupCertificate } from '../../src/vault/backup';
export { STORE_NAMES } from '../../src/vault/vault-store';
