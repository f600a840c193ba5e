/**
 * Settings → Notifications: permission, the daily background check (periodic sync), "Check
 * now", and the log of every lifetime notice raised, shown or not.
 */
import { useEffect, useState } from 'preact/hooks';
import type { LifetimeRunRecord, NotificationLogEntry } from '../../shared/notification-log';
import { useStore } from '../state/use-store';
import { hrefFor } from '../state/router';
import {
  lifetimeStore,
  refreshPeriodicSyncState,
  registerPeriodicSync,
  requestNotificationPermission,
  runLifetimeCheckNow,
  type PeriodicSyncState,
} from './lifetime-client';

const PERMISSION_WORDS = {
  granted: 'Allowed: expiry and renewal notices appear as system notifications.',
  default: 'Not asked yet: notices are listed in the app when it opens.',
  denied: "Blocked in the browser's site settings: notices are listed in the app when it opens.",
  unsupported: 'This browser has no notifications: notices are listed in the app when it opens.',
} as const;

const SYNC_WORDS: Record<PeriodicSyncState, string> = {
  registered: 'Registered: the browser checks about once a day, even with the app closed.',
  'not-registered': 'Allowed but not registered.',
  'not-allowed': 'Not allowed by the browser (install the app to allow it); checks run hourly while the app is open.',
  unsupported: 'Not available in this browser; checks run hourly while the app is open.',
};

function when(d: Date): string {
  return d.toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
}

export function NotificationSettings() {
  const permission = useStore(lifetimeStore, (s) => s.permission);
  const sync = useStore(lifetimeStore, (s) => s.periodicSync);
  const running = useStore(lifetimeStore, (s) => s.running);
  const last = useStore(lifetimeStore, (s) => s.lastResult);
  const [log, setLog] = useState<NotificationLogEntry[]>([]);
  const [runs, setRuns] = useState<LifetimeRunRecord[]>([]);

  const reload = async () => {
    const m = await import('../../shared/notification-log');
    setLog(await m.readNotificationLog({ limit: 100 }));
    setRuns(await m.readLifetimeRuns());
  };
  useEffect(() => {
    void refreshPeriodicSyncState().catch(() => undefined);
    void reload().catch(() => undefined);
  }, [last]);

  return (
    <section aria-labelledby="notifications-title" class="panel notification-settings">
      <h2 id="notifications-title">Notifications</h2>
      <dl class="facts">
        <dt>Permission</dt>
        <dd data-testid="notification-permission">
          {PERMISSION_WORDS[permission]}{' '}
          {permission === 'default' && (
            <button type="button" onClick={() => void requestNotificationPermission()}>
              Allow notifications
            </button>
          )}
        </dd>
        <dt>Background check</dt>
        <dd data-testid="periodic-sync">
          {SYNC_WORDS[sync]}{' '}
          {sync === 'not-registered' && (
            <button type="button" onClick={() => void registerPeriodicSync()}>
              Register
            </button>
          )}
        </dd>
        <dt>Last check</dt>
        <dd>
          <span data-testid="check-result" role="status">
            {running
              ? 'Checking…'
              : last
                ? `${last.notices.length} notice${last.notices.length === 1 ? '' : 's'}, ${last.shown} shown` +
                  (last.failures.length
                    ? `; ${last.failures.map((f) => `${f.vaultName}: ${f.message}`).join('; ')}`
                    : '')
                : runs.length
                  ? runs.map((r) => `${r.vaultName} ${when(r.at)}${r.error ? ` (failed: ${r.error})` : ''}`).join(', ')
                  : 'Not yet.'}
          </span>{' '}
          <button type="button" disabled={running} onClick={() => void runLifetimeCheckNow()}>
            Check now
          </button>
        </dd>
      </dl>
      <h3>Notice log</h3>
      {log.length === 0 ? (
        <p>No notices yet.</p>
      ) : (
        <table class="notification-log" data-testid="notification-log">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Vault</th>
              <th scope="col">Notice</th>
              <th scope="col">Shown</th>
            </tr>
          </thead>
          <tbody>
            {log.map((e) => (
              <tr key={e.id}>
                <td>{when(e.at)}</td>
                <td>{e.vaultName}</td>
                <td>
                  <a href={hrefFor('certificate', e.certificateName)}>{e.title}</a>
                </td>
                <td>{e.shown ? 'yes' : e.notShownReason === 'permission' ? 'no (no permission)' : 'no'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
