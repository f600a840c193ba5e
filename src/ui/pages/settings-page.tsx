import { useStore } from '../state/use-store';
import { persistenceStore } from '../pwa/storage-persistence';
import { PERSISTENCE_DECLINED, PERSISTENCE_RISK, PersistButton } from '../pwa/persistence-notice';
import { pwaStore } from '../pwa/register-sw';
import { installStore, promptInstall } from '../pwa/install-prompt';
import { vaultStore } from '../state/vault-client';
import { RestoreBackupButton } from '../components/restore-backup';
import { NotificationSettings } from '../notifications/notification-settings';
import { BUILD_COMMIT, BUILD_VERSION, SINGLE_FILE } from '../pwa/build-info';

const PERSISTENCE_WORDS = {
  persisted: 'Persistent: the browser will not evict the vault when space runs low.',
  'best-effort': 'Best effort: the browser may evict the vault under storage pressure. Keep backups.',
  unsupported: 'This browser cannot make storage persistent. Keep backups.',
} as const;

/** "1.2 MB": storage figures as a person reads them. */
function bytesText(n: number): string {
  if (n < 1024 * 1024) return `${Math.max(1, Math.round(n / 1024))} kB`;
  if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(1)} MB`;
  return `${(n / 1024 ** 3).toFixed(1)} GB`;
}

/** Whether the browser keeps the vault, why it matters, and a way to ask it to. */
function StorageFacts() {
  const { state, declined, usage, quota } = useStore(persistenceStore, (s) => s);
  return (
    <dd>
      <span data-testid="storage-persistence">{PERSISTENCE_WORDS[state]}</span>
      {state === 'best-effort' && (
        <>
          <p class="hint">{PERSISTENCE_RISK}</p>
          {declined && <p class="hint">{PERSISTENCE_DECLINED}</p>}
          <PersistButton />
        </>
      )}
      {usage !== undefined && quota !== undefined && quota > 0 && (
        <p class="hint" data-testid="storage-usage">
          Using {bytesText(usage)} of the {bytesText(quota)} this browser allows the site. When it is full, saving fails
          and nothing is half-written.
        </p>
      )}
    </dd>
  );
}

export function SettingsPage() {
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
        <StorageFacts />
        <dt>Offline</dt>
        <dd>{offline ? 'Ready: this app works with the network cut.' : 'Not ready yet.'}</dd>
        <dt>Installation</dt>
        <dd>
          {SINGLE_FILE ? (
            'Not possible for a file opened from disk: serve the bundle with one of its launchers to install.'
          ) : install.installed ? (
            'Installed as an app.'
          ) : install.canInstall ? (
            <button type="button" class="primary" onClick={() => void promptInstall()}>
              Install Certkeep
            </button>
          ) : (
            'Use the browser menu to install, or open it as an installed app.'
          )}
        </dd>
      </dl>
      <section class="panel" aria-labelledby="restore-title">
        <h2 id="restore-title">Backup and restore</h2>
        <p class="hint">Each certificate's page makes a password-protected backup; restore one here.</p>
        <RestoreBackupButton />
      </section>
      <NotificationSettings />
      <About />
    </section>
  );
}

/** Which bundle this is, so an admin can match a machine to a release (version, commit, mode). */
function About() {
  return (
    <section class="panel" aria-labelledby="about-title">
      <h2 id="about-title">About</h2>
      <dl class="facts">
        <dt>Version</dt>
        <dd data-testid="about-version">{BUILD_VERSION}</dd>
        <dt>Commit</dt>
        <dd data-testid="about-commit" class="mono">
          {BUILD_COMMIT}
        </dd>
        <dt>Mode</dt>
        <dd data-testid="about-mode">
          {SINGLE_FILE
            ? 'Single file opened from disk: no service worker, so no install and no background notifications.'
            : 'Served over HTTP: installable, with background expiry checks.'}
        </dd>
      </dl>
    </section>
  );
}
