/**
 * vault/: the API of ARCHITECTURE §4. The UI, the service worker and src/shared import only this
 * file, or its light part light-entry.ts where the PKI libraries must not load yet (the
 * Certificates list's first paint, ARCHITECTURE §2); everything light-entry.ts exports is here too.
 */
import type { CertificateVault } from './types';
import { guard } from './vault-error';
import type { BulkImportFile, BulkImportOptions, BulkImportSummary } from './bulk/bulk-types';

export * from './light-entry';

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
export { defaultPolicy, validatePolicy } from './policy';
export { describeCertificate, describeCsr, toPem, type CertificateInfo, type CsrInfo } from './describe';
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
/** The validityInDays a public TLS certificate issued on a date may have without a lint finding (CA/B Forum SC-081). */
export { recommendedValidityDays } from '../pki/lint/validity-rules';
