/**
 * The vault's public shapes. Names follow @azure/keyvault-certificates so code written against
 * the SDK reads the same here (ARCHITECTURE §3, §4). Fields the SDK marks optional are required here
 * whenever the vault always fills them; additions beyond the SDK are marked "Certkeep:".
 */
import type { Bytes, SubjectAlternativeNames } from '../pki/types';
import type { CertificatePolicy, CertificatePolicyAction, CertificatePolicyPatch } from './policy-types';

export type { Bytes, SubjectAlternativeNames };
export * from './policy-types';
export * from './ca/ca-types';
import type {
  GetCrlOptions,
  IssuedCertificate,
  RevokeCertificateOptions,
  SignCertificateRequestOptions,
  SignedCertificate,
} from './ca/ca-types';
export * from './access-types';
export * from './lint-types';
import type { LintCertificateRequestOptions, LintFinding, LintOptions, LintSummary } from './lint-types';
export * from './trust/trust-types';
import type { CertificateChain, GetCertificateChainOptions, TrustAnchor } from './trust/trust-types';

/** Attributes and identity of one version (or of the certificate's latest version). */
export interface CertificateProperties {
  /** https://<vault>.vault.local/certificates/<name>/<version> (no version for a pending-only certificate) */
  id: string;
  name: string;
  /** 32 lowercase hex; undefined only for a pending certificate that has no version yet */
  version?: string;
  vaultUrl: string;
  enabled: boolean;
  notBefore?: Date;
  expiresOn?: Date;
  createdOn: Date;
  updatedOn: Date;
  tags: Record<string, string>;
  /** Key Vault's soft-delete retention: always 90 days here */
  recoverableDays: number;
  recoveryLevel: 'Recoverable';
  /** SHA-1 of the DER (Azure's x5t) */
  x509Thumbprint?: Bytes;
  /** the same as uppercase hex, as the SDK's x509ThumbprintString */
  x509ThumbprintString?: string;
  /** Certkeep: SHA-256 of the DER, uppercase hex */
  sha256Fingerprint?: string;
  /** Certkeep: the certificate's subject (RFC 4514), so a list needs no parsing; the policy's while pending */
  subject?: string;
  /** Certkeep: true for a listed certificate that only has a pending operation (includePending) */
  pending?: boolean;
  /** Certkeep: the policy's issuer ("Self", "Unknown" or an issuer's name), so a list needs no policy fetch */
  issuerName?: string;
  /** Certkeep: the policy's key as a list shows it: "RSA 2048", "RSA-HSM 3072", "EC P-256" */
  keyDescription?: string;
  /** Certkeep: the version's lint findings counted by severity when it was stored (ARCHITECTURE §8 "Lint"); absent for versions stored before lint */
  lintSummary?: LintSummary;
  /**
   * Certkeep: the certificate's revision (one for all its versions and its policy), one more at
   * every change; give it back as `ifMatch` to save only if nothing changed meanwhile (ARCHITECTURE §9).
   */
  revision?: number;
}

export interface KeyVaultCertificate {
  id: string;
  name: string;
  /** https://<vault>.vault.local/keys/<name>/<version> */
  keyId: string;
  /** https://<vault>.vault.local/secrets/<name>/<version> */
  secretId: string;
  /** the X.509 certificate, DER */
  cer: Bytes;
  properties: CertificateProperties;
  /** Certkeep: the chain as merged/imported, leaf first (unless the order was preserved), DER each */
  chain: Bytes[];
  /** Certkeep: the policy said exportable when this version's key was made or imported */
  keyExportable: boolean;
  /** Certkeep: false when the key is not in this browser (restored from a backup of a non-extractable key) */
  keyIncluded: boolean;
  /** Certkeep: what protects this version's private key at rest (ARCHITECTURE §8 "Access") */
  keyProtection: KeyProtection;
}

export interface KeyVaultCertificateWithPolicy extends KeyVaultCertificate {
  policy: CertificatePolicy;
}

export type CertificateOperationStatus = 'inProgress' | 'completed' | 'failed' | 'cancelled';

export interface CertificateOperationError {
  code: string;
  message: string;
}

export interface CertificateOperation {
  /** https://<vault>.vault.local/certificates/<name>/pending */
  id: string;
  name: string;
  vaultUrl: string;
  issuerName: string;
  /** PKCS#10 DER; present while the certificate waits for a merge */
  csr?: Bytes;
  cancellationRequested: boolean;
  status: CertificateOperationStatus;
  statusDetails: string;
  error?: CertificateOperationError;
  /** the certificate id the operation produces */
  target: string;
  requestId: string;
  certificateType?: string;
  certificateTransparency?: boolean;
}

export interface AdministratorContact {
  firstName?: string;
  lastName?: string;
  email?: string;
  phone?: string;
}

export interface IssuerProperties {
  /** https://<vault>.vault.local/certificates/issuers/<name> */
  id: string;
  name: string;
  provider: string;
}

export interface CertificateIssuer {
  id: string;
  name: string;
  provider: string;
  accountId?: string;
  password?: string;
  organizationId?: string;
  administratorContacts?: AdministratorContact[];
  enabled: boolean;
  createdOn: Date;
  updatedOn: Date;
  properties: IssuerProperties;
  /** Certkeep: provider "Local", the vault certificate that is the CA */
  certificateName?: string;
}

export interface CreateIssuerOptions {
  accountId?: string;
  password?: string;
  organizationId?: string;
  administratorContacts?: AdministratorContact[];
  enabled?: boolean;
  /** Certkeep: provider "Local": a vault CA certificate (basicConstraints cA, keyCertSign) whose key is here */
  certificateName?: string;
}

export interface UpdateIssuerOptions extends CreateIssuerOptions {
  provider?: string;
}

/** Vault-wide contacts that EmailContacts lifetime actions notify. */
export interface CertificateContact {
  email?: string;
  name?: string;
  phone?: string;
}

/** Certkeep: options of setContacts. */
export interface SetContactsOptions {
  /**
   * The contacts as shown before editing ([] for none): when the stored list differs (another
   * tab saved in between), the save is refused (code Changed) and nothing changes.
   */
  ifUnchanged?: CertificateContact[];
}

export interface DeletedCertificate extends KeyVaultCertificateWithPolicy {
  /** https://<vault>.vault.local/deletedcertificates/<name> */
  recoveryId: string;
  deletedOn: Date;
  /** deletedOn + 90 days */
  scheduledPurgeDate: Date;
}

/** What runLifetimeActions found due. */
export type LifetimeEventKind = 'notify' | 'renewed' | 'renewalFailed';

export interface LifetimeEvent {
  kind: LifetimeEventKind;
  certificateName: string;
  vaultName: string;
  /** the version whose lifetime action fell due */
  version: string;
  /** 'renewed': the new version */
  newVersion?: string;
  /** SHA-1 hex of the due version */
  x509ThumbprintString: string;
  newX509ThumbprintString?: string;
  /** when the action fell due (percentage of lifetime or days before expiry) */
  dueOn: Date;
  expiresOn: Date;
  /** the vault's contacts at the time (EmailContacts) */
  contacts: CertificateContact[];
  /** one sentence a person can read in a notification */
  message: string;
  /** Certkeep: the policy's issuer; "Self" → the UI may offer "Renew now" */
  issuerName: string;
  /** Certkeep: the lifetime action that fell due */
  action: CertificatePolicyAction;
  /** Certkeep: whole days from the run to expiresOn, rounded down; negative once expired */
  daysLeft: number;
  /** Certkeep: 'renewalFailed' only, why the renewal failed (the VaultError's message) */
  error?: string;
}

export * from './option-types';
export * from './list-types';
import type { CertificateListQuery, CertificateListView } from './list-types';
import type {
  CreateCertificateOptions,
  ImportCertificateOptions,
  MergeCertificateOptions,
  UpdateCertificatePropertiesOptions,
  UpdateCertificatePolicyOptions,
  ListPropertiesOfCertificatesOptions,
  GetSecretOptions,
  CertificateSecret,
  BackupCertificateOptions,
  RestoreCertificateBackupOptions,
  GetCryptographyClientOptions,
} from './option-types';
export * from './cryptography-types';
import type { CryptographyClient } from './cryptography-types';
import type { KeyProtection, VaultAccessControl } from './access-types';

export interface OpenVaultOptions {
  /** default "default"; `^[0-9a-zA-Z-]{1,63}$` */
  name?: string;
  /** the clock; tests move it */
  now?: () => Date;
}

/**
 * ARCHITECTURE §4. Every method rejects only with VaultError. In a protected vault every method
 * but getAccessState, unlock, lock, protect and runLifetimeActions rejects with `Locked` until
 * unlock(), and with `Forbidden` (naming the permission) outside the principal's permissions
 * (ARCHITECTURE §8 "Access"; the table is access/permissions.ts).
 */
export interface CertificateVault extends VaultAccessControl {
  readonly name: string;
  /** https://<name>.vault.local */
  readonly vaultUrl: string;

  createCertificate(
    name: string,
    policy: CertificatePolicy,
    options?: CreateCertificateOptions,
  ): Promise<CertificateOperation>;
  getCertificate(name: string): Promise<KeyVaultCertificateWithPolicy>;
  getCertificateVersion(name: string, version: string): Promise<KeyVaultCertificate>;
  listPropertiesOfCertificates(options?: ListPropertiesOfCertificatesOptions): AsyncIterable<CertificateProperties>;
  /**
   * Certkeep: the certificate list searched and sorted in memory from the stored list index
   * (pending certificates included), for a screen that shows 100 000 certificates at once.
   */
  queryCertificates(query?: CertificateListQuery): Promise<CertificateListView>;
  listPropertiesOfCertificateVersions(name: string): AsyncIterable<CertificateProperties>;
  getCertificatePolicy(name: string): Promise<CertificatePolicy>;
  /** Certkeep: `null` removes validityInDays, basicConstraints or nameConstraints (CertificatePolicyPatch). */
  updateCertificatePolicy(
    name: string,
    policy: CertificatePolicyPatch,
    options?: UpdateCertificatePolicyOptions,
  ): Promise<CertificatePolicy>;
  /** version '' or undefined = the latest, as the SDK */
  updateCertificateProperties(
    name: string,
    version: string | undefined,
    options: UpdateCertificatePropertiesOptions,
  ): Promise<KeyVaultCertificate>;

  getCertificateOperation(name: string): Promise<CertificateOperation>;
  cancelCertificateOperation(name: string): Promise<CertificateOperation>;
  deleteCertificateOperation(name: string): Promise<CertificateOperation>;
  mergeCertificate(
    name: string,
    x509Certificates: Uint8Array[],
    options?: MergeCertificateOptions,
  ): Promise<KeyVaultCertificateWithPolicy>;
  importCertificate(
    name: string,
    bytes: Uint8Array,
    options?: ImportCertificateOptions,
  ): Promise<KeyVaultCertificateWithPolicy>;

  deleteCertificate(name: string): Promise<DeletedCertificate>;
  getDeletedCertificate(name: string): Promise<DeletedCertificate>;
  listDeletedCertificates(): AsyncIterable<DeletedCertificate>;
  recoverDeletedCertificate(name: string): Promise<KeyVaultCertificateWithPolicy>;
  purgeDeletedCertificate(name: string): Promise<void>;

  backupCertificate(name: string, options: BackupCertificateOptions): Promise<Bytes>;
  restoreCertificateBackup(
    bytes: Uint8Array,
    options: RestoreCertificateBackupOptions,
  ): Promise<KeyVaultCertificateWithPolicy>;

  createIssuer(name: string, provider: string, options?: CreateIssuerOptions): Promise<CertificateIssuer>;
  getIssuer(name: string): Promise<CertificateIssuer>;
  updateIssuer(name: string, options: UpdateIssuerOptions): Promise<CertificateIssuer>;
  deleteIssuer(name: string): Promise<CertificateIssuer>;
  listPropertiesOfIssuers(): AsyncIterable<IssuerProperties>;

  setContacts(contacts: CertificateContact[], options?: SetContactsOptions): Promise<CertificateContact[]>;
  getContacts(): Promise<CertificateContact[]>;
  deleteContacts(): Promise<CertificateContact[]>;

  getSecret(name: string, options?: GetSecretOptions): Promise<CertificateSecret>;
  getCryptographyClient(name: string, options?: GetCryptographyClientOptions): Promise<CryptographyClient>;
  runLifetimeActions(): Promise<LifetimeEvent[]>;

  /** Certkeep (ARCHITECTURE §8 "Local CA"): a Local issuer signs a PKCS#10 request (DER or PEM). */
  signCertificateRequest(
    issuerName: string,
    csr: Uint8Array,
    options?: SignCertificateRequestOptions,
  ): Promise<SignedCertificate>;
  /** Certkeep: what the Local issuer's CA signed, in serial order. */
  listIssuedCertificates(issuerName: string): AsyncIterable<IssuedCertificate>;
  /** Certkeep: marks an issued certificate revoked; the next getCrl lists it. */
  revokeCertificate(
    issuerName: string,
    serialNumber: string,
    options?: RevokeCertificateOptions,
  ): Promise<IssuedCertificate>;
  /** Certkeep: a new CRL (DER) of the Local issuer's CA, with the next CRL number. */
  getCrl(issuerName: string, options?: GetCrlOptions): Promise<Bytes>;
  /**
   * Certkeep (ARCHITECTURE §8 "Lint"): what the CA/B Forum BRs and RFC 5280 say about the
   * certificate `policy` would yield if issued at `now`. Reads nothing but whether the policy's
   * issuer is a Local CA.
   */
  lintPolicy(policy: CertificatePolicy, options?: LintOptions): Promise<LintFinding[]>;
  /** Certkeep: the findings for the certificate a CA would make of `csr` (PEM or DER), under `policy` when given. */
  lintCertificateRequest(csr: Uint8Array, options?: LintCertificateRequestOptions): Promise<LintFinding[]>;
  /** Certkeep: the findings for a certificate (PEM or DER; the first of several), judged at its notBefore. */
  lintCertificate(bytes: Uint8Array, options?: LintOptions): Promise<LintFinding[]>;
  /**
   * Certkeep (ARCHITECTURE §8 "Chains and trust anchors"): the path from a version through its
   * chain, other vault certificates and the trust anchors, checked, with what fails and why.
   */
  getCertificateChain(name: string, options?: GetCertificateChainOptions): Promise<CertificateChain>;
  /** Certkeep: trusts a CA or self-signed certificate (PEM or DER) as the end of chains; adding one twice returns it. */
  addTrustAnchor(bytes: Uint8Array): Promise<TrustAnchor>;
  /** Certkeep: the trust anchors, by subject. */
  listTrustAnchors(): Promise<TrustAnchor[]>;
  /** Certkeep: stops trusting the anchor with this SHA-256 (hex, colons and case ignored). */
  removeTrustAnchor(sha256: string): Promise<void>;
  /** Locks and closes the vault's database connection. */
  close(): void;
}
