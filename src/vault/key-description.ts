import type { CertificatePolicy } from './types';

/**
 * "RSA 2048", "EC P-256": the key the policy names (the certificate's key for imports, whose
 * policy is derived from it). Undefined when the policy names no key type.
 */
export function keyDescription(p: CertificatePolicy): string | undefined {
  if (!p.keyType) return undefined;
  const detail = p.keyType.startsWith('EC') ? p.keyCurveName : p.keySize;
  return detail === undefined ? p.keyType : `${p.keyType} ${detail}`;
}
