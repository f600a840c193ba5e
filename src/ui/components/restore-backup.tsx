import { useState } from 'preact/hooks';
import { Dialog } from './dialog';
import { ErrorBanner } from './error-banner';
import { explainError } from '../errors';
import { getVault, vaultChanged } from '../state/vault-client';
import { navigate } from '../state/router';
import { useAction } from '../state/use-action';
import { useLongWork } from '../state/use-long-work';
import { WorkProgress } from './work-progress';

/**
 * Restore from a backup file (ARCHITECTURE §5: password-based, AES-GCM). The dialog keeps the
 * chosen file when the password is wrong, so the user only types it again.
 */
export function RestoreBackupButton() {
  const [open, setOpen] = useState(false);
  const [file, setFile] = useState<{ name: string; bytes: Uint8Array }>();
  const [password, setPassword] = useState('');
  const { busy, error, setError, run } = useAction();
  const work = useLongWork();
  const close = () => {
    setOpen(false);
    setFile(undefined);
    setPassword('');
    setError(undefined);
  };
  const restore = (e: Event) => {
    e.preventDefault();
    if (!file) return;
    void run(async () => {
      const vault = await getVault();
      const cert = await vault
        .restoreCertificateBackup(file.bytes, { password, ...work.begin() })
        .finally(() => work.end());
      vaultChanged();
      close();
      navigate('certificate', cert.name);
    });
  };
  const words = error ? explainError(error) : undefined;
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Restore a backup
      </button>
      <Dialog open={open} title="Restore a certificate backup" onClose={close} busy={busy}>
        <form onSubmit={restore} aria-busy={busy ? 'true' : undefined}>
          <div class="field">
            <label for="restore-file">Backup file</label>
            <input
              id="restore-file"
              type="file"
              onChange={(e) => {
                const f = e.currentTarget.files?.[0];
                if (f) void f.arrayBuffer().then((buffer) => setFile({ name: f.name, bytes: new Uint8Array(buffer) }));
              }}
            />
          </div>
          {file && <p class="hint">Selected: {file.name}</p>}
          <div class="field">
            <label for="restore-password">Backup password</label>
            <input
              id="restore-password"
              type="password"
              autocomplete="current-password"
              value={password}
              aria-invalid={words?.field === 'password' ? 'true' : undefined}
              onInput={(e) => setPassword(e.currentTarget.value)}
            />
          </div>
          {busy && work.progress && (
            <WorkProgress label="Restoring the backup" progress={work.progress} onCancel={work.cancel} />
          )}
          <ErrorBanner error={error} />
          <div class="actions dialog-actions">
            <button type="button" onClick={close}>
              Cancel
            </button>
            <button type="submit" class="primary" disabled={!file || busy}>
              {busy ? 'Restoring…' : 'Restore'}
            </button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
