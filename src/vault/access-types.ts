/**
 * The public shapes of access control (ARCHITECTURE §8 "Access"): Key Vault's access-policy
 * permissions, the credentials that unlock a protected vault, and what the vault reports about
 * its state, its principals and its audit log. Split from types.ts to keep each file about one
 * thing; exported through it.
 */
import type { Bytes } from '../pki/types';

/** Key Vault's 16 certificate permissions (access policy `permissions.certificates`). */
export type CertificatePermission =
  | 'get'
  | 'list'
  | 'update'
  | 'create'
  | 'import'
  | 'delete'
  | 'recover'
  | 'backup'
  | 'restore'
  | 'managecontacts'
  | 'manageissuers'
  | 'getissuers'
  | 'listissuers'
  | 'setissuers'
  | 'deleteissuers'
  | 'purge';

/** The key permissions a CryptographyClient call needs (one each). */
export type KeyPermission = 'sign' | 'verify' | 'encrypt' | 'decrypt' | 'wrapKey' | 'unwrapKey';

/** `get`: getSecret, i.e. the private key leaves the vault (and backups carry exportable keys). */
export type SecretPermission = 'get';

/** The shape of a Key Vault access policy's permissions. */
export interface Permissions {
  certificates: CertificatePermission[];
  keys: KeyPermission[];
  secrets: SecretPermission[];
}

/** How a principal can unlock: a passphrase, or a passkey's WebAuthn PRF output. */
export type UnlockMethod = 'passphrase' | 'passkey';

/**
 * The public half of a passkey slot, for the lock screen: `navigator.credentials.get` with
 * `allowCredentials: [{ id: credentialId }]` and `extensions.prf.eval.first = prfSalt` returns
 * the 32 bytes `unlock({ principal, prf })` takes.
 */
export interface PasskeyInfo {
  /** the credential's raw id */
  credentialId: Bytes;
  /** the PRF input (`eval.first`) this slot was made with; 32 bytes */
  prfSalt: Bytes;
}

/** Turns protection on: `principal` becomes the vault's first owner. */
export type ProtectOptions =
  { principal: string; passphrase: string } | { principal: string; prf: Uint8Array; passkey: PasskeyInfo };

/** Opens a protected vault as `principal`. `prf`: the 32-byte PRF output of that principal's passkey. */
export type UnlockOptions = { principal: string; passphrase: string } | { principal: string; prf: Uint8Array };

/** The current principal's own credential, given again to confirm unprotect(). */
export type ConfirmOptions = { passphrase: string } | { prf: Uint8Array };

/**
 * setAccessPolicy's input. A new principal needs a credential (passphrase, or prf + passkey);
 * an existing one keeps the methods not given. `owner: true` grants every permission and the
 * right to change access policies; `permissions` is then ignored.
 */
export interface AccessPolicyOptions {
  passphrase?: string;
  prf?: Uint8Array;
  /** required with `prf` */
  passkey?: PasskeyInfo;
  permissions: Permissions;
  owner?: boolean;
}

/** One principal as listAccessPolicies shows it (owners only). */
export interface AccessPolicy {
  principal: string;
  permissions: Permissions;
  methods: UnlockMethod[];
  owner: boolean;
  createdOn: Date;
  updatedOn: Date;
}

/** What a locked vault shows about a principal, so the lock screen can offer its methods. */
export interface PrincipalInfo {
  principal: string;
  methods: UnlockMethod[];
  passkey?: PasskeyInfo;
}

/** What getAccessState reports; public data only, so it answers while locked. */
export interface AccessState {
  protected: boolean;
  /** always true for an unprotected vault (every call is allowed, there is no principal) */
  unlocked: boolean;
  /** the principal who unlocked, as first written */
  principal?: string;
  owner?: boolean;
  permissions?: Permissions;
  /** protected vaults: every principal and its unlock methods (public data only) */
  principals?: PrincipalInfo[];
  /** consecutive failed unlocks; from 10 on each further try waits (see retryAfter) */
  failedUnlocks?: number;
  /** set while the unlock throttle makes the next try wait: not before this instant */
  retryAfter?: Date;
}

/** What the audit log records: every change of who may do what, and every unlock. */
export type AuditAction = 'protect' | 'unprotect' | 'unlock' | 'lock' | 'setAccessPolicy' | 'deleteAccessPolicy';

/** One row of a vault's audit log (who, what, when, result). */
export interface AuditEntry {
  /** 1, 2, …: the order of appends */
  seq: number;
  at: Date;
  /** who acted (for unlock: who tried) */
  principal?: string;
  action: AuditAction;
  /** the principal an access-policy change was about */
  target?: string;
  /** ok; refused (throttled, not allowed); failed (wrong credential, tampered data) */
  result: 'ok' | 'refused' | 'failed';
  detail?: string;
}

/** verifyAuditLog's answer: whether every row still chains to the one before it. */
export interface AuditLogCheck {
  intact: boolean;
  entries: number;
  /** the first row whose link to the previous row does not match */
  brokenAt?: number;
}

/**
 * What protects a version's private key at rest. `sealed`: PKCS#8 encrypted under the vault's
 * master key (a protected vault). `device-bound`: a non-extractable browser key in a protected
 * vault (RSA-HSM / EC-HSM, and keys made non-exportable before protection): the lock gates its
 * use, but at rest it is only as safe as the browser profile. `none`: an unprotected vault, or
 * no key in this browser.
 */
export type KeyProtection = 'sealed' | 'device-bound' | 'none';

/** The access-control half of CertificateVault (ARCHITECTURE §8 "Access"). */
export interface VaultAccessControl {
  /** Whether the vault is protected and unlocked, as whom; the principals and their methods (public data, also while locked). */
  getAccessState(): Promise<AccessState>;
  /**
   * Turns protection on (unprotected vaults only, else Conflict): `principal` becomes the first
   * owner; every exportable key is sealed under the new master key, older non-extractable keys
   * stay device-bound, issuer credentials move under the master key. Leaves the vault unlocked.
   */
  protect(options: ProtectOptions): Promise<AccessState>;
  /**
   * Turns protection off (owners only), confirmed by the current principal's credential: keys
   * are unsealed into the unprotected form, principals and slots are removed (the audit log stays).
   */
  unprotect(options: ConfirmOptions): Promise<AccessState>;
  /** Unlocks as `principal`: InvalidPassword for a wrong credential, Locked while the throttle makes tries wait. */
  unlock(options: UnlockOptions): Promise<AccessState>;
  /** Forgets the unlock and every unsealed key (also done by close()). */
  lock(): Promise<void>;
  /** Adds or changes a principal (owners only); a new principal needs a passphrase or a passkey. */
  setAccessPolicy(principal: string, options: AccessPolicyOptions): Promise<AccessPolicy>;
  /** Removes a principal (owners only; not the last owner). */
  deleteAccessPolicy(principal: string): Promise<AccessPolicy>;
  /** Every principal with its permissions and methods (owners only); [] for an unprotected vault. */
  listAccessPolicies(): Promise<AccessPolicy[]>;
  /** The audit log, newest first (owners only in a protected vault). */
  listAuditLog(): Promise<AuditEntry[]>;
  /** Whether every audit row still chains to the one before it (owners only in a protected vault). */
  verifyAuditLog(): Promise<AuditLogCheck>;
}
