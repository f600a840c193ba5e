import { downloadBytes, toPem } from '../components/download';
import { ErrorBanner } from '../components/error-banner';
import { formatDateTime } from '../state/cert-status';
import { useAction } from '../state/use-action';
import type { SignedCertificate } from '../state/vault-api';
import { loadImportTools } from '../state/vault-client';

/** The signed certificate as PEM, DER, the chain as PEM, and the chain as P7B. */
export function SignedDownloads({ signed, onDone }: { signed: SignedCertificate; onDone: () => void }) {
  const { error, setError, run } = useAction();
  const base = `signed-${signed.serialNumber.slice(0, 12).toLowerCase()}`;
  return (
    <div class="signed" data-testid="signed-result">
      <p role="status">
        Signed: serial <span class="mono">{signed.serialNumber}</span>, valid until {formatDateTime(signed.notAfter)}.
      </p>
      {signed.warnings.map((w) => (
        <p key={w} class="notice" role="note">
          {w}
        </p>
      ))}
      <p class="actions">
        <button
          type="button"
          onClick={() =>
            downloadBytes(`${base}.pem`, toPem('CERTIFICATE', signed.certificate), 'application/x-pem-file')
          }
        >
          Certificate (PEM)
        </button>
        <button type="button" onClick={() => downloadBytes(`${base}.cer`, signed.certificate, 'application/pkix-cert')}>
          Certificate (DER)
        </button>
        <button
          type="button"
          onClick={() =>
            downloadBytes(
              `${base}-chain.pem`,
              signed.chain.map((c) => toPem('CERTIFICATE', c)).join(''),
              'application/x-pem-file',
            )
          }
        >
          Chain (PEM)
        </button>
        <button
          type="button"
          onClick={() =>
            void run(async () => {
              const tools = await loadImportTools();
              downloadBytes(
                `${base}.p7b`,
                await tools.certificatesToP7b(signed.chain),
                'application/x-pkcs7-certificates',
              );
            })
          }
        >
          Chain (P7B)
        </button>
      </p>
      <ErrorBanner error={error} onDismiss={() => setError(undefined)} />
      <div class="actions dialog-actions">
        <button type="button" class="primary" onClick={onDone}>
          Done
        </button>
      </div>
    </div>
  );
}
