import { useState } from 'preact/hooks';
import type { ScannedFile } from './scanned-file';
import { ErrorBanner } from '../components/error-banner';
import { useLazyModule } from './lazy-dialog';

/**
 * "Scan QR codes": reads a file shown as QR codes on the other side of the air gap and hands it
 * to `onFile` exactly as a picked or dropped file, so the screen's own preview and vault call
 * take it from there. `what` names the file expected ("Signed certificate file"). The camera
 * and decoder load on the first press.
 */
export function ScanQrButton(props: { what: string; onFile: (file: ScannedFile) => void; disabled?: boolean }) {
  const dialog = useLazyModule(() => import('./scan-dialog'));
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<unknown>();
  const Scan = dialog.module?.ScanDialog;
  return (
    <>
      <button
        type="button"
        disabled={props.disabled}
        aria-busy={dialog.loading ? 'true' : undefined}
        onClick={() => {
          // Not disabled while loading: a disabled button drops focus, which the dialog gives back on close.
          if (dialog.loading) return;
          setError(undefined);
          dialog.load().then(() => setOpen(true), setError);
        }}
      >
        Scan QR codes
      </button>
      {Scan && open && <Scan what={props.what} onFile={props.onFile} onClose={() => setOpen(false)} />}
      <ErrorBanner error={error} onDismiss={() => setError(undefined)} />
    </>
  );
}
