/**
 * The vault API as the UI sees it (ARCHITECTURE §4). Types only (erased at build time, so no vault
 * code reaches the shell): the one place ui/ names vault shapes.
 */
export type {
  CertificateVault,
  CertificatePolicy,
  CertificatePolicyPatch,
  IssuedCertificate,
  SignedCertificate,
  SignCertificateRequestOptions,
  RevocationReason,
  CsrInfo,
  CertificateProperties,
  CertificateOperation,
  KeyVaultCertificate,
  KeyVaultCertificateWithPolicy,
  CertificateIssuer,
  CreateIssuerOptions,
  CertificateContact,
  AdministratorContact,
  CertificateKeyType,
  CertificateKeyCurveName,
  CertificateContentType,
  KeyUsageType,
  CertificateInfo,
  ImportInspection,
  VaultError,
  VaultErrorCode,
  VaultErrorField,
  LintFinding,
  LintSeverity,
  LintField,
} from '../../vault';
