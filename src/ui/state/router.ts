import { createStore } from 'zustand/vanilla';

/** The app's screens; the hash (`#/certificates/web`) keeps the route so reload and Back work. */
export type RouteName =
  'certificates' | 'certificate' | 'create' | 'import' | 'issuers' | 'contacts' | 'deleted' | 'access' | 'settings';

export interface Route {
  name: RouteName;
  /** Path segments after the route name, decoded (e.g. a certificate name). */
  params: string[];
}

export const NAV_ROUTES: { name: RouteName; label: string }[] = [
  { name: 'certificates', label: 'Certificates' },
  { name: 'issuers', label: 'Issuers' },
  { name: 'contacts', label: 'Contacts' },
  { name: 'deleted', label: 'Deleted' },
  { name: 'access', label: 'Access' },
  { name: 'settings', label: 'Settings' },
];

const KNOWN = new Set<RouteName>([
  'certificates',
  'certificate',
  'create',
  'import',
  'issuers',
  'contacts',
  'deleted',
  'access',
  'settings',
]);

function parseHash(hash: string): Route {
  const [first = '', ...rest] = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  const name = KNOWN.has(first as RouteName) ? (first as RouteName) : 'certificates';
  return { name, params: rest.map((p) => decodeURIComponent(p)) };
}

export function hrefFor(name: RouteName, ...params: string[]): string {
  return `#/${[name, ...params.map(encodeURIComponent)].join('/')}`;
}

/** `location` is absent outside a browser (the unit tests import the router's logic in Node). */
const startHash = (globalThis as { location?: Location }).location?.hash ?? '';

export const routerStore = createStore<{ route: Route }>(() => ({ route: parseHash(startHash) }));

export function navigate(name: RouteName, ...params: string[]): void {
  location.hash = hrefFor(name, ...params);
}

export function startRouter(): void {
  addEventListener('hashchange', () => routerStore.setState({ route: parseHash(location.hash) }));
}
