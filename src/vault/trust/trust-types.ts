/**
 * Chain validation and trust anchors (ARCHITECTURE §8 "Chains and trust anchors"): the shapes
 * getCertificateChain and the trust-anchor methods return.
 */
import type { Bytes } from '../../pki/types';

/** trusted: the path ends at a trust anchor and every check passes; untrusted: it does not reach one; invalid: a check fails. */
export type CertificateChainStatus = 'trusted' | 'untrusted' | 'invalid';

/** Where a certificate of the path came from: the version's own chain, another vault certificate, the trust anchors. */
export type CertificateChainSource = 'version' | 'vault' | 'anchor';

/** One certificate of the path, leaf first. */
export interface CertificateChainLink {
  /** RFC 4514 */
  subject: string;
  issuer: string;
  /** SHA-256 of the DER, uppercase hex */
  sha256: string;
  source: CertificateChainSource;
  /** Certkeep: the certificate, DER */
  cer: Bytes;
  /** Certkeep: its validity */
  notBefore: Date;
  expiresOn: Date;
}

/** Why a link fails; `code` is stable, `message` a sentence a person can act on. */
export type CertificateChainProblemCode =
  | 'expired'
  | 'notYetValid'
  | 'badSignature'
  | 'unsupportedSignature'
  | 'notCa'
  | 'noKeyCertSign'
  | 'pathLengthExceeded'
  | 'nameNotPermitted'
  | 'nameExcluded'
  | 'issuerNotFound'
  | 'untrustedRoot';

export interface CertificateChainProblem {
  code: CertificateChainProblemCode;
  message: string;
  /** the certificate it is about (a link of `path`) */
  sha256: string;
}

export interface CertificateChain {
  status: CertificateChainStatus;
  path: CertificateChainLink[];
  problems: CertificateChainProblem[];
}

export interface GetCertificateChainOptions {
  /** default: the latest version */
  version?: string;
}

/** A certificate the vault trusts as the end of a chain. */
export interface TrustAnchor {
  /** SHA-256 of the DER, uppercase hex: the anchor's id */
  sha256: string;
  subject: string;
  issuer: string;
  notBefore: Date;
  expiresOn: Date;
  /** true when it signs itself (a root); false for a CA trusted without its root */
  selfSigned: boolean;
  addedOn: Date;
  cer: Bytes;
}
