/** Types of targets.mjs for the unit test's fuzz slice. */
import type { CertificateVault } from '../../src/vault/types';
import type { VaultStore } from '../../src/vault/vault-store';
import type { FuzzSeed, FuzzTarget } from './engine.mjs';

export function prepareTargets(api: {
  vault: CertificateVault;
  store: VaultStore;
  module: Record<string, unknown>;
  ca: { caPem: string; sign(csrPem: string): string };
  backupOf: (name: string, password: string) => Promise<Uint8Array>;
  openssl: (args: string[], input?: string) => Uint8Array;
}): Promise<{ targets: FuzzTarget[]; seeds: FuzzSeed[] }>;
