import { useStore } from '../state/use-store';
import { persistenceStore } from '../pwa/storage-persistence';
import { pwaStore } from '../pwa/register-sw';
import { installStore, promptInstall } from '../pwa/install-prompt';
import { vaultStore } from '../state/vault-client';
import { RestoreBackupButton } from '../components/restore-backup';
import { NotificationSettings } from '../notifications/notification-settings';

const PERSISTENCE_WORDS = {
  persisted: 'Persistent: the browser will not evict the vault when space runs low.',
  'best-effort': 'Best effort: the browser may evict the vault under storage pressure. Keep backups.',
  unsupported: 'This browser cannot make storage persistent. Keep backups.',
} as const;

export function SettingsPage() {
  const persistence = useStore(persistenceStore, (s) => s.state);
  const offline = useStore(pwaStore, (s) => s.offlineReady);
  const install = useStore(installStore, (s) => s);
  const vaultName = useStore(vaultStore, (s) => s.name);
  return (
    <section aria-labelledby="settings-title">
      <h1 id="settings-title">Settings</h1>
      <dl class="facts">
        <dt>Vault</dt>
        <dd>
          {vaultName} <span class="hint">(switch or create vaults with the Vault menu at the top)</span>
        </dd>
        <dt>Storage</dt>
        <dd data-testid="storage-persistence">{PERSISTENCE_WORDS[persistence]}</dd>
        <dt>Offline</dt>
        <dd>{offline ? 'Ready: this app works with the network cut.' : 'Not ready yet.'}</dd>
        <dt>Installation</dt>
        <dd>
          {install.installed ? (
            'Installed as an app.'
          ) : install.canInstall ? (
            <button type="button" class="primary" onClick={() => void promptInstall()}>
              Install Certkeep
            </button>
          ) : (
            'Use the browser menu to install, or open it as an installed app.'
          )}
        </dd>
        <dt>Version</dt>
        <dd>{__APP_VERSION__}</dd>
      </dl>
      <section class="panel" aria-labelledby="restore-title">
        <h2 id="restore-title">Backup and restore</h2>
        <p class="hint">Each certificate's page makes a password-protected backup; restore one here.</p>
        <RestoreBackupButton />
      </section>
      <NotificationSettings />
    </section>
  );
}
