/**
 * The storage the vault needs (ARCHITECTURE §2: vault → store through an interface the vault
 * defines). src/store/ implements it with IndexedDB; tests may wrap it to inject failures.
 *
 * Rule of use: do every WebCrypto / pki step BEFORE `write()`, then make all changes in one
 * `write()` callback that awaits nothing but `tx` calls. IndexedDB commits a transaction as
 * soon as it has no pending request at the end of a task, so any other await (crypto,
 * timers) would commit half the change. If the callback throws, the transaction is aborted
 * and nothing it wrote is kept.
 */
import type { LintSummary } from '../pki/lint/types';
import type {
  AdministratorContact,
  RevocationReason,
  CertificateContact,
  CertificateOperationError,
  CertificateOperationStatus,
  CertificatePolicy,
  LifetimeEvent,
} from './types';
import type { Bytes, KeySpec } from '../pki/types';
import type { AccessRecord, AuditRecord, SealedKey } from './access/access-store';
import type { KeyProtection } from './access-types';

/** One row per certificate name, keyed by the lowercase name (names are case-insensitive). */
export interface CertificateRecord {
  key: string;
  /** as first written */
  name: string;
  policy: CertificatePolicy;
  createdOn: Date;
  updatedOn: Date;
  /** denormalised copy of the latest version (listing 10 000 certificates reads only this store) */
  latest?: VersionSummary;
  /** how many versions exist; the next version's ordinal */
  versionCount: number;
  /**
   * Lifetime schedule (lifetime-due-index.ts sets both on every put through the vault's store):
   * when runLifetimeActions must next look at this row (Infinity = never; indexed, schema v3),
   * so a run reads only the rows that are due instead of all of them.
   */
  nextDueMs?: number;
  /** "lifetime action <id> was handled; look again at nextMs" (a hint, the lifetime index in meta decides). */
  lifetimeSeen?: { id: string; nextMs: number };
  /**
   * One more at every change a person can see (sync/revision.ts): saves that name the revision
   * they showed (`ifMatch`) are refused when it moved. Absent on rows written before = 0.
   */
  revision?: number;
}

/** The attributes of a version that a list shows. */
export interface VersionSummary {
  version: string;
  /** creation order within the certificate (0, 1, …): "newest first" without comparing dates */
  ordinal: number;
  enabled: boolean;
  notBefore: Date;
  expiresOn: Date;
  createdOn: Date;
  updatedOn: Date;
  tags: Record<string, string>;
  /** SHA-1 of the DER, uppercase hex */
  x509Thumbprint: string;
  /** SHA-256 of the DER, uppercase hex */
  sha256Fingerprint: string;
  subject: string;
  /** lint findings counted by severity when the version was stored (ARCHITECTURE §8 "Lint"); absent before lint existed */
  lint?: LintSummary;
}

export interface VersionRecord extends VersionSummary {
  /** lowercase certificate name */
  certificateKey: string;
  cer: Bytes;
  /** leaf first unless the order was preserved; includes `cer` */
  chain: Bytes[];
  /** the keys store row; undefined when the key is not in this browser */
  keyId?: string;
  keyExportable: boolean;
  /** what protects the key at rest (a copy of the key row's form; absent before schema v4 = 'none') */
  keyProtection?: KeyProtection;
}

/**
 * A key pair, in one of three at-rest forms (access/key-access.ts decides which): CryptoKeys
 * (structured-cloneable, so a non-extractable key is stored as is) in an unprotected vault;
 * `sealed` PKCS#8 and no CryptoKey in a protected one; CryptoKeys marked `deviceBound` for a
 * protected vault's non-extractable browser keys (HSM kinds, keys older than the protection).
 */
export interface KeyRecord {
  id: string;
  certificateKey: string;
  privateKey?: CryptoKey;
  publicKey?: CryptoKey;
  /** protected vaults: the PKCS#8 encrypted (schema v4) */
  sealed?: SealedKey;
  /** protected vaults: a non-extractable browser key, kept as a CryptoKey (schema v4) */
  deviceBound?: true;
  spec: KeySpec;
  exportable: boolean;
  /** SPKI DER of the public key (to match certificates without exporting anything) */
  spki: Bytes;
  /** true once a certificate has been merged for it: a CSR's key is used once unless reuseKey */
  merged: boolean;
}

export interface OperationRecord {
  /** lowercase certificate name */
  key: string;
  name: string;
  issuerName: string;
  csr?: Bytes;
  /** the pending key pair */
  keyId: string;
  cancellationRequested: boolean;
  status: CertificateOperationStatus;
  statusDetails: string;
  error?: CertificateOperationError;
  requestId: string;
  /** the policy the request was made with (becomes the certificate's policy on first merge) */
  policy: CertificatePolicy;
  /** attributes for the version the merge creates */
  enabled: boolean;
  tags: Record<string, string>;
  createdOn: Date;
  updatedOn: Date;
}

/** A soft-deleted certificate with everything it had, until purged. */
export interface DeletedRecord {
  key: string;
  name: string;
  deletedOn: Date;
  scheduledPurgeDate: Date;
  certificate: CertificateRecord;
  versions: VersionRecord[];
  keys: KeyRecord[];
  operation?: OperationRecord;
  /** a CA's issued-certificates log and CRL state (schema v5), kept so recover brings them back */
  issued?: IssuedRecord[];
  caState?: CaStateRecord;
}

export interface IssuerRecord {
  /** lowercase issuer name */
  key: string;
  name: string;
  provider: string;
  accountId?: string;
  organizationId?: string;
  administratorContacts?: AdministratorContact[];
  /**
   * The password / API key, AES-GCM: under the vault key (meta "vaultKey") in an unprotected
   * vault; under the master key (`form: 'mk'`) in a protected one.
   */
  encryptedPassword?: { iv: Bytes; data: Bytes; form?: 'mk' };
  /** provider "Local": the vault certificate that is the CA, as its name was given */
  certificateName?: string;
  enabled: boolean;
  createdOn: Date;
  updatedOn: Date;
}

/** Vault-wide key/value rows: "vaultKey" (non-extractable AES-GCM CryptoKey), "contacts", lifetime state. */
export interface MetaRecord {
  key: string;
  value: unknown;
}

/** One lifetime action that fired; `id` makes runLifetimeActions idempotent (e.g. "name/version/action"). */
export interface LifetimeLogRecord {
  id: string;
  certificateKey: string;
  at: Date;
  event: LifetimeEvent;
}

/**
 * One certificate a local CA signed (schema v5). The log belongs to the CA certificate, not to
 * an issuer record: every issuer naming that certificate shares it, and delete, recover and
 * backup of the CA carry it (ARCHITECTURE §8 "Local CA").
 */
export interface IssuedRecord {
  /** lowercase name of the CA certificate */
  caKey: string;
  /** uppercase hex as openssl prints it; unique per CA */
  serialNumber: string;
  subject: string;
  notBefore: Date;
  notAfter: Date;
  issuedOn: Date;
  /** the vault certificate it was made for (create, renewal); undefined for a signed request */
  certificateName?: string;
  certificateVersion?: string;
  /** the CA version that signed it */
  caVersion: string;
  cer: Bytes;
  sha256Fingerprint: string;
  revocation?: { revokedOn: Date; reason: RevocationReason };
}

/** A CA's CRL state (schema v5): the last CRL number given out, so the next one is greater. */
export interface CaStateRecord {
  /** lowercase name of the CA certificate */
  caKey: string;
  crlNumber: number;
  lastCrlOn?: Date;
}

/** The error name a store throws once its database was deleted under it (storage-lost.ts). */
export { STORAGE_LOST_ERROR } from './storage-lost';

/** A trust anchor (schema v6): vault-wide, like issuers and contacts, so not in certificate backups. */
export interface TrustAnchorRecord {
  /** SHA-256 of the DER, uppercase hex */
  sha256: string;
  cer: Bytes;
  subject: string;
  issuer: string;
  notBefore: Date;
  expiresOn: Date;
  selfSigned: boolean;
  addedOn: Date;
}

/**
 * One bucket of the certificate list index (schema v7, list-index/): the list lines of the
 * certificates whose name hashes to `bucket`, one per line, text and meta in the same order.
 * A certificate write rewrites one bucket; opening the list reads every bucket (a few dozen
 * strings, not one record per certificate).
 */
export interface ListIndexBucketRecord {
  bucket: number;
  /** searched fields, one certificate a line (list-index/list-line.ts) */
  text: string;
  /** shown and sorted fields, one certificate a line, in the order of `text` */
  meta: string;
}

/** Contacts are one row in the contacts store under this key. */
export const CONTACTS_KEY = 'contacts';
type ContactsRecord = { key: typeof CONTACTS_KEY; contacts: CertificateContact[] };

/**
 * Store name → key and value types: the one declaration of what a vault stores. store/schema.ts
 * derives IndexedDB's schema from it; the vault and its tests read and write through it.
 */
export interface VaultStoreMap {
  certificates: { key: string; value: CertificateRecord };
  versions: { key: [string, string]; value: VersionRecord };
  keys: { key: string; value: KeyRecord };
  operations: { key: string; value: OperationRecord };
  deleted: { key: string; value: DeletedRecord };
  issuers: { key: string; value: IssuerRecord };
  contacts: { key: string; value: ContactsRecord };
  meta: { key: string; value: MetaRecord };
  lifetimeLog: { key: string; value: LifetimeLogRecord };
  /** v4: one row per principal of a protected vault */
  access: { key: string; value: AccessRecord };
  /** v4: append-only, by seq */
  audit: { key: number; value: AuditRecord };
  issued: { key: [string, string]; value: IssuedRecord };
  caStates: { key: string; value: CaStateRecord };
  /** v6: the vault's trust anchors, by SHA-256 */
  trustAnchors: { key: string; value: TrustAnchorRecord };
  /** v7: the certificate list index, by bucket */
  listIndex: { key: number; value: ListIndexBucketRecord };
}

export type StoreName = keyof VaultStoreMap;
export type StoreKey<S extends StoreName> = VaultStoreMap[S]['key'];
export type StoreValue<S extends StoreName> = VaultStoreMap[S]['value'];

/** Each store by name; the mapped type makes a store missing here, or one not in the map, a compile error. */
const STORES: { readonly [S in StoreName]: S } = {
  certificates: 'certificates',
  versions: 'versions',
  keys: 'keys',
  operations: 'operations',
  deleted: 'deleted',
  issuers: 'issuers',
  contacts: 'contacts',
  meta: 'meta',
  lifetimeLog: 'lifetimeLog',
  access: 'access',
  audit: 'audit',
  issued: 'issued',
  caStates: 'caStates',
  trustAnchors: 'trustAnchors',
  listIndex: 'listIndex',
};

/** Every store of VaultStoreMap, once: the scope of each transaction, and what a dump of a vault reads. */
export const STORE_NAMES: readonly StoreName[] = Object.values(STORES);

/** Inside one transaction. Only await these calls in a `write()` callback. */
export interface StoreTx {
  get<S extends StoreName>(store: S, key: StoreKey<S>): Promise<StoreValue<S> | undefined>;
  put<S extends StoreName>(store: S, value: StoreValue<S>): Promise<void>;
  delete<S extends StoreName>(store: S, key: StoreKey<S>): Promise<void>;
  /** In key order; `after` = exclusive lower bound (paging), `count` = page size. */
  getAll<S extends StoreName>(store: S, options?: { after?: StoreKey<S>; count?: number }): Promise<StoreValue<S>[]>;
  count(store: StoreName): Promise<number>;
  /** Every version of one certificate (index on certificateKey), in no particular order. */
  versionsOf(certificateKey: string): Promise<VersionRecord[]>;
  /** Every key row of one certificate (index on certificateKey). */
  keysOf(certificateKey: string): Promise<KeyRecord[]>;
  /** Lifetime log rows of one certificate (index on certificateKey). */
  lifetimeLogOf(certificateKey: string): Promise<LifetimeLogRecord[]>;
  /** The issued-certificates log of one CA certificate (index byCa, schema v5), in serial order. */
  issuedBy(caKey: string): Promise<IssuedRecord[]>;
  /** Certificate rows whose nextDueMs ≤ ms (index byNextDue, schema v3), and ≥ fromMs when given. */
  certificatesDueBy(ms: number, fromMs?: number): Promise<CertificateRecord[]>;
  /** How many certificate rows carry a nextDueMs (all of them, unless written around the vault). */
  countScheduledCertificates(): Promise<number>;
}

export interface VaultStore {
  /** The vault's name (its database is `certkeep-vault:<name>`). */
  readonly name: string;
  read<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T>;
  /** One readwrite transaction over every store; aborted (nothing kept) if `fn` throws. */
  write<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T>;
  close(): void;
}

/**
 * Where vaults keep their data: one VaultStore per vault name. The vault's API takes it from its
 * composition root (index.ts), which alone decides the implementation (ARCHITECTURE §2).
 */
export interface VaultStoreProvider {
  /** Opens (creating on first use) the store of vault `vaultName`. */
  open(vaultName: string): Promise<VaultStore>;
  /** The names of the vaults that have a store, sorted. */
  list(): Promise<string[]>;
}
