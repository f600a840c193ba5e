import { useEffect, useState } from 'preact/hooks';
import { loadedVaultModule, loadVaultModule } from './vault-client';

/**
 * The vault module once it has loaded, undefined before. A screen whose checks are the vault's
 * own (the name rules) starts the load when it mounts and renders again when the module arrives,
 * so no rule is copied into ui/ to cover the moment before.
 */
export function useVaultModule(): ReturnType<typeof loadedVaultModule> {
  const [loaded, setLoaded] = useState(loadedVaultModule);
  useEffect(() => {
    if (loaded) return;
    let live = true;
    loadVaultModule().then(
      (m) => live && setLoaded(m),
      // Offline before the first load: the vault itself reports the problem on submit.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [loaded]);
  return loaded;
}
