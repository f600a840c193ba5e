import { writeFileSync } from 'node:fs';

/** Frame size of the fake camera; Chromium reports it as the camera's resolution. */
export const Y4M_WIDTH = 640;
export const Y4M_HEIGHT = 480;

/**
 * Writes a YUV4MPEG2 video (the format Chromium's --use-file-for-fake-video-capture reads) of QR
 * codes given as module matrices: each centred black on white, `repeat` video frames apiece at
 * `fps`. 4:2:0, full-range luma; the chroma planes are flat grey. No encoder needed: Y4M is raw.
 */
export function writeQrY4m(path: string, codes: boolean[][][], options: { fps: number; repeat: number }): void {
  const w = Y4M_WIDTH;
  const h = Y4M_HEIGHT;
  const header = Buffer.from(`YUV4MPEG2 W${w} H${h} F${options.fps}:1 Ip A1:1 C420jpeg\n`);
  const frameHeader = Buffer.from('FRAME\n');
  const chroma = Buffer.alloc((w / 2) * (h / 2) * 2, 128);
  const parts: Buffer[] = [header];
  for (const modules of codes) {
    const luma = Buffer.alloc(w * h, 255);
    const size = modules.length;
    const px = Math.max(1, Math.floor((Math.min(w, h) - 20) / size));
    const x0 = Math.floor((w - size * px) / 2);
    const y0 = Math.floor((h - size * px) / 2);
    modules.forEach((row, my) =>
      row.forEach((dark, mx) => {
        if (!dark) return;
        for (let y = 0; y < px; y++)
          luma.fill(0, (y0 + my * px + y) * w + x0 + mx * px, (y0 + my * px + y) * w + x0 + (mx + 1) * px);
      }),
    );
    for (let r = 0; r < options.repeat; r++) parts.push(frameHeader, luma, chroma);
  }
  writeFileSync(path, Buffer.concat(parts));
}
