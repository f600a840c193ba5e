import { useState } from 'preact/hooks';
import type { CertificateOperation, CertificatePolicy } from '../state/vault-api';
import { FileSource, type PickedFile } from '../components/file-source';
import { ConfirmDialog } from '../components/dialog';
import { ErrorBanner } from '../components/error-banner';
import { explainError } from '../errors';
import { downloadBytes, fileNameFor, toPem } from '../components/download';
import { getVault, vaultChanged } from '../state/vault-client';
import { navigate } from '../state/router';
import { useAction } from '../state/use-action';
import { CsrTransfer } from '../transfer/csr-transfer';
import { RequestLintPanel } from './lint-panels';

const STATUS_WORDS: Record<string, string> = {
  inProgress: 'Waiting for the signed certificate',
  completed: 'Completed',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

/**
 * The pending operation of a certificate made for an Unknown or named issuer (ARCHITECTURE §5):
 * the CSR to carry to the CA, and the merge of what the CA sends back.
 */
export function PendingPanel({ op, policy }: { op: CertificateOperation; policy?: CertificatePolicy }) {
  const { busy, error, setError, run: act } = useAction();
  const [copied, setCopied] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [preserveOrder, setPreserveOrder] = useState(false);
  const [picked, setPicked] = useState<PickedFile>();
  const pem = op.csr ? toPem('CERTIFICATE REQUEST', op.csr) : '';
  const inProgress = op.status === 'inProgress';
  const run = (action: () => Promise<unknown>) =>
    act(async () => {
      await action();
      vaultChanged();
    });
  const merge = (file: PickedFile) => {
    setPicked(file);
    void run(async () => {
      await (await getVault()).mergeCertificate(op.name, [file.bytes], { preserveCertificateOrder: preserveOrder });
    });
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(pem);
      setCopied(true);
      setTimeout(() => setCopied(false), 3000);
    } catch {
      // Clipboard permission refused: select the text so Ctrl+C works.
      (document.getElementById('csr-pem') as HTMLTextAreaElement | null)?.select();
    }
  };
  // An error about the merged certificate (key mismatch, unreadable file) marks the file and paste inputs.
  const fileError = error !== undefined && explainError(error).field === 'file';
  return (
    <section class="panel pending" aria-labelledby="pending-title" aria-busy={busy ? 'true' : undefined}>
      <h2 id="pending-title">Pending certificate request</h2>
      <dl class="facts">
        <dt>Status</dt>
        <dd data-testid="operation-status">{STATUS_WORDS[op.status] ?? op.status}</dd>
        <dt>Details</dt>
        <dd>{op.statusDetails}</dd>
        <dt>Issuer</dt>
        <dd>{op.issuerName}</dd>
        {op.error && (
          <>
            <dt>Error</dt>
            <dd>{op.error.message}</dd>
          </>
        )}
      </dl>
      {op.csr && inProgress && <RequestLintPanel csr={op.csr} policy={policy} testId="csr-lint" />}
      {op.csr && (
        <>
          <label for="csr-pem">Certificate signing request (PEM)</label>
          <textarea id="csr-pem" class="mono" rows={8} readOnly value={pem} />
          <p class="actions">
            <button type="button" onClick={() => void copy()}>
              Copy
            </button>
            <button type="button" onClick={() => downloadBytes(fileNameFor(op.name, 'csr'), pem, 'application/pkcs10')}>
              Download .csr (PEM)
            </button>
            <button
              type="button"
              onClick={() => op.csr && downloadBytes(fileNameFor(op.name, 'der.csr'), op.csr, 'application/pkcs10')}
            >
              Download .csr (DER)
            </button>
            <span role="status">{copied ? 'Copied to the clipboard.' : ''}</span>
          </p>
          <CsrTransfer name={op.name} csr={op.csr} />
        </>
      )}
      {inProgress && (
        <>
          <h3>Merge the signed certificate</h3>
          <p class="hint">The certificate your CA returned, with or without its chain: PEM, DER or P7B.</p>
          <label class="check">
            <input
              type="checkbox"
              checked={preserveOrder}
              onChange={(e) => setPreserveOrder(e.currentTarget.checked)}
            />
            Keep the chain in the order of the file
          </label>
          <FileSource
            label="Signed certificate file"
            accept=".cer,.crt,.pem,.der,.p7b,.p7c"
            file={picked}
            onFile={merge}
            pasteLabel="Or paste the signed certificate (PEM)"
            disabled={busy}
            errorId={fileError ? 'merge-error-message' : undefined}
          />
          {busy && <p role="status">Merging…</p>}
        </>
      )}
      <ErrorBanner error={error} onDismiss={() => setError(undefined)} messageId="merge-error-message" />
      <p class="actions">
        {inProgress && (
          <button
            type="button"
            disabled={busy}
            onClick={() => void run(async () => (await getVault()).cancelCertificateOperation(op.name))}
          >
            Cancel the request
          </button>
        )}
        <button type="button" class="danger" disabled={busy} onClick={() => setConfirmDelete(true)}>
          Delete the operation
        </button>
      </p>
      <ConfirmDialog
        open={confirmDelete}
        title="Delete the pending operation?"
        message={
          <p>The CSR and its private key are discarded. A certificate signed for this CSR can no longer be merged.</p>
        }
        confirmLabel="Delete the operation"
        danger
        busy={busy}
        onCancel={() => setConfirmDelete(false)}
        onConfirm={() =>
          void run(async () => {
            await (await getVault()).deleteCertificateOperation(op.name);
            setConfirmDelete(false);
            navigate('certificates');
          })
        }
      />
    </section>
  );
}
