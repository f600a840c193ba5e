/**
 * Building findings. A rule that binds only publicly trusted TLS certificates (the CA/B Forum
 * BRs, a root program's policy) is marked `publicOnly`: its message says so, and for a private
 * audience (self-signed, or a CA held here) it drops to a notice, since nothing enforces it there.
 */
import type { LintField, LintFinding, LintSeverity, LintTarget } from './types';

export interface FindingSpec {
  id: string;
  severity: LintSeverity;
  message: string;
  reference: string;
  field?: LintField;
  publicOnly?: boolean;
}

export function finding(target: LintTarget, spec: FindingSpec): LintFinding {
  const severity = spec.publicOnly && target.audience === 'private' ? 'notice' : spec.severity;
  const out: LintFinding = { id: spec.id, severity, message: spec.message, reference: spec.reference };
  if (spec.field) out.field = spec.field;
  return out;
}

/** "Publicly trusted TLS certificates …": the words that tell a private-CA admin a rule is not theirs. */
export const PUBLIC_TLS = 'For a publicly trusted TLS certificate';
