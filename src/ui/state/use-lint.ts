import { useEffect, useState } from 'preact/hooks';
import { explainError } from '../errors';
import { draftToPolicy, type PolicyDraft } from './policy-draft';
import { getVault } from './vault-client';
import type { CertificatePolicy, CertificateVault, LintFinding } from './vault-api';

export interface LintState {
  /** undefined while linting */
  findings?: LintFinding[];
  /** the vault's words when the input could not be linted */
  error?: string;
}

/** Runs one lint call whenever `key` changes; stale answers are dropped. */
function useLint(run: ((vault: CertificateVault) => Promise<LintFinding[]>) | undefined, key: unknown[], delay = 0) {
  const [state, setState] = useState<LintState>({});
  useEffect(() => {
    if (!run) {
      setState({ findings: [] });
      return;
    }
    let live = true;
    setState((s) => ({ findings: s.findings }));
    const timer = setTimeout(() => {
      getVault()
        .then(run)
        .then(
          (findings) => live && setState({ findings }),
          (e: unknown) => live && setState({ error: explainError(e).message }),
        );
    }, delay);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, key);
  return state;
}

/**
 * The findings for what a policy draft would make, as the form is typed (debounced). A draft the
 * vault refuses has no findings: the form shows its field errors instead.
 */
export function usePolicyLint(draft: PolicyDraft): LintFinding[] {
  const state = useLint((vault) => vault.lintPolicy(draftToPolicy(draft)), [draft], 250);
  return state.findings ?? [];
}

/** The findings for a certificate (DER). */
export function useCertificateLint(der: Uint8Array | undefined): LintState {
  return useLint(der && ((vault) => vault.lintCertificate(der)), [der]);
}

/** The findings for the certificate a CA would make of `csr`, under `policy` when given. */
export function useRequestLint(csr: Uint8Array | undefined, policy?: CertificatePolicy): LintState {
  return useLint(csr && ((vault) => vault.lintCertificateRequest(csr, policy ? { policy } : {})), [csr, policy]);
}
