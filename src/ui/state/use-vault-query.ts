import { useEffect, useState } from 'preact/hooks';
import { useStore } from './use-store';
import { getVault, vaultStore } from './vault-client';
import type { CertificateVault } from './vault-api';

export interface Query<T> {
  data?: T;
  error?: unknown;
  loading: boolean;
}

/**
 * Runs a read against the current vault and re-runs it when the vault changes (another
 * vault chosen, or `vaultChanged()` after a write). Results of a stale run are dropped.
 */
export function useVaultQuery<T>(read: (vault: CertificateVault) => Promise<T>, deps: unknown[]): Query<T> {
  const revision = useStore(vaultStore, (s) => s.revision);
  const name = useStore(vaultStore, (s) => s.name);
  const [state, setState] = useState<Query<T>>({ loading: true });
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    getVault()
      .then(read)
      .then(
        (data) => live && setState({ data, loading: false }),
        (error: unknown) => live && setState({ error, loading: false }),
      );
    return () => {
      live = false;
    };
  }, [revision, name, ...deps]);
  return state;
}
