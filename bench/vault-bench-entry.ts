/** What bench/vault.mjs needs from the vault and store, bundled by vite for Node. */
export { openIdbVaultStore } from '../src/store/idb-vault-store';
export { createCertificateVault } from '../src/vault/certificate-vault';
export { createVaultContext } from '../src/vault/context';
export { summaryOf } from '../src/vault/version-records';
