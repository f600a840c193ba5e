// A zip archive written byte for byte the same way every time (APPNOTE.TXT 6.3.x, no zip64):
// entries sorted by name, every timestamp the DOS epoch (1980-01-01 00:00), Unix modes in the
// external attributes, no extra fields, no data descriptors. With one Node (and so one zlib),
// the same files give the same zip, which is what lets two packages of one commit compare equal.
import { crc32, deflateRawSync } from 'node:zlib';

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
/** 2.0: deflate and folders. */
const VERSION_NEEDED = 20;
/** Upper byte 3 = Unix, so unzip and Python restore the modes in the external attributes. */
const VERSION_MADE_BY = (3 << 8) | VERSION_NEEDED;
/** General purpose bit 11: names are UTF-8. */
const FLAG_UTF8 = 0x0800;
const STORED = 0;
const DEFLATED = 8;
/** DOS date of 1980-01-01 (year 0 since 1980, month 1, day 1); the time is 00:00:00. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const DOS_TIME = 0;
const MSDOS_DIRECTORY = 0x10;
const MAX_32 = 0xffffffff;

/**
 * @typedef {object} ZipEntry
 * @property {string} name  path inside the archive, `/`-separated; a folder ends with `/`
 * @property {Uint8Array} [data]  file bytes (absent for a folder)
 * @property {number} [mode]  Unix permission bits, 0o644 for files and 0o755 for folders unless given
 */

/**
 * Builds the archive in memory.
 * @param {ZipEntry[]} entries
 * @returns {Buffer}
 */
export function writeZip(entries) {
  const sorted = [...entries].sort((a, b) => Buffer.compare(Buffer.from(a.name), Buffer.from(b.name)));
  const seen = new Set();
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const entry of sorted) {
    if (seen.has(entry.name)) throw new Error(`zip: duplicate entry ${entry.name}`);
    seen.add(entry.name);
    const isDir = entry.name.endsWith('/');
    if (entry.name.startsWith('/') || entry.name.split('/').includes('..')) {
      throw new Error(`zip: entry name must be relative: ${entry.name}`);
    }
    const name = Buffer.from(entry.name, 'utf8');
    const raw = isDir ? Buffer.alloc(0) : Buffer.from(entry.data ?? new Uint8Array(0));
    const deflated = raw.length ? deflateRawSync(raw, { level: 9 }) : raw;
    // Deflate only when it saves bytes (PNG icons do not shrink).
    const method = deflated.length < raw.length ? DEFLATED : STORED;
    const body = method === DEFLATED ? deflated : raw;
    if (raw.length > MAX_32 || offset > MAX_32) throw new Error('zip: archive too large for a zip without zip64');
    const crc = crc32(raw);
    const mode = entry.mode ?? (isDir ? 0o755 : 0o644);
    const unixType = isDir ? 0o040000 : 0o100000;
    const external = (((unixType | mode) << 16) | (isDir ? MSDOS_DIRECTORY : 0)) >>> 0;

    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_HEADER, 0);
    local.writeUInt16LE(VERSION_NEEDED, 4);
    local.writeUInt16LE(FLAG_UTF8, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, body);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL_HEADER, 0);
    central.writeUInt16LE(VERSION_MADE_BY, 4);
    central.writeUInt16LE(VERSION_NEEDED, 6);
    central.writeUInt16LE(FLAG_UTF8, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(name.length, 28);
    // extra length, comment length, disk number start, internal attributes: all 0
    central.writeUInt32LE(external, 38);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);

    offset += local.length + name.length + body.length;
  }
  if (sorted.length > 0xffff) throw new Error('zip: too many entries for a zip without zip64');
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0);
  // this disk, disk with the central directory: 0
  end.writeUInt16LE(sorted.length, 8);
  end.writeUInt16LE(sorted.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}
