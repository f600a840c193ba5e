import type { ComponentChildren } from 'preact';
import { useStore } from './state/use-store';
import { NAV_ROUTES, hrefFor, routerStore, type RouteName } from './state/router';
import { pwaStore, applyUpdate } from './pwa/register-sw';
import { CertificatesPage } from './pages/certificates-page';
import { PlaceholderPage } from './pages/placeholder-page';
import { SettingsPage } from './pages/settings-page';
import { DueBanner } from './notifications/due-banner';

const PAGES: Partial<Record<RouteName, () => ComponentChildren>> = {
  certificates: () => <CertificatesPage />,
  settings: () => <SettingsPage />,
};

export function App() {
  const route = useStore(routerStore, (s) => s.route);
  const navName = route.name === 'certificate' || route.name === 'create' || route.name === 'import' ? 'certificates' : route.name;
  const page = PAGES[route.name]?.() ?? <PlaceholderPage title={NAV_ROUTES.find((r) => r.name === route.name)?.label ?? 'Certkeep'} />;
  return (
    <div class="frame">
      <a class="skip-link" href="#main">Skip to content</a>
      <header class="top">
        <a class="brand" href={hrefFor('certificates')}>
          <img src="/favicon.svg" alt="" width="28" height="28" />
          <span>Certkeep</span>
        </a>
        <span class="vault-name" title="Current vault">vault: <strong>default</strong></span>
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
      <main id="main" tabIndex={-1}>
        {page}
      </main>
    </div>
  );
}

function OfflineIndicator() {
  const ready = useStore(pwaStore, (s) => s.offlineReady);
  return (
    <span class={`offline-indicator ${ready ? 'ready' : ''}`} role="status">
      {ready ? 'Available offline' : 'Preparing offline use…'}
    </span>
  );
}

function UpdateBanner() {
  const waiting = useStore(pwaStore, (s) => s.updateWaiting);
  if (!waiting) return null;
  return (
    <div class="banner" role="alert">
      Update available. <button type="button" onClick={applyUpdate}>Reload</button>
    </div>
  );
}
