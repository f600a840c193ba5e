/** Types of zip-writer.mjs for the TypeScript tests. */
export interface ZipEntry {
  /** path inside the archive, `/`-separated; a folder ends with `/` */
  name: string;
  /** file bytes (absent for a folder) */
  data?: Uint8Array;
  /** Unix permission bits; 0o644 for files and 0o755 for folders unless given */
  mode?: number;
}

/** Builds the archive in memory: sorted entries, DOS-epoch timestamps, no extra fields. */
export function writeZip(entries: ZipEntry[]): Buffer;
