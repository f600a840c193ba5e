import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { Dialog } from '../components/dialog';
import { QrSvg } from './qr-svg';
import { Sha256Text } from './sha256-hex';
import { bytesFrames, MAX_FRAGMENT_LENGTH } from './ur-encoder';
import './transfer.css';

/** Frames per second the speed control offers; 5 is the default (BC-UR displays run at 4–8). */
const SPEEDS = [1, 2, 3, 5, 8, 10];
const DEFAULT_SPEED = 5;

/** What the dialog shows: a file the admin carries across the air gap, never a private key. */
export interface QrPayload {
  /** What it is, in words: "the CSR of “web”". */
  what: string;
  /** The file name it would have on a USB stick (shown, so both sides name it alike). */
  fileName: string;
  bytes: Uint8Array;
}

/**
 * A file as QR codes: one code when it fits one fragment, else an endless fountain of multipart
 * `ur:bytes` frames (ARCHITECTURE §8): parts 1…n are the fragments, each later frame mixes a few,
 * so a camera that missed some frames catches up from whichever come next. Keys: Space pauses,
 * + and − change the speed, F goes full screen, Escape closes.
 */
export function QrShowDialog(props: QrPayload & { onClose: () => void }) {
  const frames = useMemo(() => bytesFrames(props.bytes), [props.bytes]);
  const [seqNum, setSeqNum] = useState(1);
  const [fps, setFps] = useState(DEFAULT_SPEED);
  const [playing, setPlaying] = useState(true);
  const [announce, setAnnounce] = useState('');
  const stage = useRef<HTMLDivElement>(null);

  useEffect(() => {
    setAnnounce(
      frames.single
        ? `Showing ${props.what} as one QR code.`
        : `Showing ${props.what} as animated QR codes, ${frames.seqLen} parts, ${DEFAULT_SPEED} frames a second.`,
    );
  }, [frames]);
  useEffect(() => {
    if (frames.single || !playing) return;
    const timer = setInterval(() => setSeqNum((n) => (n >= 0xffffffff ? 1 : n + 1)), 1000 / fps);
    return () => clearInterval(timer);
  }, [frames, fps, playing]);

  const togglePlay = () => {
    setPlaying((p) => !p);
    setAnnounce(playing ? `Paused at frame ${seqNum}.` : 'Playing.');
  };
  const changeSpeed = (step: number) => {
    const i = Math.min(SPEEDS.length - 1, Math.max(0, SPEEDS.indexOf(fps) + step));
    setFps(SPEEDS[i] ?? DEFAULT_SPEED);
  };
  const fullScreen = () => {
    const el = stage.current;
    if (!el) return;
    if (document.fullscreenElement) void document.exitFullscreen();
    else void el.requestFullscreen().catch(() => undefined);
  };
  const keys = (e: KeyboardEvent) => {
    const onControl = e.target instanceof HTMLButtonElement || e.target instanceof HTMLSelectElement;
    if (e.key === ' ' && !onControl && !frames.single) {
      e.preventDefault();
      togglePlay();
    } else if ((e.key === '+' || e.key === '=') && !frames.single) changeSpeed(1);
    else if (e.key === '-' && !frames.single) changeSpeed(-1);
    else if (e.key === 'f' || e.key === 'F') fullScreen();
  };

  // On the document, not the dialog's box: focus may sit on the dialog itself or on <body> after a click.
  const keysRef = useRef(keys);
  keysRef.current = keys;
  useEffect(() => {
    const listener = (e: KeyboardEvent) => keysRef.current(e);
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, []);

  const label = frames.single ? `QR code of ${props.what}` : `Animated QR codes of ${props.what}`;
  return (
    <Dialog open title={`QR codes: ${props.what}`} onClose={props.onClose}>
      <div class="qr-show">
        <p class="hint">
          <strong>{props.fileName}</strong>, {props.bytes.length.toLocaleString('en')} bytes. SHA-256:{' '}
          <Sha256Text bytes={props.bytes} testId="qr-sha256" />
        </p>
        <div class="qr-stage" ref={stage}>
          <QrSvg text={frames.part(seqNum)} label={label} />
          <p class="qr-counter" data-testid="qr-counter" data-seq={frames.single ? 0 : seqNum}>
            {frames.single
              ? 'One QR code'
              : `Frame ${seqNum} · ${frames.seqLen} parts of ≤ ${MAX_FRAGMENT_LENGTH} bytes · ${fps} frames/s${playing ? '' : ' · paused'}`}
          </p>
        </div>
        <p class="visually-hidden" aria-live="polite">
          {announce}
        </p>
        <div class="actions">
          {!frames.single && (
            <>
              <button type="button" onClick={togglePlay} aria-keyshortcuts="Space">
                {playing ? 'Pause' : 'Play'}
              </button>
              <label class="inline">
                Speed{' '}
                <select value={fps} onChange={(e) => setFps(Number(e.currentTarget.value))} aria-keyshortcuts="+ -">
                  {SPEEDS.map((s) => (
                    <option key={s} value={s}>
                      {s} frames/s
                    </option>
                  ))}
                </select>
              </label>
            </>
          )}
          <button type="button" onClick={fullScreen} aria-keyshortcuts="F">
            Full screen
          </button>
          <button type="button" onClick={(e) => e.currentTarget.closest('dialog')?.close()}>
            Close
          </button>
        </div>
        <p class="hint">
          Scan with Certkeep on the other side (Scan QR codes, beside every file input). Keys: Space pauses, + and −
          change the speed, F full screen, Escape closes.
        </p>
      </div>
    </Dialog>
  );
}
