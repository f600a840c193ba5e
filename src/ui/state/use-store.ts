import { useEffect, useReducer, useRef } from 'preact/hooks';
import type { StoreApi } from 'zustand/vanilla';

/**
 * Binds a zustand vanilla store to Preact. We use `zustand/vanilla` rather than the React
 * entry so no React types or compat layer are needed; re-renders only when the selected
 * slice changes (Object.is), like zustand's own hook.
 */
export function useStore<S, T>(store: StoreApi<S>, select: (state: S) => T): T {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const selected = select(store.getState());
  const last = useRef(selected);
  last.current = selected;
  useEffect(() => {
    const unsubscribe = store.subscribe((state) => {
      if (!Object.is(select(state), last.current)) rerender(0);
    });
    // A change between the render and this effect (a promise that settled at once) has no
    // listener to hear it: compare once now.
    if (!Object.is(select(store.getState()), last.current)) rerender(0);
    return unsubscribe;
  }, [store]);
  return selected;
}
