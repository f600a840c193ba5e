/**
 * When the OS could not show lifetime notices (permission not given, or denied), the app lists
 * them here as soon as it opens: what fell due is never lost, only shown later.
 */
import { useEffect } from 'preact/hooks';
import { useStore } from '../state/use-store';
import { hrefFor } from '../state/router';
import { dismissNotices, lifetimeStore, refreshUnseen, requestNotificationPermission } from './lifetime-client';

export function DueBanner() {
  const unseen = useStore(lifetimeStore, (s) => s.unseen);
  const permission = useStore(lifetimeStore, (s) => s.permission);
  useEffect(() => {
    void refreshUnseen().catch(() => undefined);
  }, []);
  if (unseen.length === 0) return null;
  const ids = unseen.map((e) => e.id).filter((id): id is number => id !== undefined);
  return (
    <section class="banner due-banner" role="region" aria-label="Certificates due">
      <p>
        <strong>
          {unseen.length === 1 ? '1 certificate notice' : `${unseen.length} certificate notices`} could not be shown as
          notifications:
        </strong>
      </p>
      <ul data-testid="due-list">
        {unseen.map((e) => (
          <li key={e.id}>
            <a href={hrefFor('certificate', e.certificateName)}>{e.title}</a> <small>({e.vaultName})</small>
            <br />
            <small>{e.body}</small>
          </li>
        ))}
      </ul>
      <p>
        {permission === 'default' && (
          <button type="button" class="primary" onClick={() => void requestNotificationPermission()}>
            Turn on notifications
          </button>
        )}{' '}
        {permission === 'denied' && <span>Notifications are blocked for this site in the browser's settings. </span>}
        <button type="button" onClick={() => void dismissNotices(ids)}>
          Dismiss
        </button>
      </p>
    </section>
  );
}
