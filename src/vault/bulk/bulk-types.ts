/**
 * The shapes of a bulk import (ARCHITECTURE §4 "Bulk import"): many files at once, each one an
 * importCertificate of its own. Certkeep's own call: Key Vault has none.
 */
import type { CertificateInfo } from '../../pki/certificate-info';
import type { LongWorkOptions } from '../long-work';
import type { VaultErrorCode } from '../vault-error';

/** A file as picked, dropped or found in a folder or zip (`name` may hold a path: "certs.zip/web/a.pfx"). */
export interface BulkImportFile {
  name: string;
  bytes: Uint8Array;
}

export interface BulkImportOptions extends LongWorkOptions {
  /**
   * Names the certificate a file becomes (the UI passes its own import naming, so one file
   * and many are named alike); the run makes it unique in the vault with "-2", "-3", ….
   * `leaf` is the certificate the key belongs to, when the file was read.
   */
  nameFor: (file: string, leaf: CertificateInfo | undefined) => string;
  /**
   * Asked when no password known in this run opens a file: resolve the password, or undefined
   * to leave the file out. `wrong`: the password given last for this file did not open it.
   */
  askPassword: (file: string, wrong: boolean) => Promise<string | undefined>;
  /** Passwords to try on every protected file before asking. */
  passwords?: string[];
}

export interface BulkImported {
  file: string;
  /** the certificate made */
  name: string;
  /** SHA-1 of the leaf, uppercase hex (x509ThumbprintString) */
  thumbprint: string;
}

export interface BulkSkipped {
  file: string;
  thumbprint: string;
  /** the certificate that already holds it, or the earlier file of this run that brought it */
  duplicateOf: { certificate: string } | { file: string };
}

export interface BulkRefused {
  file: string;
  /** the VaultError's code and message */
  code: VaultErrorCode;
  message: string;
}

export interface BulkImportSummary {
  imported: BulkImported[];
  skipped: BulkSkipped[];
  refused: BulkRefused[];
  /** true when the signal stopped the run; every file is in exactly one list */
  cancelled: boolean;
  /** files the run did not get to because it was cancelled */
  notReached: string[];
}
