import type { LintFinding, LintSeverity } from '../state/vault-api';

const SEVERITY_WORDS: Record<LintSeverity, string> = { error: 'Error', warning: 'Warning', notice: 'Notice' };

/** "2 errors, 1 warning" — what a list row or a panel heading says about findings. */
function findingCounts(findings: readonly LintFinding[]): string {
  const count = (s: LintSeverity, one: string) => {
    const n = findings.filter((f) => f.severity === s).length;
    return n === 0 ? [] : [`${n} ${one}${n === 1 ? '' : 's'}`];
  };
  const parts = [...count('error', 'error'), ...count('warning', 'warning'), ...count('notice', 'notice')];
  return parts.length ? parts.join(', ') : 'no findings';
}

/**
 * Lint findings as a list: severity in words (not colour alone), the sentence to act on, and
 * the rule's id and the BR section or RFC it comes from, so an admin can look it up.
 */
export function LintFindingList({ findings, id }: { findings: readonly LintFinding[]; id?: string }) {
  if (findings.length === 0) return null;
  return (
    <ul class="lint-findings" id={id} data-testid="lint-findings">
      {findings.map((f) => (
        <li key={`${f.id}:${f.message}`} class={`lint-${f.severity}`} data-lint-id={f.id}>
          <strong class="lint-severity">{SEVERITY_WORDS[f.severity]}:</strong> {f.message}{' '}
          <span class="lint-reference">
            ({f.reference}; <code>{f.id}</code>)
          </span>
        </li>
      ))}
    </ul>
  );
}

/**
 * A panel of findings (certificate page, pending request, import preview, sign-a-request
 * dialog). `findings` undefined means still linting.
 */
export function LintPanel({
  title,
  findings,
  error,
  headingLevel = 3,
  testId,
}: {
  title: string;
  findings?: readonly LintFinding[];
  error?: string;
  headingLevel?: 2 | 3;
  testId?: string;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section class="lint-panel" aria-label={title} data-testid={testId}>
      <Heading>{title}</Heading>
      {error ? (
        <p class="hint">{error}</p>
      ) : findings === undefined ? (
        <p role="status">Checking against the CA/B Forum Baseline Requirements…</p>
      ) : findings.length === 0 ? (
        <p role="status">No findings: nothing the Baseline Requirements or RFC 5280 would refuse.</p>
      ) : (
        <>
          <p role="status">{findingCounts(findings)}.</p>
          <LintFindingList findings={findings} />
        </>
      )}
    </section>
  );
}
