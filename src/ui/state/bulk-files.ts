/**
 * Files for a bulk import from what the browser hands over: a multi-file or folder picker
 * (webkitdirectory gives relative paths), or a drop of files and folders. A dropped folder is
 * walked with DataTransferItem.webkitGetAsEntry (every engine has it; getAsFileSystemHandle is
 * Chromium-only and not needed for reading). Reading only: nothing is sent anywhere.
 */
import type { BulkImportFile } from './vault-api';

/** Far more than a certificate folder holds; a drop of a home folder stops here. */
const MAX_FILES = 5000;

async function fromFile(file: File, path = file.webkitRelativePath || file.name): Promise<BulkImportFile> {
  return { name: path, bytes: new Uint8Array(await file.arrayBuffer()) };
}

/** The picked files, in the order the picker gives them (folder pickers: by path). */
export function filesFromList(list: FileList | null): Promise<BulkImportFile[]> {
  const files = [...(list ?? [])].slice(0, MAX_FILES);
  return Promise.all(files.map((f) => fromFile(f)));
}

function entryFile(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => {
    entry.file(resolve, reject);
  });
}

/** Every entry of a directory: readEntries returns them in batches until an empty one. */
async function directoryEntries(dir: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = dir.createReader();
  const all: FileSystemEntry[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => {
      reader.readEntries(resolve, reject);
    });
    if (batch.length === 0) return all;
    all.push(...batch);
  }
}

async function walk(entry: FileSystemEntry, out: BulkImportFile[]): Promise<void> {
  if (out.length >= MAX_FILES || entry.name.startsWith('.')) return;
  if (entry.isFile)
    out.push(await fromFile(await entryFile(entry as FileSystemFileEntry), entry.fullPath.replace(/^\//, '')));
  else if (entry.isDirectory) {
    const children = await directoryEntries(entry as FileSystemDirectoryEntry);
    children.sort((a, b) => a.name.localeCompare(b.name));
    for (const child of children) await walk(child, out);
  }
}

/** Dropped files and folders (folders walked, sorted by name), else the plain file list. */
export async function filesFromDrop(transfer: DataTransfer | null): Promise<BulkImportFile[]> {
  if (!transfer) return [];
  // Entries must be taken while the drop event runs: the items list empties afterwards.
  const entries = [...transfer.items]
    .map((item) => (item.kind === 'file' ? item.webkitGetAsEntry() : null))
    .filter((e): e is FileSystemEntry => e !== null);
  if (entries.length === 0) return filesFromList(transfer.files);
  const out: BulkImportFile[] = [];
  for (const entry of entries) await walk(entry, out);
  return out;
}
