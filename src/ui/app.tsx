import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { useStore } from './state/use-store';
import { NAV_ROUTES, hrefFor, routerStore, type RouteName } from './state/router';
import { pwaStore, applyUpdate } from './pwa/register-sw';
import { networkStore, offlineStatusText } from './pwa/network-status';
import { CertificatesPage } from './pages/certificates-page';
import { SettingsPage } from './pages/settings-page';
import { CreatePage } from './pages/create-page';
import { ImportPage } from './pages/import-page';
import { CertificatePage } from './pages/certificate-page';
import { IssuersPage } from './pages/issuers-page';
import { ContactsPage } from './pages/contacts-page';
import { DeletedPage } from './pages/deleted-page';
import { VaultSwitcher } from './components/vault-switcher';
import { DueBanner } from './notifications/due-banner';
import { PersistenceNotice } from './pwa/persistence-notice';

const PAGES: Record<RouteName, (params: string[]) => ComponentChildren> = {
  certificates: () => <CertificatesPage />,
  certificate: (params) => {
    const name = params.at(0) ?? '';
    const version = params.at(1);
    return <CertificatePage key={`${name}/${version ?? ''}`} name={name} version={version} />;
  },
  create: () => <CreatePage />,
  import: () => <ImportPage />,
  issuers: () => <IssuersPage />,
  contacts: () => <ContactsPage />,
  deleted: () => <DeletedPage />,
  settings: () => <SettingsPage />,
};

export function App() {
  const route = useStore(routerStore, (s) => s.route);
  const navName =
    route.name === 'certificate' || route.name === 'create' || route.name === 'import' ? 'certificates' : route.name;
  const page = PAGES[route.name](route.params);
  useRouteFocus(`${route.name}/${route.params.join('/')}`);
  return (
    <div class="frame">
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class="top">
        <a class="brand" href={hrefFor('certificates')}>
          <img src="/favicon.svg" alt="" width="28" height="28" />
          <span>Certkeep</span>
        </a>
        <VaultSwitcher />
        <OfflineIndicator />
      </header>
      <nav class="nav" aria-label="Main">
        <ul>
          {NAV_ROUTES.map((r) => (
            <li key={r.name}>
              <a href={hrefFor(r.name)} aria-current={navName === r.name ? 'page' : undefined}>
                {r.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <UpdateBanner />
      <DueBanner />
      <PersistenceNotice />
      <main id="main" tabIndex={-1}>
        {page}
      </main>
    </div>
  );
}

/**
 * A hash route change is not a page load: screen readers would stay where they were. Move
 * focus to <main> (tabIndex -1) and to the top, as a new page would, except on first load.
 */
function useRouteFocus(key: string): void {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.getElementById('main')?.focus();
    scrollTo(0, 0);
  }, [key]);
}

/**
 * Whether the app works without the network, and whether the network is there at all. Always
 * rendered, empty or not, so the live region exists before its words change (a screen reader
 * hears "Network down" when the cable goes).
 */
function OfflineIndicator() {
  const offlineReady = useStore(pwaStore, (s) => s.offlineReady);
  const installing = useStore(pwaStore, (s) => s.installing);
  const online = useStore(networkStore, (s) => s.online);
  const status = offlineStatusText({ online, offlineReady, installing });
  return (
    <span class={`offline-indicator tone-${status.tone}`} role="status" data-testid="offline-status">
      {status.text}
    </span>
  );
}

function UpdateBanner() {
  const waiting = useStore(pwaStore, (s) => s.updateWaiting);
  if (!waiting) return null;
  return (
    <div class="banner" role="alert">
      Update available.{' '}
      <button type="button" onClick={applyUpdate}>
        Reload
      </button>
    </div>
  );
}
