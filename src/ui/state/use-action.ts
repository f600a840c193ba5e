import { useState } from 'preact/hooks';

export interface Action {
  /** An action is running: disable its controls, set aria-busy. */
  busy: boolean;
  /** What the last action threw (a VaultError, shown in its words by ErrorBanner). */
  error: unknown;
  setError: (error: unknown) => void;
  /** The message of the last action that succeeded; '' while running or after a failure. */
  done: string;
  /**
   * Runs `action`, tracking busy/error/done; resolves true when it succeeded. Never throws.
   * `doneMessage` may be worded from what the action returned (a test signature's length).
   */
  run: <T>(action: () => Promise<T>, doneMessage?: string | ((result: T) => string)) => Promise<boolean>;
}

/** The busy / error / done bookkeeping every button that calls the vault needs. */
export function useAction(): Action {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState('');
  const run = async <T>(action: () => Promise<T>, doneMessage: string | ((result: T) => string) = '') => {
    setBusy(true);
    setError(undefined);
    setDone('');
    try {
      const result = await action();
      setDone(typeof doneMessage === 'function' ? doneMessage(result) : doneMessage);
      return true;
    } catch (e) {
      setError(e);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, done, run };
}
