/**
 * The CertificateVault implementation: a thin dispatcher, one line per method, each wrapped so
 * that only VaultError ever leaves (guard / guardIterable). Logic lives in one file per concern.
 *
 * For other vault files (lifetime actions, issuers, backup…):
 * - `createVersion(ctx, name, options)` in create.ts makes a new self-signed version of an
 *   existing certificate with its policy (what AutoRenew calls).
 * - Add a method here with a one-line str_replace edit; keep this file a dispatcher.
 */
import type {
  BackupCertificateOptions,
  CertificateContact,
  CertificateIssuer,
  CertificateOperation,
  CertificatePolicy,
  CertificateProperties,
  CertificateSecret,
  CertificateVault,
  CreateCertificateOptions,
  CreateIssuerOptions,
  CryptographyClient,
  DeletedCertificate,
  GetCryptographyClientOptions,
  GetSecretOptions,
  ImportCertificateOptions,
  IssuerProperties,
  KeyVaultCertificate,
  KeyVaultCertificateWithPolicy,
  LifetimeEvent,
  ListPropertiesOfCertificatesOptions,
  MergeCertificateOptions,
  RestoreCertificateBackupOptions,
  UpdateCertificatePropertiesOptions,
  UpdateIssuerOptions,
  Bytes,
} from './types';
import type { VaultContext } from './context';
import { guard, guardIterable, VaultError } from './vault-error';

const notYet = (what: string): Promise<never> => Promise.reject(new VaultError('Unsupported', `${what} is not available yet.`));

/** Builds the vault over a context (openVault in open-vault.ts makes the context). */
export function createCertificateVault(ctx: VaultContext): CertificateVault {
  return new LocalCertificateVault(ctx);
}

class LocalCertificateVault implements CertificateVault {
  constructor(private readonly ctx: VaultContext) {}
  get name(): string { return this.ctx.name; }
  get vaultUrl(): string { return this.ctx.vaultUrl; }

  createCertificate(name: string, policy: CertificatePolicy, options?: CreateCertificateOptions): Promise<CertificateOperation> { return guard('Creating the certificate', () => notYet('createCertificate')); }
  getCertificate(name: string): Promise<KeyVaultCertificateWithPolicy> { return guard('Reading the certificate', () => notYet('getCertificate')); }
  getCertificateVersion(name: string, version: string): Promise<KeyVaultCertificate> { return guard('Reading the certificate version', () => notYet('getCertificateVersion')); }
  listPropertiesOfCertificates(options?: ListPropertiesOfCertificatesOptions): AsyncIterable<CertificateProperties> { return guardIterable('Listing certificates', () => notYetIterable()); }
  listPropertiesOfCertificateVersions(name: string): AsyncIterable<CertificateProperties> { return guardIterable('Listing versions', () => notYetIterable()); }
  getCertificatePolicy(name: string): Promise<CertificatePolicy> { return guard('Reading the policy', () => notYet('getCertificatePolicy')); }
  updateCertificatePolicy(name: string, policy: CertificatePolicy): Promise<CertificatePolicy> { return guard('Updating the policy', () => notYet('updateCertificatePolicy')); }
  updateCertificateProperties(name: string, version: string | undefined, options: UpdateCertificatePropertiesOptions): Promise<KeyVaultCertificate> { return guard('Updating the certificate', () => notYet('updateCertificateProperties')); }

  getCertificateOperation(name: string): Promise<CertificateOperation> { return guard('Reading the operation', () => notYet('getCertificateOperation')); }
  cancelCertificateOperation(name: string): Promise<CertificateOperation> { return guard('Cancelling the operation', () => notYet('cancelCertificateOperation')); }
  deleteCertificateOperation(name: string): Promise<CertificateOperation> { return guard('Deleting the operation', () => notYet('deleteCertificateOperation')); }
  mergeCertificate(name: string, x509Certificates: Uint8Array[], options?: MergeCertificateOptions): Promise<KeyVaultCertificateWithPolicy> { return guard('Merging the certificate', () => notYet('mergeCertificate')); }
  importCertificate(name: string, bytes: Uint8Array, options?: ImportCertificateOptions): Promise<KeyVaultCertificateWithPolicy> { return guard('Importing the file', () => notYet('importCertificate')); }

  deleteCertificate(name: string): Promise<DeletedCertificate> { return guard('Deleting the certificate', () => notYet('deleteCertificate')); }
  getDeletedCertificate(name: string): Promise<DeletedCertificate> { return guard('Reading the deleted certificate', () => notYet('getDeletedCertificate')); }
  listDeletedCertificates(): AsyncIterable<DeletedCertificate> { return guardIterable('Listing deleted certificates', () => notYetIterable()); }
  recoverDeletedCertificate(name: string): Promise<KeyVaultCertificateWithPolicy> { return guard('Recovering the certificate', () => notYet('recoverDeletedCertificate')); }
  purgeDeletedCertificate(name: string): Promise<void> { return guard('Purging the certificate', () => notYet('purgeDeletedCertificate')); }

  backupCertificate(name: string, options: BackupCertificateOptions): Promise<Bytes> { return guard('Backing up the certificate', () => notYet('backupCertificate')); }
  restoreCertificateBackup(bytes: Uint8Array, options: RestoreCertificateBackupOptions): Promise<KeyVaultCertificateWithPolicy> { return guard('Restoring the backup', () => notYet('restoreCertificateBackup')); }

  createIssuer(name: string, provider: string, options?: CreateIssuerOptions): Promise<CertificateIssuer> { return guard('Creating the issuer', () => notYet('createIssuer')); }
  getIssuer(name: string): Promise<CertificateIssuer> { return guard('Reading the issuer', () => notYet('getIssuer')); }
  updateIssuer(name: string, options: UpdateIssuerOptions): Promise<CertificateIssuer> { return guard('Updating the issuer', () => notYet('updateIssuer')); }
  deleteIssuer(name: string): Promise<CertificateIssuer> { return guard('Deleting the issuer', () => notYet('deleteIssuer')); }
  listPropertiesOfIssuers(): AsyncIterable<IssuerProperties> { return guardIterable('Listing issuers', () => notYetIterable()); }

  setContacts(contacts: CertificateContact[]): Promise<CertificateContact[]> { return guard('Saving the contacts', () => notYet('setContacts')); }
  getContacts(): Promise<CertificateContact[]> { return guard('Reading the contacts', () => notYet('getContacts')); }
  deleteContacts(): Promise<CertificateContact[]> { return guard('Deleting the contacts', () => notYet('deleteContacts')); }

  getSecret(name: string, options?: GetSecretOptions): Promise<CertificateSecret> { return guard('Exporting the certificate', () => notYet('getSecret')); }
  getCryptographyClient(name: string, options?: GetCryptographyClientOptions): Promise<CryptographyClient> { return guard('Opening the key', () => notYet('getCryptographyClient')); }
  runLifetimeActions(): Promise<LifetimeEvent[]> { return guard('Running lifetime actions', () => notYet('runLifetimeActions')); }
  close(): void { this.ctx.store.close(); }
}

// eslint-disable-next-line require-yield
async function* notYetIterable(): AsyncIterable<never> {
  throw new VaultError('Unsupported', 'This listing is not available yet.');
}
