/**
 * What access control stores (ARCHITECTURE §8 "Access", schema v4): one `access` row per
 * principal, the append-only `audit` store, and two meta rows: the protection header and the
 * unlock throttle. vault-store.ts maps the stores to these types; this file also reads the two
 * meta rows, so their stored shape is known in one place.
 */
import type { AuditAction, AuditEntry, Permissions } from '../access-types';
import type { Bytes } from '../../pki/types';
import type { StoreTx } from '../vault-store';

/** A master-key slot opened by a passphrase: PBKDF2-SHA256 → AES-256-GCM key-encryption key. */
interface PassphraseSlot {
  method: 'passphrase';
  /** 16 random bytes */
  salt: Bytes;
  /** kept per slot, so a later release can raise it slot by slot */
  iterations: number;
  iv: Bytes;
  /** the master key's 32 bytes, AES-GCM under the KEK, AAD "certkeep mk <vault> <principal>" */
  wrappedMk: Bytes;
}

/** A master-key slot opened by a passkey: its PRF output → HKDF-SHA256 → AES-256-GCM KEK. */
interface PasskeySlot {
  method: 'passkey';
  credentialId: Bytes;
  /** the PRF input the authenticator is asked to evaluate (public) */
  prfSalt: Bytes;
  hkdfSalt: Bytes;
  iv: Bytes;
  wrappedMk: Bytes;
}

/** A principal's master-key slot, one per method. */
export type Slot = PassphraseSlot | PasskeySlot;

/** One principal of a protected vault, keyed by its lowercase name. */
export interface AccessRecord {
  key: string;
  /** as first written */
  principal: string;
  owner: boolean;
  permissions: Permissions;
  /** at most one per method */
  slots: Slot[];
  createdOn: Date;
  updatedOn: Date;
  /** HMAC-SHA-256 (key derived from the master key) over the vault, header id, principal, owner and permissions */
  mac: Bytes;
}

/** An audit row as stored: the entry plus `prev`, the SHA-256 (hex) of the row before it. */
export interface AuditRecord extends AuditEntry {
  prev: string;
}

/** A private key's PKCS#8, encrypted (sealing.ts), as a key row holds it in a protected vault. */
export type SealedKey =
  /** AES-256-GCM under the master key, AAD "key:<key id>" */
  | { form: 'mk'; iv: Bytes; data: Bytes }
  /** sealed while locked: ECDH with the vault's sealing public key → HKDF → AES-256-GCM, same AAD */
  | { form: 'sealing-key'; ephemeralPublicKey: Bytes; iv: Bytes; data: Bytes };

/** The meta row that makes a vault protected. */
export const PROTECTION_META = 'protection';
/** The meta row of the unlock throttle. */
export const THROTTLE_META = 'unlockThrottle';

/** Present exactly while a vault is protected. */
export interface ProtectionHeader {
  format: 1;
  /** random, new at every protect(): an unlock of an earlier protection does not carry over */
  id: string;
  /** SPKI of the vault's ECDH P-256 sealing key (keys made while locked are sealed to it) */
  sealingPublicKey: Bytes;
  /** the sealing key's PKCS#8 under the master key, AAD "sealing-private-key" */
  sealedSealingKey: { iv: Bytes; data: Bytes };
  protectedOn: Date;
  /** HMAC (access-mac.ts) over id and sealingPublicKey: checked at unlock */
  mac: Bytes;
}

/** Consecutive failed unlocks of the vault (any principal), and when the last one was. */
export interface UnlockThrottle {
  failures: number;
  lastFailureMs: number;
}

/** The protection header, or undefined for an unprotected vault. */
export async function readHeader(tx: StoreTx): Promise<ProtectionHeader | undefined> {
  const row = await tx.get('meta', PROTECTION_META);
  return row?.value as ProtectionHeader | undefined;
}

/** The unlock throttle (no failures when the row is absent). */
export async function readThrottle(tx: StoreTx): Promise<UnlockThrottle> {
  const row = await tx.get('meta', THROTTLE_META);
  const value = row?.value as Partial<UnlockThrottle> | undefined;
  return { failures: value?.failures ?? 0, lastFailureMs: value?.lastFailureMs ?? 0 };
}

/** An audit entry as the caller gives it; audit-log.ts numbers and chains it. */
export type NewAuditEntry = Omit<AuditEntry, 'seq' | 'at'> & { action: AuditAction };
