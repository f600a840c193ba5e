import { useStore } from '../state/use-store';
import { persistenceStore } from '../pwa/storage-persistence';
import { pwaStore } from '../pwa/register-sw';

const PERSISTENCE_WORDS = {
  persisted: 'Persistent: the browser will not evict the vault when space runs low.',
  'best-effort': 'Best effort: the browser may evict the vault under storage pressure. Keep backups.',
  unsupported: 'This browser cannot make storage persistent. Keep backups.',
} as const;

export function SettingsPage() {
  const persistence = useStore(persistenceStore, (s) => s.state);
  const offline = useStore(pwaStore, (s) => s.offlineReady);
  return (
    <section aria-labelledby="settings-title">
      <h1 id="settings-title">Settings</h1>
      <dl class="facts">
        <dt>Storage</dt>
        <dd data-testid="storage-persistence">{PERSISTENCE_WORDS[persistence]}</dd>
        <dt>Offline</dt>
        <dd>{offline ? 'Ready: this app works with the network cut.' : 'Not ready yet.'}</dd>
        <dt>Version</dt>
        <dd>{__APP_VERSION__}</dd>
      </dl>
    </section>
  );
}
