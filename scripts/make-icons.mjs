// Draws Certkeep's app icons (a white key on a blue tile) as PNGs with no image library:
// run once with `node scripts/make-icons.mjs`; the output is committed under public/.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const BLUE = [31, 78, 140];
const WHITE = [255, 255, 255];

function crc32(buf) {
  let c,
    crc = 0xffffffff;
  for (let n = 0; n < buf.length; n++) {
    c = (crc ^ buf[n]) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x / size, y / size);
      raw.set([r, g, b, a], y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The key, in a unit square scaled by `s` around the centre. */
function isKey(u, v, s) {
  const x = (u - 0.5) / s + 0.5,
    y = (v - 0.5) / s + 0.5;
  const ring = Math.hypot(x - 0.33, y - 0.5);
  if (ring < 0.17 && ring > 0.08) return true;
  if (x > 0.48 && x < 0.85 && y > 0.46 && y < 0.54) return true;
  if (x > 0.7 && x < 0.76 && y >= 0.54 && y < 0.66) return true;
  if (x > 0.79 && x < 0.85 && y >= 0.54 && y < 0.62) return true;
  return false;
}

function tile(rounded, scale) {
  return (u, v) => {
    if (rounded) {
      const r = 0.18,
        dx = Math.max(r - u, u - (1 - r), 0),
        dy = Math.max(r - v, v - (1 - r), 0);
      if (Math.hypot(dx, dy) > r) return [0, 0, 0, 0];
    }
    return [...(isKey(u, v, scale) ? WHITE : BLUE), 255];
  };
}

writeFileSync('public/icon-192.png', png(192, tile(true, 1)));
writeFileSync('public/icon-512.png', png(512, tile(true, 1)));
// Maskable: full bleed, the key inside the 80 % safe zone.
writeFileSync('public/icon-maskable-512.png', png(512, tile(false, 0.7)));
writeFileSync('public/apple-touch-icon.png', png(180, tile(false, 0.85)));
