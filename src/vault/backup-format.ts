/**
 * The encrypted backup container (what backupCertificate returns). Bytes in, bytes out; the
 * payload inside is backup.ts's business.
 *
 * Layout (all integers big-endian):
 *
 * | offset | size | field |
 * |---|---|---|
 * | 0  | 15 | magic "CERTKEEP-BACKUP" (ASCII) |
 * | 15 | 1  | format version (1) |
 * | 16 | 1  | KDF id (1 = PBKDF2-HMAC-SHA256) |
 * | 17 | 4  | KDF iterations |
 * | 21 | 16 | salt |
 * | 37 | 12 | AES-GCM IV |
 * | 49 | 16 | password check: PBKDF2 output bytes 32..47 |
 * | 65 | 8  | header checksum: SHA-256(bytes 0..64), first 8 bytes |
 * | 73 | …  | AES-256-GCM ciphertext + 16-byte tag, additional data = bytes 0..72 |
 *
 * Why the two extra fields: AES-GCM alone cannot tell a wrong password from a damaged file
 * (both are "tag mismatch"). The header checksum catches damage to the header before any key
 * derivation (→ Malformed); the password check (derived bits the AES key is not made of, like
 * WinZip-AES's verifier) tells a wrong password (→ InvalidPassword) from a ciphertext that was
 * altered (tag fails with the right password → Malformed). It gives an attacker nothing a
 * trial decryption would not: each guess still costs the full PBKDF2.
 * The header is also the GCM additional data, so editing it (e.g. lowering the iteration count
 * and fixing the checksum) still fails authentication.
 */
import { equalBytes } from '../pki/bytes';
import type { Bytes } from './types';
import { VaultError } from './vault-error';

const BACKUP_MAGIC = 'CERTKEEP-BACKUP';
const BACKUP_FORMAT_VERSION = 1;
const KDF_PBKDF2_SHA256 = 1;
/** OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
export const DEFAULT_BACKUP_ITERATIONS = 600_000;
/** Reading: below this the file was not made by Certkeep (the lowest count a test may seal with). */
const MIN_BACKUP_ITERATIONS = 1_000;
/**
 * Reading: above this a crafted file (the header checksum is no secret) would keep the tab busy;
 * 2 000 000 leaves room to raise the default and takes about half a second.
 */
const MAX_BACKUP_ITERATIONS = 2_000_000;

const MAGIC = new TextEncoder().encode(BACKUP_MAGIC);
const SALT_LEN = 16;
const IV_LEN = 12;
const CHECK_LEN = 16;
const SUM_LEN = 8;
const SUM_AT = MAGIC.length + 1 + 1 + 4 + SALT_LEN + IV_LEN + CHECK_LEN;
/** Length of the header, which is also the AES-GCM additional data. */
export const BACKUP_HEADER_LENGTH = SUM_AT + SUM_LEN;
const TAG_LEN = 16;

export interface BackupHeader {
  formatVersion: number;
  iterations: number;
  salt: Bytes;
  iv: Bytes;
  passwordCheck: Bytes;
}

/** Encrypts `payload` under `password`. `iterations` is for tests only (vault code passes none). */
export async function sealBackup(
  payload: Uint8Array,
  password: string,
  options: { iterations?: number } = {},
): Promise<Bytes> {
  if (typeof password !== 'string' || password.length === 0) {
    throw new VaultError('BadParameter', 'A backup needs a password: it protects the keys inside the file.', {
      field: 'password',
    });
  }
  const iterations = options.iterations ?? DEFAULT_BACKUP_ITERATIONS;
  const salt = crypto.getRandomValues(new Uint8Array(SALT_LEN));
  const iv = crypto.getRandomValues(new Uint8Array(IV_LEN));
  const { aesKey, passwordCheck } = await deriveKeys(password, salt, iterations);

  const header = new Uint8Array(BACKUP_HEADER_LENGTH);
  const view = new DataView(header.buffer);
  header.set(MAGIC, 0);
  header[MAGIC.length] = BACKUP_FORMAT_VERSION;
  header[MAGIC.length + 1] = KDF_PBKDF2_SHA256;
  view.setUint32(MAGIC.length + 2, iterations);
  header.set(salt, MAGIC.length + 6);
  header.set(iv, MAGIC.length + 6 + SALT_LEN);
  header.set(passwordCheck, MAGIC.length + 6 + SALT_LEN + IV_LEN);
  header.set(await headerChecksum(header), SUM_AT);

  const ciphertext = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: header }, aesKey, new Uint8Array(payload)),
  );
  const out = new Uint8Array(header.length + ciphertext.length);
  out.set(header, 0);
  out.set(ciphertext, header.length);
  return out;
}

/** Parses and checks the header; Malformed for anything that is not an intact Certkeep backup. */
export async function readBackupHeader(bytes: Uint8Array): Promise<BackupHeader> {
  if (!(bytes instanceof Uint8Array) || bytes.length < BACKUP_HEADER_LENGTH + TAG_LEN || !startsWithMagic(bytes)) {
    throw new VaultError(
      'Malformed',
      'This file is not a Certkeep certificate backup (it does not start with "CERTKEEP-BACKUP").',
      { field: 'file' },
    );
  }
  const header = bytes.slice(0, BACKUP_HEADER_LENGTH);
  const sum = await headerChecksum(header);
  if (!equalBytes(sum, header.subarray(SUM_AT))) {
    throw new VaultError('Malformed', 'The backup file is damaged: its header does not match its checksum.', {
      field: 'file',
    });
  }
  const formatVersion = header[MAGIC.length];
  if (formatVersion !== BACKUP_FORMAT_VERSION || header[MAGIC.length + 1] !== KDF_PBKDF2_SHA256) {
    throw new VaultError(
      'Unsupported',
      `This backup uses format ${formatVersion}, which this version of Certkeep cannot read. Update Certkeep and try again.`,
      { field: 'file' },
    );
  }
  const iterations = new DataView(header.buffer).getUint32(MAGIC.length + 2);
  if (iterations < MIN_BACKUP_ITERATIONS || iterations > MAX_BACKUP_ITERATIONS) {
    throw new VaultError(
      'Malformed',
      `The backup file is damaged: its key-derivation count (${iterations}) is outside the ${MIN_BACKUP_ITERATIONS}–${MAX_BACKUP_ITERATIONS} Certkeep writes and reads.`,
      { field: 'file' },
    );
  }
  const at = MAGIC.length + 6;
  return {
    formatVersion,
    iterations,
    salt: header.slice(at, at + SALT_LEN),
    iv: header.slice(at + SALT_LEN, at + SALT_LEN + IV_LEN),
    passwordCheck: header.slice(at + SALT_LEN + IV_LEN, SUM_AT),
  };
}

/** Decrypts a backup: InvalidPassword for a wrong password, Malformed for a damaged file. */
export async function openBackup(bytes: Uint8Array, password: string): Promise<Bytes> {
  const header = await readBackupHeader(bytes);
  const { aesKey, passwordCheck } = await deriveKeys(
    typeof password === 'string' ? password : '',
    header.salt,
    header.iterations,
  );
  if (!equalBytes(passwordCheck, header.passwordCheck)) {
    throw new VaultError('InvalidPassword', 'The backup could not be opened: the password is wrong.', {
      field: 'password',
    });
  }
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: header.iv, additionalData: bytes.slice(0, BACKUP_HEADER_LENGTH) },
      aesKey,
      bytes.slice(BACKUP_HEADER_LENGTH),
    );
    return new Uint8Array(plain);
  } catch (e) {
    throw new VaultError(
      'Malformed',
      'The backup file is damaged: its contents were altered or truncated after it was made.',
      { cause: e, field: 'file' },
    );
  }
}

async function deriveKeys(
  password: string,
  salt: Bytes,
  iterations: number,
): Promise<{ aesKey: CryptoKey; passwordCheck: Bytes }> {
  // NFC so the same password typed on macOS and Windows gives the same key.
  const secret = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(password.normalize('NFC')),
    'PBKDF2',
    false,
    ['deriveBits'],
  );
  const bits = new Uint8Array(
    await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, secret, 384),
  );
  const aesKey = await crypto.subtle.importKey('raw', bits.slice(0, 32), 'AES-GCM', false, ['encrypt', 'decrypt']);
  return { aesKey, passwordCheck: bits.slice(32, 32 + CHECK_LEN) };
}

async function headerChecksum(header: Bytes): Promise<Bytes> {
  const digest = await crypto.subtle.digest('SHA-256', header.slice(0, SUM_AT));
  return new Uint8Array(digest).slice(0, SUM_LEN);
}

function startsWithMagic(bytes: Uint8Array): boolean {
  return MAGIC.every((b, i) => bytes[i] === b);
}
