import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { useStore } from './state/use-store';
import { NAV_ROUTES, hrefFor, routerStore, type RouteName } from './state/router';
import { pwaStore, applyUpdate } from './pwa/register-sw';
import { networkStore, offlineStatusText } from './pwa/network-status';
import { CertificatesPage } from './pages/certificates-page';
import { VaultSwitcher } from './components/vault-switcher';
import { DueBanner } from './notifications/due-banner';
import { LockScreen } from './access/lock-screen';
import { LockButton, ProtectionBanner } from './access/access-header';
import { accessStore, isLockedView } from './access/lock-control';
import { PersistenceNotice } from './pwa/persistence-notice';
import { lazyPage } from './lazy-page';

// The landing page is in the shell; every other screen is fetched when first shown.
const SettingsPage = lazyPage(() => import('./pages/settings-page').then((m) => m.SettingsPage));
const CreatePage = lazyPage(() => import('./pages/create-page').then((m) => m.CreatePage));
const ImportPage = lazyPage(() => import('./pages/import-page').then((m) => m.ImportPage));
const CertificatePage = lazyPage(() => import('./pages/certificate-page').then((m) => m.CertificatePage));
const IssuersPage = lazyPage(() => import('./pages/issuers-page').then((m) => m.IssuersPage));
const ContactsPage = lazyPage(() => import('./pages/contacts-page').then((m) => m.ContactsPage));
const DeletedPage = lazyPage(() => import('./pages/deleted-page').then((m) => m.DeletedPage));
const AccessPage = lazyPage(() => import('./access/access-page').then((m) => m.AccessPage));

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
  access: () => <AccessPage />,
  settings: () => <SettingsPage />,
};

export function App() {
  const route = useStore(routerStore, (s) => s.route);
  const navName =
    route.name === 'certificate' || route.name === 'create' || route.name === 'import' ? 'certificates' : route.name;
  // Every route shows the lock screen while a protected vault is locked: no screen reads the vault then.
  const access = useStore(accessStore, (s) => s);
  const locked = isLockedView(access);
  // Until the first read says whether the vault is protected, no screen reads it (no flash of Locked errors).
  const opening = access.state === undefined && access.error === undefined;
  const page = opening ? (
    <p class="hint">Opening the vault…</p>
  ) : locked && access.state ? (
    <LockScreen state={access.state} />
  ) : (
    PAGES[route.name](route.params)
  );
  useRouteFocus(`${locked ? 'locked' : route.name}/${route.params.join('/')}`);
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
        <LockButton />
        <OfflineIndicator />
      </header>
      <nav class="nav" aria-label="Main" hidden={locked}>
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
      {!locked && <DueBanner />}
      <PersistenceNotice />
      {!locked && <ProtectionBanner onAccessPage={route.name === 'access'} />}
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
