/**
 * updateCertificatePolicy: its own module because validating a subject needs the X.500 parser,
 * which reading and listing never do.
 */
import type { VaultContext } from './context';
import { knownIssuerNames, requireCertificate } from './lookups';
import { certificateKey } from './names';
import { defaultPolicy, validatePolicy } from './policy';
import type { CertificatePolicy } from './types';
import { stampPolicy } from './version-records';
import { VaultError } from './vault-error';
import type { CertificateRecord } from './vault-store';
import { copyPolicy } from './views';

/**
 * Fields given replace the current ones (PATCH, as Key Vault); the result is validated as a
 * whole and applies to the next version.
 */
export async function updateCertificatePolicy(
  ctx: VaultContext,
  name: string,
  patch: CertificatePolicy,
): Promise<CertificatePolicy> {
  const key = certificateKey(name);
  // Checked at run time: the policy comes from the caller, whatever its static type said.
  const given: unknown = patch;
  if (typeof given !== 'object' || given === null)
    throw new VaultError('BadParameter', 'The policy is missing.', { field: 'policy' });
  const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as CertificatePolicy;
  return ctx.store.write(async (tx) => {
    const cert = await requireCertificate(tx, key, name);
    const merged = { ...cert.policy, ...defined };
    // Switching key type drops the other type's size/curve, so the merged policy stays coherent.
    if (defined.keyType && defined.keyType.startsWith('EC') !== (cert.policy.keyType ?? 'RSA').startsWith('EC')) {
      if (!('keySize' in defined)) delete merged.keySize;
      if (!('keyCurveName' in defined)) delete merged.keyCurveName;
    }
    const policy = defaultPolicy(merged);
    validatePolicy(policy, { knownIssuers: await knownIssuerNames(tx) });
    const now = ctx.now();
    const updated: CertificateRecord = { ...cert, policy: stampPolicy(policy, cert.policy, now), updatedOn: now };
    await tx.put('certificates', updated);
    return copyPolicy(updated.policy);
  });
}
