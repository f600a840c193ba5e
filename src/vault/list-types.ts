/**
 * Certkeep's certificate list (ARCHITECTURE §8 "Certificate list at scale"): what the
 * Certificates screen shows, searched and sorted in memory from a compact metadata store, so a
 * vault of 100 000 certificates opens, searches and sorts within a frame or two. Not in Key
 * Vault's SDK, which pages through listPropertiesOfCertificates instead.
 */

/** The columns the list sorts by. */
export type CertificateListSortKey = 'name' | 'cn' | 'issuer' | 'status' | 'expiresOn' | 'keyType';

export interface CertificateListQuery {
  /**
   * Text found in the name, subject, subject alternative names, tags ("key=value"), issuer, key
   * description or SHA-1 thumbprint (hex, colons and spaces ignored), without regard to case.
   * Empty or absent: every certificate.
   */
  search?: string;
  /** Default expiresOn (pending certificates last). */
  sort?: CertificateListSortKey;
  descending?: boolean;
  /** "now" for the status sort; default the vault's clock */
  now?: Date;
  /** only certificates whose latest version had lint errors when it was stored */
  lintErrorsOnly?: boolean;
}

/** One certificate as the list shows it: its latest version's metadata, or the pending request's. */
export interface CertificateListEntry {
  name: string;
  /** undefined while only a request is pending */
  version?: string;
  enabled: boolean;
  pending: boolean;
  notBefore?: Date;
  expiresOn?: Date;
  /** the certificate's subject (RFC 4514), or the policy's while pending */
  subject?: string;
  /** the policy's SANs as one line: DNS names, emails, UPNs, IP addresses, URIs */
  subjectAlternativeNames: string;
  tags: Record<string, string>;
  /** SHA-1 of the DER, uppercase hex (Azure's x5t) */
  x509Thumbprint?: string;
  issuerName?: string;
  /** "RSA 2048", "EC P-256" (CertificateProperties.keyDescription) */
  keyDescription?: string;
  /** the latest version had lint errors when it was stored (its stored lint summary) */
  hasLintErrors: boolean;
}

/** How many certificates expire when, over the whole vault (the expiry timeline's sentence). */
export interface CertificateListSummary {
  /** certificates with a version (pending-only ones have no dates) */
  dated: number;
  expired: number;
  /** within 30 days, not yet expired */
  expiring: number;
  valid: number;
  /** disabled or not yet valid */
  other: number;
  /** the certificate that expires next after `now` */
  next?: { name: string; expiresOn: Date };
}

/**
 * The result of a query: a sorted, filtered view over the in-memory index. Reading rows is
 * synchronous, so a virtualised list renders the rows in view without waiting.
 */
export interface CertificateListView {
  /** certificates matching the search */
  readonly count: number;
  /** certificates in the vault (pending ones included) */
  readonly total: number;
  /** `limit` entries from `offset` in the view's order */
  rows(offset: number, limit: number): CertificateListEntry[];
  /** the whole vault's expiry counts at `now` */
  summary(now: Date): CertificateListSummary;
  /** the `limit` dated certificates of the whole vault that expire first */
  expiringFirst(limit: number): CertificateListEntry[];
}
