import { LintPanel } from '../components/lint-findings';
import { useCertificateLint, useRequestLint } from '../state/use-lint';
import type { CertificatePolicy } from '../state/vault-api';

/** A stored or merged certificate's findings (certificate page): judged at its notBefore. */
export function CertificateLintPanel({ der }: { der: Uint8Array }) {
  const lint = useCertificateLint(der);
  return (
    <section class="panel" aria-labelledby="lint-title" data-testid="certificate-lint">
      <h2 id="lint-title">Lint</h2>
      <LintPanel title="Baseline Requirements check" findings={lint.findings} error={lint.error} />
    </section>
  );
}

/**
 * The findings for the certificate a CA would make of a pending request under the policy, shown
 * before the CSR is carried across the gap, so a refusal is not learned a round trip later.
 */
export function RequestLintPanel({
  csr,
  policy,
  testId,
}: {
  csr: Uint8Array;
  policy?: CertificatePolicy;
  testId: string;
}) {
  const lint = useRequestLint(csr, policy);
  return (
    <LintPanel title="What a public CA would refuse" findings={lint.findings} error={lint.error} testId={testId} />
  );
}

/** The leaf's findings in the import preview, before anything is stored. */
export function ImportLint({ der }: { der: Uint8Array }) {
  const lint = useCertificateLint(der);
  return <LintPanel title="Lint of the certificate" findings={lint.findings} error={lint.error} testId="import-lint" />;
}
