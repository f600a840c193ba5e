import { useState } from 'preact/hooks';
import { useStore } from '../state/use-store';
import { collect, getVault, loadVaultModule, vaultStore } from '../state/vault-client';
import { downloadBytes, fileNameFor } from './download';
import { ErrorBanner } from './error-banner';

/**
 * "Export expiry calendar (.ics)": every certificate's expiry and lifetime-action date as an
 * iCalendar file (RFC 5545) for a calendar app. UIDs are stable, so importing a newer file
 * updates the events rather than doubling them.
 */
export function ExpiryCalendarButton() {
  const vaultName = useStore(vaultStore, (s) => s.name);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<unknown>();
  const exportCalendar = async () => {
    setBusy(true);
    setError(undefined);
    setStatus('');
    try {
      const [m, vault] = await Promise.all([loadVaultModule(), getVault()]);
      const listed = await collect(vault.listPropertiesOfCertificates());
      const entries = await Promise.all(
        listed.map(async (properties) => ({ properties, policy: await vault.getCertificatePolicy(properties.name) })),
      );
      const ics = m.expiryCalendar(entries, { now: new Date(), vaultName });
      const file = fileNameFor(`certkeep-${vaultName}-expiries`, 'ics');
      downloadBytes(file, ics, 'text/calendar;charset=utf-8');
      const events = ics.split('\r\nBEGIN:VEVENT\r\n').length - 1;
      setStatus(`Saved ${file} with ${events} event${events === 1 ? '' : 's'}.`);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" onClick={() => void exportCalendar()} disabled={busy} aria-busy={busy ? 'true' : undefined}>
        Export expiry calendar (.ics)
      </button>
      <span role="status" class="hint">
        {status}
      </span>
      <ErrorBanner error={error} onDismiss={() => setError(undefined)} />
    </>
  );
}
