/**
 * The certificate policy's shapes (the SDK's names, ARCHITECTURE §3): shared by the vault's
 * public shapes (types.ts) and the option bags (option-types.ts), which therefore need not
 * import each other.
 */
import type { NameSet } from '../pki/name-constraints';
import type { KeyUsage, SubjectAlternativeNames } from '../pki/types';

export type { NameSet };

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

/** Certkeep: basicConstraints of a CA certificate (RFC 5280 §4.2.1.9). */
export interface BasicConstraints {
  ca: boolean;
  /** how many CA certificates may follow this one in a path; only with ca */
  pathLength?: number;
}

/** Certkeep: the names a CA may certify (RFC 5280 §4.2.1.10); only with basicConstraints.ca. */
export interface CertificateNameConstraints {
  permitted?: NameSet;
  excluded?: NameSet;
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
  /** Certkeep: validity in days; overrides validityInMonths when given (1–36525) */
  validityInDays?: number;
  /** Certkeep: a CA certificate (root with issuer Self, intermediate with a Local issuer); ARCHITECTURE §8 */
  basicConstraints?: BasicConstraints;
  /** Certkeep: what a CA may certify; critical in the certificate */
  nameConstraints?: CertificateNameConstraints;
  lifetimeActions?: LifetimeAction[];
  /** "Self", "Unknown" or the name of an issuer in this vault */
  issuerName?: string;
  certificateType?: string;
  certificateTransparency?: boolean;
  enabled?: boolean;
  createdOn?: Date;
  updatedOn?: Date;
}

/** Certkeep's own optional policy fields, which an update may remove with `null` (RFC 7396 merge patch). */
type ClearableField = 'validityInDays' | 'basicConstraints' | 'nameConstraints';

/**
 * What updateCertificatePolicy takes: fields given replace the current ones, fields left out
 * stay; `null` removes one of Certkeep's own optional fields (validityInDays, basicConstraints,
 * nameConstraints), which the policy would otherwise keep for ever.
 */
export type CertificatePolicyPatch = Omit<CertificatePolicy, ClearableField> & {
  [K in ClearableField]?: CertificatePolicy[K] | null;
};
