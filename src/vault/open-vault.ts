/**
 * openVault / listVaults (ARCHITECTURE §4) over the stores a provider hands out: each vault is
 * its own store (an IndexedDB database in the app), so several vaults segment certificates the
 * way Key Vault users make several vaults. Which provider is decided by the composition root
 * (index.ts), not here.
 */
import { createCertificateVault } from './certificate-vault';
import { createVaultContext } from './context';
import { purgeExpiredDeleted } from './deleted';
import { checkVaultName } from './names';
import type { CertificateVault, OpenVaultOptions } from './types';
import { guard } from './vault-error';
import type { VaultStoreProvider } from './vault-store';

/** The two entry points of the vault API, bound to one store provider. */
export interface VaultOpener {
  /** Opens (creating on first use) the vault `name` (default "default"). */
  openVault(options?: OpenVaultOptions): Promise<CertificateVault>;
  /** The names of the vaults in this browser profile, sorted. */
  listVaults(): Promise<string[]>;
}

/** openVault and listVaults over `stores`. */
export function createVaultOpener(stores: VaultStoreProvider): VaultOpener {
  return {
    openVault: (options = {}) =>
      guard('Opening the vault', async () => {
        const name = checkVaultName(options.name ?? 'default');
        const store = await stores.open(name);
        const ctx = createVaultContext(store, options.now);
        await purgeExpiredDeleted(ctx);
        return createCertificateVault(ctx);
      }),
    listVaults: () => guard('Listing vaults', () => stores.list()),
  };
}
