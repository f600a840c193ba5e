/**
 * vault/: the API of ARCHITECTURE §4. The UI and the service worker import only this file.
 */
export { openVault, listVaults } from './open-vault';
export { VaultError, isVaultError, type VaultErrorCode } from './vault-error';
export type { VaultErrorField } from './vault-error';
export { certificateNameProblem } from './names';
export { issuerNameProblem } from './names';
export { vaultNameProblem } from './names';
export { defaultPolicy, validatePolicy } from './policy';
export { describeCertificate, describeCsr, toPem, type CertificateInfo, type CsrInfo } from './describe';
export { keyOperationsFor, type KeyOperation } from './key-operations';
export { subjectAsOpenssl } from './subject-preview';
export { inspectImport, certificatesToP7b, type ImportInspection } from './inspect-import';
export * from './types';
