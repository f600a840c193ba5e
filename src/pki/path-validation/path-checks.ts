/**
 * The checks of RFC 5280 §6.1 on one candidate path, leaf first, as openssl verify makes them:
 * every signature under the next certificate's key (a trust anchor's own signature is not
 * checked: it is trusted as it is), every certificate valid at `now` (the anchor too), every
 * issuer a CA (basicConstraints cA, or a v1 certificate as openssl allows) whose keyUsage, when
 * present, has keyCertSign, each pathLenConstraint against the non-self-issued intermediates
 * below it, and each CA's name constraints over the names of every certificate below it
 * (self-issued intermediates excepted, §6.1.3 b). Problems say which certificate and why;
 * the caller words them.
 */
import { isSelfIssued } from '../chain';
import { certifiedNamesOf, findNameViolation } from '../name-constraints-check';
import type { PathCertificate } from './path-certificate';
import type { SignatureCheck } from './verify-signature';

export type PathProblemCode =
  | 'expired'
  | 'notYetValid'
  | 'badSignature'
  | 'unsupportedSignature'
  | 'notCa'
  | 'noKeyCertSign'
  | 'pathLengthExceeded'
  | 'nameNotPermitted'
  | 'nameExcluded'
  | 'issuerNotFound'
  | 'untrustedRoot';

export interface PathProblem {
  code: PathProblemCode;
  /** the certificate it is about: its place in the path (0 = the leaf) and SHA-256 */
  index: number;
  sha256: string;
  /** unsupportedSignature: what is not supported; name*: the name; issuerNotFound: the issuer's name */
  detail?: string;
  /** the CA whose constraint is broken (name*, pathLengthExceeded: the certificate itself) */
  by?: number;
  /** pathLengthExceeded: the CA's pathLenConstraint */
  limit?: number;
}

/** Problems that only say the path does not reach a trust anchor. */
export const TRUST_PROBLEMS: ReadonlySet<PathProblemCode> = new Set(['issuerNotFound', 'untrustedRoot']);

/** Checks a signature; the caller caches by (certificate, issuer). */
export type SignatureVerifier = (cert: PathCertificate, issuer: PathCertificate) => Promise<SignatureCheck>;

function validityProblems(path: PathCertificate[], now: Date): PathProblem[] {
  const out: PathProblem[] = [];
  for (const [index, c] of path.entries()) {
    if (c.notAfter.getTime() < now.getTime()) out.push({ code: 'expired', index, sha256: c.sha256 });
    else if (c.notBefore.getTime() > now.getTime()) out.push({ code: 'notYetValid', index, sha256: c.sha256 });
  }
  return out;
}

function issuerProblems(path: PathCertificate[]): PathProblem[] {
  const out: PathProblem[] = [];
  for (const [index, c] of path.entries()) {
    if (index === 0) continue;
    const ca = c.basicConstraints?.ca === true || (c.version === 1 && !c.basicConstraints);
    if (!ca) out.push({ code: 'notCa', index, sha256: c.sha256 });
    if (c.keyUsage && !c.keyUsage.includes('keyCertSign')) out.push({ code: 'noKeyCertSign', index, sha256: c.sha256 });
    const limit = c.basicConstraints?.pathLength;
    if (limit !== undefined) {
      // Intermediates between this CA and the leaf; self-issued ones do not count (§6.1.4 l).
      const below = path.slice(1, index).filter((x) => !isSelfIssued(x.node)).length;
      if (below > limit) out.push({ code: 'pathLengthExceeded', index, sha256: c.sha256, by: index, limit });
    }
  }
  return out;
}

function nameProblems(path: PathCertificate[]): PathProblem[] {
  const out: PathProblem[] = [];
  for (const [by, ca] of path.entries()) {
    const constraints = ca.nameConstraints;
    if (by === 0 || !constraints) continue;
    for (let index = 0; index < by; index++) {
      const c = path[index];
      if (index > 0 && isSelfIssued(c.node)) continue;
      const violation = findNameViolation(certifiedNamesOf(c.der), constraints);
      if (!violation) continue;
      const code = violation.reason === 'excluded' ? 'nameExcluded' : 'nameNotPermitted';
      out.push({ code, index, sha256: c.sha256, by, detail: `${violation.form} ${violation.name}` });
    }
  }
  return out;
}

async function signatureProblems(
  path: PathCertificate[],
  anchored: boolean,
  verify: SignatureVerifier,
): Promise<PathProblem[]> {
  const out: PathProblem[] = [];
  for (let index = 0; index + 1 < path.length; index++) {
    const c = path[index];
    const check = await verify(c, path[index + 1]);
    if (check.result === 'invalid') out.push({ code: 'badSignature', index, sha256: c.sha256 });
    if (check.result === 'unsupported') {
      out.push({ code: 'unsupportedSignature', index, sha256: c.sha256, detail: check.why });
    }
  }
  const top = path.at(-1);
  if (top && !anchored) {
    const index = path.length - 1;
    if (isSelfIssued(top.node)) out.push({ code: 'untrustedRoot', index, sha256: top.sha256 });
    else out.push({ code: 'issuerNotFound', index, sha256: top.sha256, detail: top.issuer });
  }
  return out;
}

/** Every problem of one path (leaf first); `anchored` when its last certificate is a trust anchor. */
export async function checkPath(
  path: PathCertificate[],
  anchored: boolean,
  now: Date,
  verify: SignatureVerifier,
): Promise<PathProblem[]> {
  const problems = [
    ...(await signatureProblems(path, anchored, verify)),
    ...validityProblems(path, now),
    ...issuerProblems(path),
    ...nameProblems(path),
  ];
  return problems.sort((a, b) => a.index - b.index);
}
