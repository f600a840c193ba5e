/** What bench/lint-chromium.mjs needs: the vault over IndexedDB and the store layer to copy rows. */
export { openIdbVaultStore } from '../src/store/idb-vault-store';
export { createCertificateVault } from '../src/vault/certificate-vault';
export { createVaultContext } from '../src/vault/context';
export { summaryOf } from '../src/vault/version-records';
