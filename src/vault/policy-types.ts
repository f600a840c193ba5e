/**
 * The certificate policy's shapes (the SDK's names, ARCHITECTURE §3): shared by the vault's
 * public shapes (types.ts) and the option bags (option-types.ts), which therefore need not
 * import each other.
 */
import type { KeyUsage, SubjectAlternativeNames } from '../pki/types';

/** The SDK's KeyUsageType values (same spelling as pki's KeyUsage). */
export type KeyUsageType = KeyUsage;
/** "-HSM" key types are simply never exportable here (no HSM in a browser). */
export type CertificateKeyType = 'RSA' | 'RSA-HSM' | 'EC' | 'EC-HSM';
export type CertificateKeyCurveName = 'P-256' | 'P-384' | 'P-521';
export type CertificateContentType = 'application/x-pkcs12' | 'application/x-pem-file';
export type CertificatePolicyAction = 'EmailContacts' | 'AutoRenew';

/** One lifetime action: exactly one of daysBeforeExpiry / lifetimePercentage. */
export interface LifetimeAction {
  action: CertificatePolicyAction;
  daysBeforeExpiry?: number;
  lifetimePercentage?: number;
}

/**
 * What a certificate should look like; one policy is shared by all versions. Every field is
 * optional on input (createCertificate fills Azure's defaults, see policy.ts); the vault
 * returns it filled.
 */
export interface CertificatePolicy {
  /** RFC 4514, e.g. `CN=www.contoso.com, O=Contoso`; may be empty when SANs are given. */
  subject?: string;
  subjectAlternativeNames?: SubjectAlternativeNames;
  keyType?: CertificateKeyType;
  /** RSA only: 2048, 3072, 4096 */
  keySize?: number;
  /** EC only */
  keyCurveName?: CertificateKeyCurveName;
  exportable?: boolean;
  reuseKey?: boolean;
  contentType?: CertificateContentType;
  keyUsage?: KeyUsageType[];
  /** EKU OIDs, e.g. "1.3.6.1.5.5.7.3.1" */
  enhancedKeyUsage?: string[];
  validityInMonths?: number;
  lifetimeActions?: LifetimeAction[];
  /** "Self", "Unknown" or the name of an issuer in this vault */
  issuerName?: string;
  certificateType?: string;
  certificateTransparency?: boolean;
  enabled?: boolean;
  createdOn?: Date;
  updatedOn?: Date;
}
