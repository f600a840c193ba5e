/**
 * vault/: the API of ARCHITECTURE §4. The UI, the service worker and src/shared import only this
 * file. It is also the composition root (ARCHITECTURE §2): the one place that decides which
 * store a vault opens, here IndexedDB through src/store/.
 */
import { listVaultDatabases, openIdbVaultStore } from '../store';
import { createVaultOpener } from './open-vault';
import type { CertificateVault, OpenVaultOptions } from './types';
import { guard, VaultError } from './vault-error';
import type { BulkImportFile, BulkImportOptions, BulkImportSummary } from './bulk/bulk-types';

/** Every vault is its own IndexedDB database. */
const vaults = createVaultOpener({
  open: (name) => {
    // A private window may disable IndexedDB: say so, rather than fail on a missing global.
    if (typeof indexedDB === 'undefined') {
      return Promise.reject(
        new VaultError(
          'Unsupported',
          'This browser offers no IndexedDB storage (a private window may disable it), so the vault cannot be opened.',
        ),
      );
    }
    return openIdbVaultStore(name);
  },
  list: listVaultDatabases,
});

/** Opens (creating on first use) the vault `name` (default "default"). */
export function openVault(options?: OpenVaultOptions): Promise<CertificateVault> {
  return vaults.openVault(options);
}

/** The names of the vaults in this browser profile, sorted. */
export function listVaults(): Promise<string[]> {
  return vaults.listVaults();
}

/**
 * Many files at once (vault/bulk/): zips opened, one password prompt per distinct password,
 * duplicates skipped, each file an importCertificate of its own; loaded on first use.
 */
export function importCertificates(
  vault: CertificateVault,
  files: BulkImportFile[],
  options: BulkImportOptions,
): Promise<BulkImportSummary> {
  return guard('Importing the files', async () =>
    (await import('./bulk/bulk-import')).importCertificates(vault, files, options),
  );
}

export type {
  BulkImportFile,
  BulkImportOptions,
  BulkImportSummary,
  BulkImported,
  BulkSkipped,
  BulkRefused,
} from './bulk/bulk-types';
export { VaultError, isVaultError, type VaultErrorCode } from './vault-error';
export type { VaultErrorField } from './vault-error';
export { certificateNameProblem } from './names';
export { issuerNameProblem } from './names';
export { vaultNameProblem } from './names';
export { principalNameProblem } from './names';
export {
  CERTIFICATE_PERMISSIONS,
  KEY_PERMISSIONS,
  SECRET_PERMISSIONS,
  PERMISSION_TEMPLATES,
  allPermissions,
} from './access/permissions';
export { MIN_PASSPHRASE_LENGTH } from './access/credential-input';
export { FREE_UNLOCK_TRIES } from './access/unlock-throttle';
export { defaultPolicy, validatePolicy } from './policy';
export { describeCertificate, describeCsr, toPem, type CertificateInfo, type CsrInfo } from './describe';
export { keyOperationsFor, type KeyOperation } from './key-operations';
export { subjectAsOpenssl } from './subject-preview';
export { inspectImport, certificatesToP7b, type ImportInspection } from './inspect-import';
export { policyFromKeyVaultJson } from './policy-json/policy-from-key-vault-json';
export {
  policyToKeyVaultJson,
  type KeyVaultPolicyJson,
  type KeyVaultJsonForm,
  type PolicyToKeyVaultJsonOptions,
} from './policy-json/policy-to-key-vault-json';
export { expiryCalendar, type ExpiryCalendarEntry, type ExpiryCalendarOptions } from './calendar/expiry-calendar';
export { daysUntilExpiry, expiryPhrase } from './lifetime-schedule';
export * from './types';
export { EKU } from '../pki/asn1/oids';
/** The validityInDays a public TLS certificate issued on a date may have without a lint finding (CA/B Forum SC-081). */
export { recommendedValidityDays } from '../pki/lint/validity-rules';
export { watchVaultChanges } from './sync/watch-vault-changes';
export type { VaultChange, VaultChangeKind } from './sync/change-message';
