/**
 * updateCertificatePolicy: its own module because validating a subject needs the X.500 parser,
 * which reading and listing never do.
 */
import type { VaultContext } from './context';
import { knownIssuers, requireCertificate } from './lookups';
import { certificateKey } from './names';
import { defaultPolicy, validatePolicy } from './policy';
import { checkRevision, nextRevision } from './sync/revision';
import type { CertificatePolicy, CertificatePolicyPatch, UpdateCertificatePolicyOptions } from './types';
import { stampPolicy } from './version-records';
import { VaultError } from './vault-error';
import type { CertificateRecord } from './vault-store';
import { copyPolicy } from './views';

/** Certkeep's optional fields a `null` removes. */
const CLEARABLE = ['validityInDays', 'basicConstraints', 'nameConstraints'] as const;

/**
 * Fields given replace the current ones (PATCH, as Key Vault); `null` removes one of Certkeep's
 * own optional fields. The result is validated as a whole and applies to the next version.
 */
export async function updateCertificatePolicy(
  ctx: VaultContext,
  name: string,
  patch: CertificatePolicyPatch,
  options: UpdateCertificatePolicyOptions = {},
): Promise<CertificatePolicy> {
  const key = certificateKey(name);
  // Checked at run time: the policy comes from the caller, whatever its static type said.
  const given: unknown = patch;
  if (typeof given !== 'object' || given === null)
    throw new VaultError('BadParameter', 'The policy is missing.', { field: 'policy' });
  // Entries as they arrived (unknown: a caller may send null for any field); null only clears CLEARABLE ones.
  const entries: [string, unknown][] = Object.entries(patch);
  const defined = Object.fromEntries(entries.filter(([, v]) => v !== undefined && v !== null)) as CertificatePolicy;
  const cleared = new Set(
    entries.filter(([k, v]) => v === null && (CLEARABLE as readonly string[]).includes(k)).map(([k]) => k),
  );
  return ctx.store.write(async (tx) => {
    const cert = await requireCertificate(tx, key, name);
    checkRevision(cert, options.ifMatch, `The policy of "${cert.name}"`);
    const merged = Object.fromEntries(
      Object.entries({ ...cert.policy, ...defined }).filter(([k]) => !cleared.has(k)),
    ) as CertificatePolicy;
    // Switching key type drops the other type's size/curve, so the merged policy stays coherent.
    if (defined.keyType && defined.keyType.startsWith('EC') !== (cert.policy.keyType ?? 'RSA').startsWith('EC')) {
      if (!('keySize' in defined)) delete merged.keySize;
      if (!('keyCurveName' in defined)) delete merged.keyCurveName;
    }
    const policy = defaultPolicy(merged);
    validatePolicy(policy, await knownIssuers(tx));
    const now = ctx.now();
    const updated: CertificateRecord = {
      ...cert,
      policy: stampPolicy(policy, cert.policy, now),
      updatedOn: now,
      revision: nextRevision(cert),
    };
    await tx.put('certificates', updated);
    return copyPolicy(updated.policy);
  });
}
