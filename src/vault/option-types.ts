/**
 * Option bags of the vault's methods (the SDK's names) and the secret they return. Split from
 * types.ts to keep each file about one thing.
 */
import type { Bytes } from '../pki/types';
import type { LongWorkOptions } from './long-work';
import type { CertificateContentType, CertificatePolicy } from './policy-types';

export type { LongWorkOptions, LongWorkProgress } from './long-work';

/** Certkeep adds `signal` and `onProgress` (LongWorkOptions): RSA-4096 key generation takes seconds. */
export interface CreateCertificateOptions extends LongWorkOptions {
  enabled?: boolean;
  tags?: Record<string, string>;
}

/** Certkeep adds `signal` and `onProgress` (LongWorkOptions): a PFX's key derivation can be slow. */
export interface ImportCertificateOptions extends LongWorkOptions {
  /** PFX password; undefined = none, '' = empty (they differ in PKCS#12) */
  password?: string;
  policy?: CertificatePolicy;
  enabled?: boolean;
  tags?: Record<string, string>;
  preserveCertificateOrder?: boolean;
}

export interface MergeCertificateOptions {
  preserveCertificateOrder?: boolean;
}

export interface UpdateCertificatePropertiesOptions {
  enabled?: boolean;
  tags?: Record<string, string>;
  /**
   * Certkeep: the certificate's `revision` as shown (CertificateProperties.revision). When it has
   * moved since (another tab saved), the update is refused (VaultError code Changed) and nothing changes.
   * Absent: the last writer wins, as in Key Vault.
   */
  ifMatch?: number;
}

/** Certkeep: options of updateCertificatePolicy. */
export interface UpdateCertificatePolicyOptions {
  /** the certificate's `revision` as shown; refused (code Changed) when it has moved since (as for updateCertificateProperties) */
  ifMatch?: number;
}

export interface ListPropertiesOfCertificatesOptions {
  includePending?: boolean;
}

export interface GetSecretOptions {
  /** default: the latest version */
  version?: string;
  /**
   * PKCS#12: the PFX password; none = a PFX without password (openssl -passin pass:).
   * PEM: a non-empty password encrypts the key as `ENCRYPTED PRIVATE KEY` (PKCS#8 PBES2:
   * PBKDF2-HMAC-SHA-256 with 600 000 iterations, AES-256-CBC; `openssl pkey -passin` reads
   * it); none or '' = the plain `PRIVATE KEY`.
   */
  password?: string;
  /**
   * PKCS#12 only: pbeWithSHAAnd3-KeyTripleDES-CBC and a SHA-1 MAC (`openssl pkcs12 -legacy`) for
   * readers that predate AES in PKCS#12 (Windows Server 2016 and older, macOS Keychain, Android < 10).
   * Default: PBES2/AES-256 with an HMAC-SHA-256 MAC.
   */
  legacy?: boolean;
  /**
   * PKCS#12 only: the integrity MAC. 'hmac' (default): HMAC-SHA-256 keyed by the PKCS#12 KDF
   * (RFC 7292), which every reader takes. 'pbmac1': PBMAC1 (RFC 9579), the MAC key from
   * PBKDF2-HMAC-SHA-256, for readers that need a NIST-approved KDF; OpenSSL reads it from 3.4
   * on; readers without RFC 9579 (OpenSSL 3.3 and older among them) refuse the file. Not with `legacy`.
   */
  mac?: 'hmac' | 'pbmac1';
}

export interface CertificateSecret {
  /** PFX bytes, or PEM text as UTF-8 */
  value: Bytes;
  contentType: CertificateContentType;
}

/** Certkeep adds `signal` and `onProgress` (LongWorkOptions) around the backup's PBKDF2. */
export interface BackupCertificateOptions extends LongWorkOptions {
  password: string;
}

/** Certkeep adds `signal` and `onProgress` (LongWorkOptions) around the backup's PBKDF2. */
export interface RestoreCertificateBackupOptions extends LongWorkOptions {
  password: string;
}

export interface GetCryptographyClientOptions {
  version?: string;
}
