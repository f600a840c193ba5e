import { useEffect, useState } from 'preact/hooks';
import type { AccessState } from '../state/vault-api';
import { useStore } from '../state/use-store';
import { vaultStore } from '../state/vault-client';
import { ErrorBanner } from '../components/error-banner';
import { lockReasonStore, unlockVault, type LockReason } from './lock-control';
import { passkeyPrf } from './passkey';
import { secondsUntil, unlockErrorWords } from './unlock-words';

const REASON_WORDS: Record<LockReason, string> = {
  button: 'Locked with the Lock button.',
  idle: 'Locked after the idle time set in Settings.',
  'page-hidden': 'Locked when the page was left.',
  'other-tab': 'Locked from another window.',
};

/** Seconds left of the unlock throttle's wait, counting down once a second. */
function useCountdown(until: Date | undefined): number | undefined {
  const [, setTick] = useState(0);
  const left = secondsUntil(until, Date.now());
  useEffect(() => {
    if (left === undefined) return;
    const t = setInterval(() => setTick((n) => n + 1), 1000);
    return () => clearInterval(t);
  }, [left === undefined, until?.getTime()]);
  return left;
}

/**
 * Shown instead of every screen while a protected vault is locked. The passphrase is read from
 * its field when Unlock is pressed and the field is cleared after the try; nothing else keeps it.
 */
export function LockScreen({ state }: { state: AccessState }) {
  const vaultName = useStore(vaultStore, (s) => s.name);
  const reason = useStore(lockReasonStore, (s) => s.reason);
  const principals = state.principals ?? [];
  const [principal, setPrincipal] = useState(principals.length === 1 ? (principals[0]?.principal ?? '') : '');
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<{ error: unknown; method: 'passphrase' | 'passkey' }>();
  const wait = useCountdown(state.retryAfter);
  const known = principals.find((p) => p.principal.toLowerCase() === principal.trim().toLowerCase());
  const passkey = known?.passkey;

  const attempt = async (method: 'passphrase' | 'passkey') => {
    setBusy(true);
    setFailure(undefined);
    try {
      if (method === 'passphrase') await unlockVault({ principal: principal.trim(), passphrase });
      else if (passkey) await unlockVault({ principal: principal.trim(), prf: await passkeyPrf(passkey) });
    } catch (error) {
      setFailure({ error, method });
    } finally {
      setPassphrase('');
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="lock-title" class="lock-screen" aria-busy={busy ? 'true' : undefined}>
      <h1 id="lock-title">Vault “{vaultName}” is locked</h1>
      <p class="hint">
        {reason ? `${REASON_WORDS[reason]} ` : ''}Unlock it as one of its principals to see and use its certificates.
      </p>
      {failure && (
        <ErrorBanner
          error={failure.error}
          words={unlockErrorWords(failure.error, failure.method)}
          onDismiss={() => setFailure(undefined)}
        />
      )}
      <p role="status" data-testid="unlock-wait">
        {wait !== undefined
          ? `Too many failed tries (${state.failedUnlocks ?? 0} in a row): try again in ${wait} s.`
          : ''}
      </p>
      <form
        class="panel lock-form"
        onSubmit={(e) => {
          e.preventDefault();
          void attempt('passphrase');
        }}
      >
        <div class="field">
          <label for="unlock-principal">Principal</label>
          <input
            id="unlock-principal"
            type="text"
            list="unlock-principals"
            autocomplete="username"
            required
            value={principal}
            onInput={(e) => setPrincipal(e.currentTarget.value)}
          />
          <datalist id="unlock-principals">
            {principals.map((p) => (
              <option key={p.principal} value={p.principal} />
            ))}
          </datalist>
        </div>
        <div class="field">
          <label for="unlock-passphrase">Passphrase</label>
          <input
            id="unlock-passphrase"
            type="password"
            autocomplete="current-password"
            value={passphrase}
            onInput={(e) => setPassphrase(e.currentTarget.value)}
          />
        </div>
        <div class="actions">
          <button type="submit" class="primary" disabled={busy || wait !== undefined || !principal || !passphrase}>
            Unlock
          </button>
          <button
            type="button"
            disabled={busy || wait !== undefined || !passkey}
            aria-describedby="passkey-hint"
            onClick={() => void attempt('passkey')}
          >
            Use passkey
          </button>
        </div>
        <p id="passkey-hint" class="hint">
          {known && !passkey
            ? `“${known.principal}” has no passkey: use the passphrase.`
            : known
              ? `“${known.principal}” can unlock with a passkey.`
              : 'Type or pick a principal; “Use passkey” works for principals with a passkey.'}
        </p>
      </form>
    </section>
  );
}
