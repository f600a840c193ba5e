/**
 * pki/: bytes in, bytes out. Stateless; imports no project folder (ARCHITECTURE §2).
 * This file is the contract vault/ codes against: keep these names and shapes.
 */
export * from './types';
export { EKU } from './asn1/oids';
export { PkiError, isPkiError, type PkiErrorCode } from './pki-error';
export { decodePem, encodePem, looksLikePem, type PemBlock } from './pem';
export { parseX500Name, formatX500Name, type NameAttribute } from './x500-name';
export {
  generateKeyPair,
  importPkcs8,
  importPrivateKey,
  exportSpki,
  keySpecOf,
  publicKeyMatchesCertificate,
  type ImportedKey,
} from './keys';
export { createCsr, parseCsr, type CsrOptions, type CsrInfo } from './csr';
export { createSelfSignedCertificate, type SelfSignedOptions } from './x509';
export { parseCertificate, type CertificateInfo } from './certificate-info';
export { issueCertificate, type IssueOptions, type IssuedCertificate } from './certificate-issue';
export { createCrl, REVOCATION_REASONS, type CrlOptions, type RevocationReason, type RevokedEntry } from './crl';
export {
  encodeNameConstraints,
  decodeNameConstraints,
  type NameConstraints,
  type NameSet,
  type DecodedNameConstraints,
} from './name-constraints';
export { certifiedNamesOf, findNameViolation, type CertifiedNames, type NameViolation } from './name-constraints-check';
export { readPkcs7Certificates, writePkcs7Certificates } from './pkcs7';
export { readCertificates } from './certificate-bundle';
export { orderChain, findLeafForKey } from './chain';
export { readPkcs12 } from './pkcs12/read-pfx';
export { writePkcs12, type Pkcs12WriteOptions } from './pkcs12/write-pfx';
export { type Pkcs12Contents } from './pkcs12/safe-contents';
export { readKeyBundle, type KeyBundle } from './key-bundle';
export {
  validateChain,
  type ChainStatus,
  type ChainValidation,
  type ValidateChainInput,
} from './path-validation/validate-chain';
export type { PathCandidate, PathCertificate, PathSource } from './path-validation/path-certificate';
export type { PathProblem, PathProblemCode } from './path-validation/path-checks';
