import { useStore } from '../state/use-store';
import { hrefFor } from '../state/router';
import { accessStore, lockVault } from './lock-control';

/** The header's Lock button, with who is unlocked; shown for an unlocked protected vault only. */
export function LockButton() {
  const state = useStore(accessStore, (s) => s.state);
  if (!state?.protected || !state.unlocked) return null;
  return (
    <div class="lock-control">
      <span class="hint" data-testid="unlocked-as">
        {state.principal}
      </span>
      <button type="button" onClick={() => void lockVault('button')}>
        Lock
      </button>
    </div>
  );
}

/** On an unprotected vault: a line that offers protection (not on the Access page, which offers it itself). */
export function ProtectionBanner({ onAccessPage }: { onAccessPage: boolean }) {
  const state = useStore(accessStore, (s) => s.state);
  if (onAccessPage || !state || state.protected) return null;
  return (
    <div class="notice protection-banner" data-testid="protection-banner">
      This vault is not protected: anyone who opens this browser profile can use its keys.{' '}
      <a href={hrefFor('access')}>Protect this vault</a>
    </div>
  );
}
