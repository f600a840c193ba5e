import { useState } from 'preact/hooks';
import { useStore } from '../state/use-store';
import { persistenceStore, requestPersistence } from './storage-persistence';

const DISMISSED_KEY = 'certkeep.persistence-notice-dismissed';

/** Why it matters, in the words the notice and Settings both use. */
export const PERSISTENCE_RISK =
  'The browser may delete this site’s data, every key and certificate in it, when disk space runs low, without asking.';

/** What to do when the browser keeps saying no (Chromium decides from how the site is used). */
export const PERSISTENCE_DECLINED =
  'The browser declined for now. Installing Certkeep as an app (or bookmarking it) makes browsers keep its data; until then keep backups of your certificates.';

function dismissed(): boolean {
  try {
    return localStorage.getItem(DISMISSED_KEY) === '1';
  } catch {
    return false;
  }
}

/** A button that asks the browser to keep the vault (a user gesture: Firefox shows its prompt). */
export function PersistButton() {
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      disabled={busy}
      onClick={() => {
        setBusy(true);
        void requestPersistence({ byPerson: true }).finally(() => setBusy(false));
      }}
    >
      Keep my data
    </button>
  );
}

/**
 * A discreet notice under the navigation while storage is "best effort": what can happen, and a
 * button to ask for persistent storage. "Not now" hides it for this browser; Settings still says it.
 */
export function PersistenceNotice() {
  const { state, known, declined } = useStore(persistenceStore, (s) => s);
  const [hidden, setHidden] = useState(dismissed);
  if (!known || state !== 'best-effort' || hidden) return null;
  return (
    <aside
      class="banner persistence-notice"
      aria-labelledby="persistence-notice-title"
      data-testid="persistence-notice"
    >
      <p>
        <strong id="persistence-notice-title">Storage is not persistent.</strong> {PERSISTENCE_RISK}{' '}
        {declined && <span role="status">{PERSISTENCE_DECLINED}</span>}
      </p>
      <p class="actions">
        <PersistButton />
        <button
          type="button"
          onClick={() => {
            try {
              localStorage.setItem(DISMISSED_KEY, '1');
            } catch {
              /* hidden for this page only */
            }
            setHidden(true);
          }}
        >
          Not now
        </button>
      </p>
    </aside>
  );
}
