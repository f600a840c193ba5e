/**
 * vault/: the API of ARCHITECTURE §4. The UI and the service worker import only this file.
 */
export { openVault, listVaults } from './open-vault';
export { VaultError, isVaultError, type VaultErrorCode } from './vault-error';
export { defaultPolicy, validatePolicy } from './policy';
export { describeCertificate, describeCsr, toPem, type CertificateInfo, type CsrInfo } from './describe';
export { keyOperationsFor, type KeyOperation } from './key-operations';
export { inspectImport, certificatesToP7b, type ImportInspection } from './inspect-import';
export { policyFromKeyVaultJson } from './policy-json/policy-from-key-vault-json';
export {
  policyToKeyVaultJson,
  type KeyVaultPolicyJson,
  type KeyVaultJsonForm,
  type PolicyToKeyVaultJsonOptions,
} from './policy-json/policy-to-key-vault-json';
export { expiryCalendar, type ExpiryCalendarEntry, type ExpiryCalendarOptions } from './calendar/expiry-calendar';
export * from './types';
