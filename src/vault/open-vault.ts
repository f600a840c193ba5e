/**
 * openVault / listVaults (ARCHITECTURE §4): each vault is its own IndexedDB database, so several
 * vaults segment certificates the way Key Vault users make several vaults.
 */
import { listVaultDatabases, openIdbVaultStore } from '../store/idb-vault-store';
import { createCertificateVault } from './certificate-vault';
import { createVaultContext } from './context';
import { purgeExpiredDeleted } from './deleted';
import { checkVaultName } from './names';
import type { CertificateVault, OpenVaultOptions } from './types';
import { guard, VaultError } from './vault-error';

/** Opens (creating on first use) the vault `name` (default "default"). */
export function openVault(options: OpenVaultOptions = {}): Promise<CertificateVault> {
  return guard('Opening the vault', async () => {
    const name = checkVaultName(options.name ?? 'default');
    if (typeof indexedDB === 'undefined') {
      throw new VaultError(
        'Unsupported',
        'This browser offers no IndexedDB storage (a private window may disable it), so the vault cannot be opened.',
      );
    }
    const store = await openIdbVaultStore(name);
    const ctx = createVaultContext(store, options.now);
    await purgeExpiredDeleted(ctx);
    return createCertificateVault(ctx);
  });
}

/** The names of the vaults in this browser profile, sorted. */
export function listVaults(): Promise<string[]> {
  return guard('Listing vaults', () => listVaultDatabases());
}
