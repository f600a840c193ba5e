/**
 * The words of a checked chain (ARCHITECTURE §8 "Chains and trust anchors"): one status per
 * link, spelled out ("expired intermediate", "untrusted root") so colour is never the only cue.
 */
import type { CertificateChain, CertificateChainProblemCode } from './vault-api';

type LinkRole = 'certificate' | 'intermediate' | 'root';
/** ok: nothing wrong; warn: not trusted (yet); bad: a check fails. */
export type LinkTone = 'ok' | 'warn' | 'bad';

export interface LinkWords {
  role: LinkRole;
  /** "this certificate", "intermediate", "root" */
  roleLabel: string;
  status: string;
  tone: LinkTone;
  /** the sentences of the problems about this link */
  messages: string[];
  /** where it was found, as a person says it */
  from: string;
}

const ROLE_LABEL: Record<LinkRole, string> = {
  certificate: 'this certificate',
  intermediate: 'intermediate',
  root: 'root',
};

const PROBLEM_STATUS: Record<CertificateChainProblemCode, (role: LinkRole) => string> = {
  expired: (r) => `expired ${r}`,
  notYetValid: (r) => `${r} not yet valid`,
  badSignature: () => 'signature does not verify',
  unsupportedSignature: () => 'signature cannot be checked',
  notCa: () => 'not a CA',
  noKeyCertSign: () => 'may not sign certificates',
  pathLengthExceeded: () => 'path length exceeded',
  nameNotPermitted: () => 'name outside the CA’s constraints',
  nameExcluded: () => 'name excluded by the CA',
  issuerNotFound: () => 'issuer not found',
  untrustedRoot: (r) => (r === 'certificate' ? 'self-signed, not trusted' : 'untrusted root'),
};
const WARN: ReadonlySet<CertificateChainProblemCode> = new Set(['issuerNotFound', 'untrustedRoot']);

const FROM = { version: 'from this version’s chain', vault: 'from another vault certificate', anchor: 'trust anchor' };

/** The words of every link, leaf first. */
export function linkWords(chain: CertificateChain): LinkWords[] {
  const last = chain.path.length - 1;
  return chain.path.map((link, i) => {
    const role: LinkRole =
      i === 0 ? 'certificate' : i === last && link.subject === link.issuer ? 'root' : 'intermediate';
    const problems = chain.problems.filter((p) => p.sha256 === link.sha256);
    const first = problems.at(0);
    const from = i === 0 && link.source === 'version' ? 'this version' : FROM[link.source];
    const messages = problems.map((p) => p.message);
    if (first) {
      const tone: LinkTone = problems.every((p) => WARN.has(p.code)) ? 'warn' : 'bad';
      return { role, roleLabel: ROLE_LABEL[role], status: PROBLEM_STATUS[first.code](role), tone, messages, from };
    }
    const status = link.source === 'anchor' || chain.status === 'trusted' ? 'trusted' : 'valid';
    return { role, roleLabel: ROLE_LABEL[role], status, tone: 'ok', messages, from };
  });
}

/** One sentence for the whole chain. */
export function chainSummary(chain: CertificateChain): string {
  switch (chain.status) {
    case 'trusted':
      return 'Trusted: the chain ends at a trust anchor of this vault and every link checks out.';
    case 'untrusted':
      return 'Not trusted: the chain does not reach a trust anchor of this vault.';
    case 'invalid':
      return 'Invalid: a link of the chain fails a check.';
  }
}
