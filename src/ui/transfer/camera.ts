import decodeQR from 'qr/decode.js';

/** Cameras the browser offers; labels are empty until the user has allowed one. */
export async function listCameras(): Promise<{ id: string; label: string }[]> {
  const devices = await navigator.mediaDevices.enumerateDevices();
  return devices
    .filter((d) => d.kind === 'videoinput')
    .map((d, i) => ({ id: d.deviceId, label: d.label || `Camera ${i + 1}` }));
}

/**
 * Opens a camera into `video`: the one chosen, else the one facing away from the user (a phone's
 * back camera; a laptop has only the one). Resolves once frames play.
 */
export async function startCamera(video: HTMLVideoElement, deviceId?: string): Promise<MediaStream> {
  const stream = await navigator.mediaDevices.getUserMedia({
    audio: false,
    video: deviceId
      ? { deviceId: { exact: deviceId } }
      : { facingMode: { ideal: 'environment' }, width: { ideal: 1280 }, height: { ideal: 720 } },
  });
  video.srcObject = stream;
  await video.play();
  return stream;
}

export function stopCamera(stream: MediaStream | undefined): void {
  for (const track of stream?.getTracks() ?? []) track.stop();
}

/** Words for a getUserMedia refusal (DOMException names from Media Capture and Streams §10). */
export function cameraProblem(e: unknown): string {
  const name = e instanceof DOMException ? e.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError')
    return 'The browser did not allow the camera. Allow camera access for this page, or read a photo of the codes below.';
  if (name === 'NotFoundError' || name === 'OverconstrainedError')
    return 'No camera was found. Connect one, or read a photo or screenshot of the codes below.';
  if (name === 'NotReadableError' || name === 'AbortError')
    return 'The camera is in use by another program or could not start. Close that program and try again.';
  return 'The camera could not be opened. Read a photo or screenshot of the codes below instead.';
}

function readPixels(source: CanvasImageSource, width: number, height: number, canvas: HTMLCanvasElement): ImageData {
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('no 2d canvas');
  ctx.drawImage(source, 0, 0, width, height);
  return ctx.getImageData(0, 0, width, height);
}

/** The text of the QR code in `image`, or undefined when none is found (a normal miss in a camera loop). */
function decodePixels(image: ImageData, thorough: boolean): string | undefined {
  try {
    return decodeQR(image, thorough ? { effort: Infinity, timeLimit: 1500 } : undefined);
  } catch {
    return undefined;
  }
}

/**
 * Decodes every new video frame on the main thread (a 720p frame costs a few milliseconds in the
 * bundled pure-JS decoder, so no worker is needed) and reports each QR text found. Uses
 * requestVideoFrameCallback where the browser has it, so a frame is decoded once.
 */
export function scanFrames(video: HTMLVideoElement, onText: (text: string) => void): () => void {
  const canvas = document.createElement('canvas');
  let stopped = false;
  let handle = 0;
  const tick = () => {
    if (stopped) return;
    if (video.readyState >= 2 && video.videoWidth > 0) {
      const text = decodePixels(readPixels(video, video.videoWidth, video.videoHeight, canvas), false);
      if (text !== undefined) onText(text);
    }
    schedule();
  };
  const schedule = () => {
    if ('requestVideoFrameCallback' in video) handle = video.requestVideoFrameCallback(tick);
    else handle = requestAnimationFrame(tick);
  };
  schedule();
  return () => {
    stopped = true;
    if ('cancelVideoFrameCallback' in video) video.cancelVideoFrameCallback(handle);
    else cancelAnimationFrame(handle);
  };
}

/** Longest side a still image is decoded at: phone photos are 4000 px and more, QR codes need far less. */
const STILL_MAX = 2000;

/** The QR text in a photo or screenshot (any format the browser decodes), or undefined. */
export async function qrTextOfImage(blob: Blob): Promise<string | undefined> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(blob);
  } catch {
    return undefined;
  }
  const scale = Math.min(1, STILL_MAX / Math.max(bitmap.width, bitmap.height));
  const width = Math.max(1, Math.round(bitmap.width * scale));
  const height = Math.max(1, Math.round(bitmap.height * scale));
  const pixels = readPixels(bitmap, width, height, document.createElement('canvas'));
  bitmap.close();
  return decodePixels(pixels, true);
}
