/**
 * The vault API as the UI sees it (ARCHITECTURE §4). Types only (erased at build time, so no vault
 * code reaches the shell): the one place ui/ names vault shapes.
 */
export type {
  CertificateVault,
  CertificatePolicy,
  CertificateProperties,
  CertificateOperation,
  KeyVaultCertificate,
  KeyVaultCertificateWithPolicy,
  CertificateIssuer,
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
} from '../../vault';
