/**
 * Certificate names: Key Vault's `^[0-9a-zA-Z-]{1,127}$`, unique without regard to case, so
 * records are keyed by the lowercase name and keep the spelling first written.
 */
import { VaultError } from './vault-error';

const NAME = /^[0-9a-zA-Z-]{1,127}$/;

/** The store key of a valid name; BadParameter otherwise. */
export function certificateKey(name: unknown): string {
  if (typeof name !== 'string' || !NAME.test(name)) {
    const shown = typeof name === 'string' ? `"${name.length > 40 ? `${name.slice(0, 40)}…` : name}"` : String(name);
    throw new VaultError(
      'BadParameter',
      `The certificate name ${shown} is not valid: use 1 to 127 letters, digits and hyphens.`,
    );
  }
  return name.toLowerCase();
}

export function isValidCertificateName(name: string): boolean {
  return NAME.test(name);
}
