/**
 * Certificate policy: Azure's defaults and validation (DESIGN §5). The UI reuses both to fill
 * and check its form before calling the vault.
 */
import type { CertificatePolicy } from './types';

/** Azure's defaults for `issuerName` (Self unless given). */
export function defaultPolicy(overrides: CertificatePolicy = {}): CertificatePolicy {
  throw new Error('todo');
}

/** Throws VaultError('BadParameter') naming the field and the allowed values. */
export function validatePolicy(policy: CertificatePolicy, options?: { knownIssuers?: string[] }): void {
  throw new Error('todo');
}
