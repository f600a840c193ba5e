import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * A page whose code is fetched the first time it is shown, so the landing page (the
 * Certificates list) paints without the forms and panels of every other screen
 * (first-paint budget, ARCHITECTURE §2). Each module is fetched once; a failed fetch (offline
 * before the service worker cached it) says so and is tried again on the next visit.
 */
export function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<ComponentType<P>> | undefined;
  const fetchPage = () =>
    (pending ??= load().then(
      (page) => (loaded = page),
      (e: unknown) => {
        pending = undefined;
        throw e;
      },
    ));
  return function LazyPage(props: P) {
    const [page, setPage] = useState<{ component?: ComponentType<P>; failed?: boolean }>({ component: loaded });
    useEffect(() => {
      if (page.component) return;
      let live = true;
      fetchPage().then(
        (component) => live && setPage({ component }),
        () => live && setPage({ failed: true }),
      );
      return () => {
        live = false;
      };
    }, []);
    const Page = page.component;
    if (Page) return <Page {...props} />;
    if (page.failed)
      return (
        <p role="alert">
          This screen could not be loaded (the app is offline and has not cached it yet). Reload to try again.
        </p>
      );
    return <p aria-busy="true">Loading…</p>;
  };
}
