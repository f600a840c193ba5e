/**
 * Option bags of the vault's methods (the SDK's names) and the secret they return. Split from
 * types.ts to keep each file about one thing.
 */
import type { Bytes } from '../pki/types';
import type { CertificateContentType, CertificatePolicy } from './policy-types';

export interface CreateCertificateOptions {
  enabled?: boolean;
  tags?: Record<string, string>;
}

export interface ImportCertificateOptions {
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
}

export interface ListPropertiesOfCertificatesOptions {
  includePending?: boolean;
}

export interface GetSecretOptions {
  /** default: the latest version */
  version?: string;
  /** PFX password (PKCS#12 content type); none = a PFX without password (openssl -passin pass:) */
  password?: string;
  /**
   * PKCS#12 only: pbeWithSHAAnd3-KeyTripleDES-CBC and a SHA-1 MAC (`openssl pkcs12 -legacy`) for
   * readers that predate AES in PKCS#12 (Windows Server 2016 and older, macOS Keychain, Android < 10).
   * Default: PBES2/AES-256 with an HMAC-SHA-256 MAC.
   */
  legacy?: boolean;
}

export interface CertificateSecret {
  /** PFX bytes, or PEM text as UTF-8 */
  value: Bytes;
  contentType: CertificateContentType;
}

export interface BackupCertificateOptions {
  password: string;
}

export interface RestoreCertificateBackupOptions {
  password: string;
}

export interface GetCryptographyClientOptions {
  version?: string;
}
