import { useState } from 'preact/hooks';
import { ConfirmDialog } from '../components/dialog';
import { ErrorBanner } from '../components/error-banner';
import { NewPasswordFields } from '../components/new-password-fields';
import { downloadBytes, fileNameFor } from '../components/download';
import { getVault, vaultChanged } from '../state/vault-client';
import { navigate } from '../state/router';
import { useAction } from '../state/use-action';
import { useLongWork } from '../state/use-long-work';
import { WorkProgress } from '../components/work-progress';

/** Backup to a password-protected file, and (soft) delete with a confirmation. */
export function ManagePanel({ name, keyExportable }: { name: string; keyExportable: boolean }) {
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const { busy, error, setError, done, run } = useAction();
  const work = useLongWork();
  const [confirm, setConfirm] = useState(false);
  const mismatch = again !== '' && password !== again ? 'The two passwords differ.' : undefined;
  const backup = (e: Event) => {
    e.preventDefault();
    if (!password || password !== again) return;
    void run(async () => {
      const vault = await getVault();
      const bytes = await vault.backupCertificate(name, { password, ...work.begin() }).finally(() => work.end());
      downloadBytes(fileNameFor(name, 'certkeep-backup'), bytes);
    }, 'Backup saved.');
  };
  const remove = () =>
    run(async () => {
      await (await getVault()).deleteCertificate(name);
      vaultChanged();
      navigate('certificates');
    }).finally(() => setConfirm(false));
  return (
    <section class="panel" aria-labelledby="manage-title" aria-busy={busy ? 'true' : undefined}>
      <h2 id="manage-title">Backup and delete</h2>
      <form class="backup-form" onSubmit={backup}>
        <h3>Backup</h3>
        <p class="hint">
          An encrypted file with every version, the policy and the tags
          {keyExportable ? ' and the private keys' : '; the private key is not exportable, so it is not included'}.
        </p>
        <NewPasswordFields
          id="backup-password"
          label="Backup password"
          againLabel="Repeat the password"
          mismatchId="backup-mismatch"
          password={password}
          again={again}
          mismatch={mismatch}
          onPassword={setPassword}
          onAgain={setAgain}
        />
        <button type="submit" disabled={busy || !password || password !== again}>
          Download a backup
        </button>
        <span role="status"> {done}</span>
        {busy && work.progress && (
          <WorkProgress label="Making the backup" progress={work.progress} onCancel={work.cancel} />
        )}
      </form>
      <h3>Delete</h3>
      <p class="hint">Deleted certificates stay in Deleted for 90 days, where they can be recovered or purged.</p>
      <button type="button" class="danger" onClick={() => setConfirm(true)} disabled={busy}>
        Delete this certificate
      </button>
      <ErrorBanner error={error} onDismiss={() => setError(undefined)} />
      <ConfirmDialog
        open={confirm}
        title={`Delete ${name}?`}
        message={
          <p>
            Every version, the policy and the keys move to Deleted. The name stays reserved until the certificate is
            purged.
          </p>
        }
        confirmLabel="Delete"
        danger
        busy={busy}
        onCancel={() => setConfirm(false)}
        onConfirm={() => void remove()}
      />
    </section>
  );
}
