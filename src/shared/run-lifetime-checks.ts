/**
 * Runs every vault's lifetime actions once: open, runLifetimeActions, close. A vault that fails
 * (corrupt, blocked by an upgrade in another tab) is reported and skipped; the others are
 * still checked, because one broken vault must not silence expiry notices for the rest.
 */
import type { CertificateVault, LifetimeEvent, OpenVaultOptions } from '../vault';
import type { VaultCheckFailure } from './lifetime-messages';

/** The two vault entry points the checks need (ARCHITECTURE §4); injected so tests can pass fakes. */
export interface VaultAccess {
  listVaults(): Promise<string[]>;
  openVault(options?: OpenVaultOptions): Promise<Pick<CertificateVault, 'runLifetimeActions' | 'close'>>;
}

export interface LifetimeChecksResult {
  notices: LifetimeEvent[];
  failures: VaultCheckFailure[];
  /** vaults checked, with how many events each produced (failed vaults excluded) */
  checked: { vaultName: string; events: number }[];
}

export interface RunLifetimeChecksOptions {
  now?: () => Date;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Checks every vault listVaults() knows, one after the other (vaults share one IndexedDB thread anyway). */
export async function runLifetimeChecks(
  access: VaultAccess,
  options: RunLifetimeChecksOptions = {},
): Promise<LifetimeChecksResult> {
  const result: LifetimeChecksResult = { notices: [], failures: [], checked: [] };
  let names: string[];
  try {
    names = await access.listVaults();
  } catch (error) {
    result.failures.push({ vaultName: '*', message: `cannot list vaults: ${messageOf(error)}` });
    return result;
  }
  for (const vaultName of names) {
    let vault: Awaited<ReturnType<VaultAccess['openVault']>> | undefined;
    try {
      vault = await access.openVault({ name: vaultName, now: options.now });
      const events = await vault.runLifetimeActions();
      // Each event carries what a notification needs (issuer, action): nothing more to read.
      for (const event of events) result.notices.push(event);
      result.checked.push({ vaultName, events: events.length });
    } catch (error) {
      result.failures.push({ vaultName, message: messageOf(error) });
    } finally {
      try {
        vault?.close();
      } catch {
        /* closing a broken vault must not hide the others */
      }
    }
  }
  return result;
}
