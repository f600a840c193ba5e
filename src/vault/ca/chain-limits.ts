/**
 * What a CA's chain allows it to issue (RFC 5280 §4.2.1.9, §4.2.1.10): how deep a subordinate CA
 * may go under every pathLenConstraint above it, and the names every CA in the chain permits.
 * A refusal names the CA whose limit it is and says what it allows, so the admin sees why.
 */
import type { CertificateInfo } from '../../pki/certificate-info';
import type { NameSet } from '../../pki/name-constraints';
import { certifiedNamesOf, findNameViolation } from '../../pki/name-constraints-check';
import { VaultError, type VaultErrorField } from '../vault-error';

/**
 * The largest pathLength a CA certificate issued by path[0] may carry, or undefined for no limit.
 * A CA at distance i above the new one has i CA certificates between them (path[0] … path[i-1])
 * plus the new one, so pathLen_i − i − 1 remain (negative: no subordinate CA at all).
 */
function subCaPathLimit(path: CertificateInfo[]): number | undefined {
  let limit: number | undefined;
  path.forEach((ca, i) => {
    const p = ca.basicConstraints?.pathLength;
    if (p !== undefined) limit = Math.min(limit ?? Infinity, p - i - 1);
  });
  return limit;
}

/**
 * The pathLength a new CA certificate gets: the one asked for when the chain allows it, else the
 * chain's limit (undefined when there is none). BadParameter when no CA may be issued at all,
 * or the one asked for is too deep.
 */
export function pathLengthFor(
  path: CertificateInfo[],
  caName: string,
  requested: number | undefined,
): number | undefined {
  const limit = subCaPathLimit(path);
  if (limit === undefined) return requested;
  if (limit < 0) {
    const at = path.find((ca, i) => (ca.basicConstraints?.pathLength ?? Infinity) - i - 1 < 0);
    throw new VaultError(
      'BadParameter',
      `CA "${caName}" may not issue CA certificates: ${at ? `"${at.subject}" has pathLength ${at.basicConstraints?.pathLength}, which` : 'its chain'} allows no further CA below it. Issue an end-entity certificate (basicConstraints ca false), or sign with a CA higher up.`,
      { field: 'basicConstraints' },
    );
  }
  if (requested !== undefined && requested > limit)
    throw new VaultError(
      'BadParameter',
      `A CA certificate issued by "${caName}" may have pathLength ${limit} at most (its chain's path lengths allow no more): ask for ${limit} or less.`,
      { field: 'basicConstraints' },
    );
  return requested ?? limit;
}

function describeSet(set: NameSet | undefined): string {
  if (!set) return '';
  const parts = [
    ...(set.dnsNames ?? []).map((n) => `DNS ${n}`),
    ...(set.ipAddresses ?? []).map((n) => `IP ${n}`),
    ...(set.emails ?? []).map((n) => `email ${n}`),
  ];
  return parts.join(', ');
}

/**
 * BadParameter unless every name of the signed certificate `der` lies within the name
 * constraints of every CA of `path` (openssl applies them all, the root's too).
 */
export function assertWithinNameConstraints(path: CertificateInfo[], der: Uint8Array, caName: string): void {
  const names = certifiedNamesOf(der);
  for (const ca of path) {
    const nc = ca.nameConstraints;
    if (!nc) continue;
    const v = findNameViolation(names, nc);
    if (!v) continue;
    const whose = ca === path[0] ? `CA "${caName}"` : `"${ca.subject}" (above CA "${caName}")`;
    const allowed = describeSet(nc.permitted);
    const banned = describeSet(nc.excluded);
    const rule =
      v.reason === 'excluded'
        ? `lies in a subtree excluded by ${whose} (excluded: ${banned})`
        : `is outside the names permitted by ${whose} (permitted: ${allowed})`;
    const field: VaultErrorField = v.fromSubject ? 'subject' : 'subjectAlternativeNames';
    throw new VaultError(
      'BadParameter',
      `The ${v.form} "${v.name}"${v.fromSubject ? ' in the subject' : ''} ${rule}: a certificate with it would fail verification. Remove the name, or sign with a CA that may certify it.`,
      { field },
    );
  }
}
