import { useEffect, useRef, useState } from 'preact/hooks';
import { Dialog } from '../components/dialog';
import type { ScannedFile } from './scanned-file';
import { cameraProblem, listCameras, qrTextOfImage, scanFrames, startCamera, stopCamera } from './camera';
import { Sha256Text } from './sha256-hex';
import { urReceiver, type ReceiveState } from './ur-receiver';
import './transfer.css';

/**
 * Reads a file carried as QR codes: from the camera (getUserMedia, a camera of the user's choice,
 * the pure-JS decoder in camera.ts) or from photos and screenshots picked or pasted. Shows
 * "14 of ~20 parts" while the fountain fills, then what arrived and its SHA-256 to compare with
 * the other screen; "Use it" hands the bytes on exactly as a dropped file.
 */
export function ScanDialog(props: { what: string; onFile: (file: ScannedFile) => void; onClose: () => void }) {
  const video = useRef<HTMLVideoElement>(null);
  const receiver = useRef(urReceiver());
  const [state, setState] = useState<ReceiveState>({ kind: 'waiting' });
  const [cameras, setCameras] = useState<{ id: string; label: string }[]>([]);
  const [deviceId, setDeviceId] = useState<string>();
  const [cameraError, setCameraError] = useState<string>();
  const [cameraOn, setCameraOn] = useState(false);
  const [announce, setAnnounce] = useState('');
  const [attempt, setAttempt] = useState(0);
  const done = state.kind === 'done';

  const lastText = useRef('');
  const feed = (text: string) => {
    // A camera sees each frame of the other screen several times over.
    if (text === lastText.current) return;
    lastText.current = text;
    const before = receiver.current.state();
    const next = receiver.current.receive(text);
    if (next === before) return;
    if (next.kind === 'receiving' && before.kind !== 'receiving') setAnnounce(`Receiving: ${next.total} parts.`);
    if (next.kind === 'done') setAnnounce(`Received ${next.bytes.length} bytes. Compare the SHA-256, then use it.`);
    setState(next);
  };

  useEffect(() => {
    const el = video.current;
    if (!el || done) return;
    let stream: MediaStream | undefined;
    let stopScan: (() => void) | undefined;
    let live = true;
    setCameraError(undefined);
    startCamera(el, deviceId).then(
      async (s) => {
        stream = s;
        if (!live) {
          stopCamera(s);
          return;
        }
        setCameraOn(true);
        setAnnounce('Camera on. Hold the QR codes in view.');
        stopScan = scanFrames(el, feed);
        setCameras(await listCameras());
      },
      (e: unknown) => live && setCameraError(cameraProblem(e)),
    );
    return () => {
      live = false;
      stopScan?.();
      stopCamera(stream);
      el.srcObject = null;
      setCameraOn(false);
    };
  }, [deviceId, done, attempt]);

  const readImages = async (files: Iterable<File>) => {
    for (const file of files) {
      const text = await qrTextOfImage(file);
      if (text === undefined) setCameraError(`No QR code was found in ${file.name || 'the pasted image'}.`);
      else feed(text);
    }
  };
  const onPaste = (e: ClipboardEvent) => {
    const images = [...(e.clipboardData?.files ?? [])].filter((f) => f.type.startsWith('image/'));
    if (images.length) {
      e.preventDefault();
      void readImages(images);
    }
  };
  const again = () => {
    receiver.current = urReceiver();
    lastText.current = '';
    setState({ kind: 'waiting' });
    setAttempt((n) => n + 1);
  };
  const close = (e: Event) => (e.currentTarget as HTMLElement).closest('dialog')?.close();

  const counted = state.kind === 'receiving' || state.kind === 'refused' ? state : undefined;
  return (
    <Dialog open title={`Scan QR codes: ${props.what}`} onClose={props.onClose}>
      <div class="qr-scan" onPaste={onPaste}>
        {!done && (
          <>
            <video ref={video} muted playsInline aria-label="Camera preview" data-testid="scan-video" />
            {cameras.length > 1 && (
              <label class="inline">
                Camera{' '}
                <select value={deviceId ?? ''} onChange={(e) => setDeviceId(e.currentTarget.value || undefined)}>
                  <option value="">Default camera</option>
                  {cameras.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.label}
                    </option>
                  ))}
                </select>
              </label>
            )}
            <p data-testid="scan-progress">
              {counted && counted.total > 0
                ? `${counted.received} of ~${counted.total} parts`
                : cameraOn
                  ? 'Waiting for a QR code…'
                  : 'Starting the camera…'}
            </p>
            <progress max={counted?.total || 1} value={counted?.received ?? 0} aria-label="Parts received" />
          </>
        )}
        {cameraError && !done && (
          <p class="notice" role="alert">
            {cameraError}
          </p>
        )}
        {state.kind === 'refused' && (
          <p class="error-banner" role="alert" data-testid="scan-refused">
            {state.message}
          </p>
        )}
        {state.kind === 'done' && (
          <div class="qr-received" data-testid="scan-received">
            <p>
              Received <strong>{state.bytes.length.toLocaleString('en')} bytes</strong> (
              {state.format === 'pem' ? 'PEM text' : 'DER'}). SHA-256:{' '}
              <Sha256Text bytes={state.bytes} testId="scan-sha256" />
            </p>
            <p class="hint">Compare it with the SHA-256 on the screen that showed the codes.</p>
            <p class="actions">
              <button
                type="button"
                class="primary"
                ref={(el) => el?.focus()}
                onClick={(e) => {
                  props.onFile({ name: `scanned-qr.${state.format}`, bytes: state.bytes });
                  close(e);
                }}
              >
                Use it
              </button>
              <button type="button" onClick={again}>
                Scan again
              </button>
            </p>
          </div>
        )}
        <p class="visually-hidden" aria-live="polite">
          {announce}
        </p>
        {!done && (
          <div class="field">
            <label for="scan-images">Or read photos or screenshots of the codes (or paste one)</label>
            <input
              id="scan-images"
              type="file"
              accept="image/*"
              multiple
              onChange={(e) => void readImages(e.currentTarget.files ?? [])}
            />
          </div>
        )}
        <p class="actions">
          <button type="button" onClick={close}>
            Close
          </button>
        </p>
      </div>
    </Dialog>
  );
}
