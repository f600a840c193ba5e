/**
 * Lint shapes of the vault API (ARCHITECTURE §8 "Lint"): findings as pki/lint makes them, and
 * the option bags of lintPolicy, lintCertificateRequest and lintCertificate.
 */
import type { CertificatePolicy } from './policy-types';

export type { LintFinding, LintSeverity, LintSummary, LintField } from '../pki/lint/types';

export interface LintOptions {
  /** the issuance date the dated rules (SC-081 steps, clientAuth, OU) use; default the vault's clock. A certificate is judged by its notBefore. */
  now?: Date;
}

export interface LintCertificateRequestOptions extends LintOptions {
  /** the policy the certificate would be issued under: its validity, and the fields it states replace the request's */
  policy?: CertificatePolicy;
}
