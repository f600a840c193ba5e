/**
 * Lint shapes (ARCHITECTURE §8 "Lint"): a finding, and the facts about one certificate —
 * issued, requested or only planned by a policy — that the rules read. The rules never see DER:
 * target-from-der.ts and the vault's policy reader both build a LintTarget, so a policy, a CSR
 * and a certificate are judged by the same code.
 */
import type { KeyUsage } from '../types';

export type LintSeverity = 'error' | 'warning' | 'notice';

/** One finding: zlint's lint name where zlint has one, a sentence to act on, the BR section or RFC. */
export interface LintFinding {
  id: string;
  severity: LintSeverity;
  message: string;
  reference: string;
  /** the policy field the finding is about, so a form shows it in place */
  field?: LintField;
}

/** Policy fields a finding can sit beside. */
export type LintField =
  | 'subject'
  | 'subjectAlternativeNames'
  | 'keyType'
  | 'keySize'
  | 'keyCurveName'
  | 'keyUsage'
  | 'enhancedKeyUsage'
  | 'validity'
  | 'basicConstraints';

/** Counts by severity: what a version record keeps so a list can filter without parsing. */
export interface LintSummary {
  errors: number;
  warnings: number;
  notices: number;
}

export type LintKey =
  | { kind: 'RSA'; modulusBits: number; modulusOdd: boolean; exponent: bigint }
  | { kind: 'EC'; curve: string }
  | { kind: 'other'; name: string };

export interface LintSan {
  dnsNames: string[];
  /** 4 or 16 octets each */
  ipAddresses: Uint8Array[];
  emails: string[];
  uris: string[];
  /** otherName entries (a UPN is one) */
  otherNames: number;
}

/**
 * Who will trust the certificate. `public`: a CA in the browsers' root programs may sign it, so
 * the BRs bind. `private`: self-signed or from a CA held here; rules that matter only for
 * publicly trusted TLS are then notices, not errors or warnings.
 */
export type LintAudience = 'public' | 'private';

export interface LintTarget {
  /** cA TRUE in basicConstraints */
  claimsCa: boolean;
  key?: LintKey;
  /** subject attributes in DER order */
  subject: { oid: string; type: string; value: string }[];
  /** undefined: no subjectAltName extension */
  san?: LintSan;
  /** undefined: no keyUsage extension */
  keyUsage?: KeyUsage[];
  /** undefined: no extKeyUsage extension */
  enhancedKeyUsage?: string[];
  /** undefined when the signer is not yet known (a policy or a request) */
  signatureAlgorithmOid?: string;
  /** the validity asked for or given; the BRs count from notBefore (the issuance date) */
  validity?: { notBefore: Date; notAfter: Date };
  audience: LintAudience;
}

/** What every rule gets besides the target. */
export interface LintContext {
  /** the issuance date: notBefore of a certificate, now for a policy or request */
  issuedOn: Date;
  /** true: a CA certificate (cA TRUE and keyCertSign, or no keyUsage); the subscriber rules skip it */
  isCa: boolean;
  /** true: a subscriber certificate a TLS server can use (EKU serverAuth, anyExtendedKeyUsage or none) */
  isTlsServer: boolean;
  publicSuffix: PublicSuffixes;
}

/** The public-suffix list, loaded on demand (public-suffix.ts). */
export interface PublicSuffixes {
  /** true when `label` is a top-level domain in the ICANN section of the list */
  isKnownTld(label: string): boolean;
  /** true when `name` itself is a public suffix (ICANN or private section), e.g. "co.uk", "github.io" */
  isPublicSuffix(name: string): boolean;
}

/** A group of rules: one file each. */
export type LintRule = (target: LintTarget, context: LintContext) => LintFinding[];
