/**
 * The sentence for each chain problem: which certificate, what is wrong, what to do. A link is
 * named by its role (the certificate, an intermediate, the root) and its subject.
 */
import type { PathCertificate } from '../../pki/path-validation/path-certificate';
import type { PathProblem } from '../../pki/path-validation/path-checks';
import type { CertificateChainProblemCode } from './trust-types';

function role(path: PathCertificate[], index: number): string {
  const c = path[index];
  if (index === 0) return `The certificate "${c.subject}"`;
  const top = index === path.length - 1 && c.subject === c.issuer;
  return `The ${top ? 'root' : 'intermediate'} "${c.subject}"`;
}

const day = (d: Date): string => d.toISOString().slice(0, 10);

type Words = (path: PathCertificate[], p: PathProblem) => string;

const WORDS: Record<CertificateChainProblemCode, Words> = {
  expired: (path, p) =>
    `${role(path, p.index)} expired on ${day(path[p.index].notAfter)}: ${
      p.index === 0 ? 'renew it' : 'merge or import the chain with its current version, or renew it'
    }.`,
  notYetValid: (path, p) => `${role(path, p.index)} is not valid before ${day(path[p.index].notBefore)}.`,
  badSignature: (path, p) =>
    `${role(path, p.index)}: its signature does not verify with the key of "${path[p.index + 1].subject}". The certificate was altered, or that is not the certificate that signed it.`,
  unsupportedSignature: (path, p) =>
    `${role(path, p.index)}: its signature cannot be checked, since Certkeep does not support ${p.detail ?? 'its algorithm'}.`,
  notCa: (path, p) =>
    `${role(path, p.index)} signs "${path[p.index - 1].subject}" but is not a CA certificate (its basicConstraints do not say cA TRUE).`,
  noKeyCertSign: (path, p) =>
    `${role(path, p.index)} signs "${path[p.index - 1].subject}" but its key usage does not include certificate signing (keyCertSign).`,
  pathLengthExceeded: (path, p) =>
    `${role(path, p.index)} allows ${p.limit ?? 0} intermediate${p.limit === 1 ? '' : 's'} below it (pathLenConstraint), and this chain has more.`,
  nameNotPermitted: (path, p) =>
    `${role(path, p.index)} holds the ${p.detail ?? 'name'}, which is outside the names "${path[p.by ?? 0].subject}" may certify (name constraints).`,
  nameExcluded: (path, p) =>
    `${role(path, p.index)} holds the ${p.detail ?? 'name'}, which the name constraints of "${path[p.by ?? 0].subject}" exclude.`,
  issuerNotFound: (path, p) =>
    `The issuer of "${path[p.index].subject}" ("${p.detail ?? path[p.index].issuer}") is not in this version's chain, in the vault or among the trust anchors: merge or import the chain with it, or add it as a trust anchor.`,
  untrustedRoot: (path, p) =>
    p.index === 0
      ? `"${path[0].subject}" is self-signed and not a trust anchor: trust it only if you know where it comes from.`
      : `The chain ends at the root "${path[p.index].subject}", which is not a trust anchor: add it as one if you trust it.`,
};

export function problemMessage(path: PathCertificate[], p: PathProblem): string {
  return WORDS[p.code](path, p);
}
