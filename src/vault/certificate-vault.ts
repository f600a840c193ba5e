/**
 * The CertificateVault implementation: a thin dispatcher, one line per method, each wrapped so
 * that only VaultError ever leaves (guard / guardIterable). Logic lives in one file per concern.
 *
 * Reading and listing need only stored metadata, so their modules are imported here; every
 * module that needs the PKI libraries (pkijs, @peculiar/x509, asn1js) is loaded on first use
 * (see `onDemand`), so opening and listing a vault never fetches them.
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
import {
  deleteCertificate,
  getDeletedCertificate,
  listDeletedCertificates,
  purgeDeletedCertificate,
  recoverDeletedCertificate,
} from './deleted';
import { cancelCertificateOperation, deleteCertificateOperation, getCertificateOperation } from './operations';
import * as issuers from './issuers';
import * as contactBook from './contacts';
import { runLifetimeActions } from './lifetime-actions';
import {
  getCertificate,
  getCertificatePolicy,
  getCertificateVersion,
  listPropertiesOfCertificates,
  listPropertiesOfCertificateVersions,
  updateCertificateProperties,
} from './versions';
import { guard, guardIterable } from './vault-error';

/** Modules that need the PKI libraries, each fetched once on first use. */
const onDemand = {
  create: () => import('./create'),
  import: () => import('./import'),
  merge: () => import('./merge'),
  updatePolicy: () => import('./update-policy'),
  secret: () => import('./secret'),
  cryptoClient: () => import('./crypto-client'),
  backup: () => import('./backup'),
};

/** Builds the vault over a context (openVault in open-vault.ts makes the context). */
export function createCertificateVault(ctx: VaultContext): CertificateVault {
  return new LocalCertificateVault(ctx);
}

class LocalCertificateVault implements CertificateVault {
  constructor(private readonly ctx: VaultContext) {}
  get name(): string {
    return this.ctx.name;
  }
  get vaultUrl(): string {
    return this.ctx.vaultUrl;
  }

  createCertificate(
    name: string,
    policy: CertificatePolicy,
    options?: CreateCertificateOptions,
  ): Promise<CertificateOperation> {
    return guard('Creating the certificate', async () =>
      (await onDemand.create()).createCertificate(this.ctx, name, policy, options),
    );
  }
  getCertificate(name: string): Promise<KeyVaultCertificateWithPolicy> {
    return guard('Reading the certificate', () => getCertificate(this.ctx, name));
  }
  getCertificateVersion(name: string, version: string): Promise<KeyVaultCertificate> {
    return guard('Reading the certificate version', () => getCertificateVersion(this.ctx, name, version));
  }
  listPropertiesOfCertificates(options?: ListPropertiesOfCertificatesOptions): AsyncIterable<CertificateProperties> {
    return guardIterable('Listing certificates', () => listPropertiesOfCertificates(this.ctx, options));
  }
  listPropertiesOfCertificateVersions(name: string): AsyncIterable<CertificateProperties> {
    return guardIterable('Listing versions', () => listPropertiesOfCertificateVersions(this.ctx, name));
  }
  getCertificatePolicy(name: string): Promise<CertificatePolicy> {
    return guard('Reading the policy', () => getCertificatePolicy(this.ctx, name));
  }
  updateCertificatePolicy(name: string, policy: CertificatePolicy): Promise<CertificatePolicy> {
    return guard('Updating the policy', async () =>
      (await onDemand.updatePolicy()).updateCertificatePolicy(this.ctx, name, policy),
    );
  }
  updateCertificateProperties(
    name: string,
    version: string | undefined,
    options: UpdateCertificatePropertiesOptions,
  ): Promise<KeyVaultCertificate> {
    return guard('Updating the certificate', () => updateCertificateProperties(this.ctx, name, version, options));
  }

  getCertificateOperation(name: string): Promise<CertificateOperation> {
    return guard('Reading the operation', () => getCertificateOperation(this.ctx, name));
  }
  cancelCertificateOperation(name: string): Promise<CertificateOperation> {
    return guard('Cancelling the operation', () => cancelCertificateOperation(this.ctx, name));
  }
  deleteCertificateOperation(name: string): Promise<CertificateOperation> {
    return guard('Deleting the operation', () => deleteCertificateOperation(this.ctx, name));
  }
  mergeCertificate(
    name: string,
    x509Certificates: Uint8Array[],
    options?: MergeCertificateOptions,
  ): Promise<KeyVaultCertificateWithPolicy> {
    return guard('Merging the certificate', async () =>
      (await onDemand.merge()).mergeCertificate(this.ctx, name, x509Certificates, options),
    );
  }
  importCertificate(
    name: string,
    bytes: Uint8Array,
    options?: ImportCertificateOptions,
  ): Promise<KeyVaultCertificateWithPolicy> {
    return guard('Importing the file', async () =>
      (await onDemand.import()).importCertificate(this.ctx, name, bytes, options),
    );
  }

  deleteCertificate(name: string): Promise<DeletedCertificate> {
    return guard('Deleting the certificate', () => deleteCertificate(this.ctx, name));
  }
  getDeletedCertificate(name: string): Promise<DeletedCertificate> {
    return guard('Reading the deleted certificate', () => getDeletedCertificate(this.ctx, name));
  }
  listDeletedCertificates(): AsyncIterable<DeletedCertificate> {
    return guardIterable('Listing deleted certificates', () => listDeletedCertificates(this.ctx));
  }
  recoverDeletedCertificate(name: string): Promise<KeyVaultCertificateWithPolicy> {
    return guard('Recovering the certificate', () => recoverDeletedCertificate(this.ctx, name));
  }
  purgeDeletedCertificate(name: string): Promise<void> {
    return guard('Purging the certificate', () => purgeDeletedCertificate(this.ctx, name));
  }

  backupCertificate(name: string, options: BackupCertificateOptions): Promise<Bytes> {
    return guard('Backing up the certificate', async () =>
      (await onDemand.backup()).backupCertificate(this.ctx, name, options),
    );
  }
  restoreCertificateBackup(
    bytes: Uint8Array,
    options: RestoreCertificateBackupOptions,
  ): Promise<KeyVaultCertificateWithPolicy> {
    return guard('Restoring the backup', async () =>
      (await onDemand.backup()).restoreCertificateBackup(this.ctx, bytes, options),
    );
  }

  createIssuer(name: string, provider: string, options?: CreateIssuerOptions): Promise<CertificateIssuer> {
    return guard('Creating the issuer', () => issuers.createIssuer(this.ctx, name, provider, options));
  }
  getIssuer(name: string): Promise<CertificateIssuer> {
    return guard('Reading the issuer', () => issuers.getIssuer(this.ctx, name));
  }
  updateIssuer(name: string, options: UpdateIssuerOptions): Promise<CertificateIssuer> {
    return guard('Updating the issuer', () => issuers.updateIssuer(this.ctx, name, options));
  }
  deleteIssuer(name: string): Promise<CertificateIssuer> {
    return guard('Deleting the issuer', () => issuers.deleteIssuer(this.ctx, name));
  }
  listPropertiesOfIssuers(): AsyncIterable<IssuerProperties> {
    return guardIterable('Listing issuers', () => issuers.listPropertiesOfIssuers(this.ctx));
  }

  setContacts(contacts: CertificateContact[]): Promise<CertificateContact[]> {
    return guard('Saving the contacts', () => contactBook.setContacts(this.ctx, contacts));
  }
  getContacts(): Promise<CertificateContact[]> {
    return guard('Reading the contacts', () => contactBook.getContacts(this.ctx));
  }
  deleteContacts(): Promise<CertificateContact[]> {
    return guard('Deleting the contacts', () => contactBook.deleteContacts(this.ctx));
  }

  getSecret(name: string, options?: GetSecretOptions): Promise<CertificateSecret> {
    return guard('Exporting the certificate', async () => (await onDemand.secret()).getSecret(this.ctx, name, options));
  }
  getCryptographyClient(name: string, options?: GetCryptographyClientOptions): Promise<CryptographyClient> {
    return guard('Opening the key', async () =>
      (await onDemand.cryptoClient()).getCryptographyClient(this.ctx, name, options),
    );
  }
  runLifetimeActions(): Promise<LifetimeEvent[]> {
    return guard('Running lifetime actions', () => runLifetimeActions(this.ctx));
  }
  close(): void {
    this.ctx.store.close();
  }
}
