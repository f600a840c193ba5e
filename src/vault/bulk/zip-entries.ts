/**
 * The files inside a .zip, for bulk import. fflate (8 kB) is loaded only when a zip arrives.
 * Declared sizes are checked before anything is inflated, so a zip bomb is refused, not unpacked;
 * directories, macOS resource forks and dotfiles are left out.
 */
import type { BulkImportFile } from './bulk-types';
import { VaultError } from '../vault-error';

/** Real certificate archives hold tens or hundreds of small files. */
const MAX_ENTRIES = 10_000;
const MAX_ENTRY_BYTES = 16 * 1024 * 1024;
const MAX_TOTAL_BYTES = 256 * 1024 * 1024;

/** "PK\x03\x04" (a local file header) or "PK\x05\x06" (an empty archive's end record). */
export function isZip(bytes: Uint8Array): boolean {
  return (
    bytes[0] === 0x50 && bytes[1] === 0x4b && ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6))
  );
}

function isJunk(path: string): boolean {
  const parts = path.split('/');
  return path.endsWith('/') || parts.includes('__MACOSX') || parts.some((p) => p.startsWith('.'));
}

/** The archive's files, named "<archive>/<path>". Malformed or Unsupported for a zip that cannot be opened. */
export async function zipEntries(archive: BulkImportFile): Promise<BulkImportFile[]> {
  const { unzipSync } = await import('fflate');
  let count = 0;
  let total = 0;
  let tooBig: string | undefined;
  let unzipped: Record<string, Uint8Array>;
  try {
    unzipped = unzipSync(archive.bytes, {
      filter: (entry) => {
        if (isJunk(entry.name)) return false;
        count++;
        total += entry.originalSize;
        if (entry.originalSize > MAX_ENTRY_BYTES) tooBig ??= `"${entry.name}" unpacks to ${entry.originalSize} bytes`;
        else if (count > MAX_ENTRIES) tooBig ??= `it holds more than ${MAX_ENTRIES} files`;
        else if (total > MAX_TOTAL_BYTES) tooBig ??= `it unpacks to more than ${MAX_TOTAL_BYTES / 1024 / 1024} MB`;
        return tooBig === undefined;
      },
    });
  } catch (e) {
    const unknownMethod = e instanceof Error && /compression/i.test(e.message);
    throw new VaultError(
      unknownMethod ? 'Unsupported' : 'Malformed',
      unknownMethod
        ? `The zip archive "${archive.name}" uses a compression or encryption Certkeep does not open (${e.message}): unpack it and choose the files.`
        : `The zip archive "${archive.name}" could not be read: it is damaged or not a zip file.`,
      { cause: e, field: 'file' },
    );
  }
  if (tooBig !== undefined) {
    throw new VaultError(
      'BadParameter',
      `The zip archive "${archive.name}" was not opened: ${tooBig}, more than a certificate archive needs.`,
      { field: 'file' },
    );
  }
  return Object.entries(unzipped).map(([path, bytes]) => ({ name: `${archive.name}/${path}`, bytes }));
}
