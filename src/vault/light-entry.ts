/**
 * The part of the vault API (ARCHITECTURE §4) that opening, listing and searching need, and the
 * composition root (ARCHITECTURE §2): the one place that decides which store a vault opens, here
 * IndexedDB through src/store/. Nothing here reaches the PKI libraries (pkijs, @peculiar/x509,
 * asn1js), so the Certificates list paints with this file alone; src/vault/index.ts is the whole
 * API and re-exports everything below.
 */
import { listVaultDatabases, openIdbVaultStore } from '../store';
import { createVaultOpener } from './open-vault';
import type { CertificateVault, OpenVaultOptions } from './types';
import { VaultError } from './vault-error';

/** Every vault is its own IndexedDB database. */
const vaults = createVaultOpener({
  open: (name) => {
    // A private window may disable IndexedDB: say so, rather than fail on a missing global.
    if (typeof indexedDB === 'undefined') {
      return Promise.reject(
        new VaultError(
          'Unsupported',
          'This browser offers no IndexedDB storage (a private window may disable it), so the vault cannot be opened.',
        ),
      );
    }
    return openIdbVaultStore(name);
  },
  list: listVaultDatabases,
});

/** Opens (creating on first use) the vault `name` (default "default"). */
export function openVault(options?: OpenVaultOptions): Promise<CertificateVault> {
  return vaults.openVault(options);
}

/** The names of the vaults in this browser profile, sorted. */
export function listVaults(): Promise<string[]> {
  return vaults.listVaults();
}

export { VaultError, isVaultError, type VaultErrorCode } from './vault-error';
export type { VaultErrorField } from './vault-error';
export { certificateNameProblem, issuerNameProblem, vaultNameProblem, principalNameProblem } from './names';
export {
  CERTIFICATE_PERMISSIONS,
  KEY_PERMISSIONS,
  SECRET_PERMISSIONS,
  PERMISSION_TEMPLATES,
  OWNER_TEMPLATE,
  allPermissions,
} from './access/permissions';
export { MIN_PASSPHRASE_LENGTH } from './access/credential-input';
export { FREE_UNLOCK_TRIES } from './access/unlock-throttle';
export { keyOperationsFor, type KeyOperation } from './key-operations';
export { daysUntilExpiry, expiryPhrase } from './lifetime-schedule';
export * from './types';
export { EKU } from '../pki/asn1/oids';
export { watchVaultChanges } from './sync/watch-vault-changes';
export type { VaultChange, VaultChangeKind } from './sync/change-message';
