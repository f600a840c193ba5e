import { useStore } from '../state/use-store';
import { AUTO_LOCK_CHOICES, autoLockStore, setAutoLockMinutes } from './idle-lock';

const label = (m: number) => (m < 60 ? `${m} minute${m === 1 ? '' : 's'}` : `${m / 60} hour${m === 60 ? '' : 's'}`);

/** Settings: how long a protected vault stays unlocked without activity in this window. */
export function AutoLockSettings() {
  const minutes = useStore(autoLockStore, (s) => s.minutes);
  return (
    <section class="panel" aria-labelledby="auto-lock-title">
      <h2 id="auto-lock-title">Auto-lock</h2>
      <div class="field narrow">
        <label for="auto-lock-minutes">Lock a protected vault after no activity for</label>
        <select
          id="auto-lock-minutes"
          value={String(minutes)}
          onChange={(e) => setAutoLockMinutes(Number(e.currentTarget.value))}
        >
          {AUTO_LOCK_CHOICES.map((m) => (
            <option key={m} value={String(m)}>
              {label(m)}
            </option>
          ))}
        </select>
      </div>
      <p class="hint">
        Closing the last Certkeep window locks too: the master key lives only in the page's memory and is never written
        anywhere.
      </p>
    </section>
  );
}
