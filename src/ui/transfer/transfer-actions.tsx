import { fileNameFor, toPem } from '../components/download';
import { loadImportTools } from '../state/vault-client';
import { CopyButton } from './copy-button';
import { ShowQrButton } from './show-qr-button';

/**
 * A version's public parts across the air gap: the certificate, its chain as PEM, its chain as
 * P7B, each as QR codes (the private key never), and the PEM chain to the clipboard.
 */
export function TransferActions(props: { name: string; cer: Uint8Array; chain: Uint8Array[] }) {
  const chainPem = () => props.chain.map((d) => toPem('CERTIFICATE', d)).join('');
  const encoder = new TextEncoder();
  return (
    <div class="actions" role="group" aria-label="Carry across the air gap">
      <span class="hint">Show as QR codes:</span>
      <ShowQrButton
        label="Certificate"
        payload={() => ({
          what: `the certificate of “${props.name}”`,
          fileName: fileNameFor(props.name, 'cer'),
          bytes: props.cer,
        })}
      />
      <ShowQrButton
        label="Chain (PEM)"
        payload={() => ({
          what: `the chain of “${props.name}” (PEM)`,
          fileName: fileNameFor(props.name, 'pem'),
          bytes: encoder.encode(chainPem()),
        })}
      />
      <ShowQrButton
        label="Chain (P7B)"
        payload={async () => ({
          what: `the chain of “${props.name}” (P7B)`,
          fileName: fileNameFor(props.name, 'p7b'),
          bytes: await (await loadImportTools()).certificatesToP7b(props.chain),
        })}
      />
      <CopyButton label="Copy chain as PEM" text={chainPem} />
    </div>
  );
}
