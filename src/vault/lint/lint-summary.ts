/**
 * The lint summary kept on each version record at write time (imported, merged, created or
 * issued), so the Certificates list filters "has lint errors" from metadata alone.
 */
import { certificateLintTarget, lintTarget, summarizeFindings } from '../../pki/lint';
import type { LintAudience, LintSummary } from '../../pki/lint/types';

/** Counts by severity; undefined when the certificate cannot be linted (storing it must not fail for that). */
export async function lintSummaryOf(cer: Uint8Array, audience?: LintAudience): Promise<LintSummary | undefined> {
  try {
    const target = certificateLintTarget(cer, audience);
    return summarizeFindings(await lintTarget(target, target.validity?.notBefore ?? new Date()));
  } catch {
    return undefined;
  }
}
