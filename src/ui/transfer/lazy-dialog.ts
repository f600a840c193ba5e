import { useState } from 'preact/hooks';

/**
 * A module fetched the first time its button is pressed, so the QR and camera code never weighs
 * on the first load. `load` rejects when the fetch failed (offline before the service worker
 * cached the chunk); the next press tries again.
 */
export function useLazyModule<M>(importer: () => Promise<M>) {
  const [module, setModule] = useState<M>();
  const [loading, setLoading] = useState(false);
  const load = async (): Promise<M> => {
    if (module) return module;
    setLoading(true);
    try {
      const m = await importer();
      setModule(() => m);
      return m;
    } finally {
      setLoading(false);
    }
  };
  return { module, loading, load };
}
