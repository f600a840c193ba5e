import { useState } from 'preact/hooks';
import { ErrorBanner } from '../components/error-banner';
import type { QrPayload } from './qr-show-dialog';
import { useLazyModule } from './lazy-dialog';

/**
 * "Show as QR codes" for one file that crosses the air gap (a CSR, a certificate, a chain, a
 * P7B; never a private key). `payload` may be async (a P7B is written on demand); the QR code
 * and its dialog load on the first press.
 */
export function ShowQrButton(props: {
  label: string;
  payload: () => QrPayload | Promise<QrPayload>;
  disabled?: boolean;
}) {
  const dialog = useLazyModule(() => import('./qr-show-dialog'));
  const [shown, setShown] = useState<QrPayload>();
  const [error, setError] = useState<unknown>();
  const open = async () => {
    setError(undefined);
    try {
      const [, payload] = await Promise.all([dialog.load(), props.payload()]);
      setShown(payload);
    } catch (e) {
      setError(e);
    }
  };
  const Show = dialog.module?.QrShowDialog;
  return (
    <>
      {/* Not disabled while the chunk loads: a disabled button drops focus, and the dialog gives focus back to its opener. */}
      <button
        type="button"
        onClick={() => dialog.loading || void open()}
        disabled={props.disabled}
        aria-busy={dialog.loading ? 'true' : undefined}
      >
        {props.label}
      </button>
      {Show && shown && <Show {...shown} onClose={() => setShown(undefined)} />}
      <ErrorBanner error={error} onDismiss={() => setError(undefined)} />
    </>
  );
}
