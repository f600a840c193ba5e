import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTool } from '../../support/openssl';
import { writeZip, type ZipEntry } from '../../../scripts/release/zip-writer.mjs';

/** Bytes that deflate cannot shrink (a fixed LCG, so the test is the same every run). */
function noise(length: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = 0x2545f491;
  for (let i = 0; i < length; i += 1) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

const text = (s: string) => new TextEncoder().encode(s);

const ENTRIES: ZipEntry[] = [
  { name: 'bundle/' },
  { name: 'bundle/app/' },
  { name: 'bundle/app/index.html', data: text('<!doctype html>\n'.repeat(200)) },
  { name: 'bundle/app/icon.png', data: noise(4096) },
  { name: 'bundle/empty.txt', data: new Uint8Array(0) },
  { name: 'bundle/serve.py', data: text('print("hi")\n'), mode: 0o755 },
  { name: 'bundle/zertifikat-prüfung.txt', data: text('UTF-8 name\n') },
];

// Python's zipfile is an independent reader: names, modes, dates, CRCs and contents as it sees them.
const PY_READ = `
import json, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
bad = z.testzip()
out = [{"name": i.filename, "mode": i.external_attr >> 16, "date": list(i.date_time),
         "method": i.compress_type, "hex": z.read(i.filename).hex()} for i in z.infolist()]
print(json.dumps({"bad": bad, "entries": out}))
`;

describe('writeZip', () => {
  it('writes an archive that unzip and Python read back exactly, with fixed dates and Unix modes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'certkeep-zip-'));
    try {
      const file = join(dir, 'test.zip');
      writeFileSync(file, writeZip(ENTRIES));
      expect(runTool('unzip', ['-t', file]).toString()).toContain('No errors detected');
      const read = JSON.parse(runTool('python3', ['-c', PY_READ, file]).toString()) as {
        bad: string | null;
        entries: { name: string; mode: number; date: number[]; method: number; hex: string }[];
      };
      expect(read.bad).toBeNull();
      expect(read.entries.map((e) => e.name)).toEqual([...ENTRIES.map((e) => e.name)].sort());
      for (const entry of read.entries) {
        const source = ENTRIES.find((e) => e.name === entry.name);
        const isDir = entry.name.endsWith('/');
        expect(entry.date).toEqual([1980, 1, 1, 0, 0, 0]);
        expect(entry.mode).toBe((isDir ? 0o040000 : 0o100000) | (source?.mode ?? (isDir ? 0o755 : 0o644)));
        expect(entry.hex).toBe(Buffer.from(source?.data ?? new Uint8Array(0)).toString('hex'));
      }
      // Text shrinks and is deflated; noise would grow and is stored.
      expect(read.entries.find((e) => e.name.endsWith('index.html'))?.method).toBe(8);
      expect(read.entries.find((e) => e.name.endsWith('icon.png'))?.method).toBe(0);

      runTool('unzip', ['-q', file, '-d', join(dir, 'out')]);
      expect(statSync(join(dir, 'out', 'bundle', 'serve.py')).mode & 0o777).toBe(0o755);
      expect(readFileSync(join(dir, 'out', 'bundle', 'zertifikat-prüfung.txt'), 'utf8')).toBe('UTF-8 name\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives the same bytes whatever order the entries come in', () => {
    const once = writeZip(ENTRIES);
    const shuffled = writeZip([...ENTRIES].reverse());
    expect(Buffer.compare(once, shuffled)).toBe(0);
    // and a different content gives a different archive (the comparison can fail)
    const changed = writeZip(ENTRIES.map((e) => (e.name.endsWith('serve.py') ? { ...e, data: text('x') } : e)));
    expect(Buffer.compare(once, changed)).not.toBe(0);
  });

  it.each([
    [
      'a duplicate name',
      [
        { name: 'a.txt', data: text('1') },
        { name: 'a.txt', data: text('2') },
      ],
    ],
    ['an absolute name', [{ name: '/etc/passwd', data: text('x') }]],
    ['a name that climbs out', [{ name: 'bundle/../../x', data: text('x') }]],
  ])('refuses %s', (_label, entries: ZipEntry[]) => {
    expect(() => writeZip(entries)).toThrow(/zip:/);
  });
});
