/**
 * Bulk import (ARCHITECTURE §4 "Bulk import") over files openssl made: passwords asked once
 * each and reused on the next files, duplicates skipped (already in the vault, or twice in the
 * run), refusals with the VaultError's words, zips opened, and a cancel that leaves every
 * certificate whole or absent.
 */
import { readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { importCertificates } from '../../../src/vault/bulk/bulk-import';
import type { BulkImportFile, BulkImportOptions } from '../../../src/vault/bulk/bulk-types';
import type { CertificateVault } from '../../../src/vault/types';
import { pfxFromPair, selfSignedFiles, tempDir } from '../../support/openssl';
import { collect, makeVault } from './vault-fixture';
import { stringContaining } from '../../support/match';

const t = tempDir('certkeep-bulk-');
afterAll(() => t.cleanup());
const read = (f: string) => new Uint8Array(readFileSync(t.path(f)));

function selfSigned(name: string, cn = name, days = 30): void {
  selfSignedFiles({
    key: 'ec',
    subj: `/CN=${cn}.contoso.com`,
    days,
    keyOut: t.path(`${name}.key`),
    certOut: t.path(`${name}.crt`),
  });
}
function pfx(name: string, password: string, out = `${name}.pfx`): void {
  pfxFromPair(t, name, password, out);
}
for (const n of ['alpha', 'bravo', 'charlie', 'delta', 'echo']) selfSigned(n);
// delta renewed: a new key and certificate with delta's subject.
selfSigned('delta-renewed', 'delta', 60);
pfx('alpha', 'first');
pfx('bravo', 'first');
pfx('charlie', 'second');
// The same certificate as alpha.pfx under another password: a duplicate inside the run.
pfx('alpha', 'first', 'alpha-again.pfx');
pfx('echo', 'first');
const files = {
  alpha: { name: 'alpha.pfx', bytes: read('alpha.pfx') },
  bravo: { name: 'bravo.pfx', bytes: read('bravo.pfx') },
  charlie: { name: 'charlie.pfx', bytes: read('charlie.pfx') },
  alphaAgain: { name: 'alpha-again.pfx', bytes: read('alpha-again.pfx') },
  delta: {
    name: 'delta.pem',
    bytes: new Uint8Array(Buffer.concat([readFileSync(t.path('delta.key')), readFileSync(t.path('delta.crt'))])),
  },
  certOnly: { name: 'echo.crt', bytes: read('echo.crt') },
  notes: { name: 'notes.txt', bytes: new TextEncoder().encode('not a certificate') },
  echo: { name: 'echo.pfx', bytes: read('echo.pfx') },
} satisfies Record<string, BulkImportFile>;

/** Names as the Import page makes them: the CN's first label here. */
const nameFor: BulkImportOptions['nameFor'] = (file, leaf) =>
  (/CN=([^,.]+)/.exec(leaf?.subject ?? '')?.[1] ?? file.replace(/\W.*$/, '')).replace(/[^0-9a-zA-Z-]/g, '-');

/** An askPassword that answers from a list and records what it was asked. */
function prompts(answers: (string | undefined)[]) {
  const asked: { file: string; wrong: boolean }[] = [];
  return {
    asked,
    askPassword: (file: string, wrong: boolean) => {
      asked.push({ file, wrong });
      return Promise.resolve(answers.shift());
    },
  };
}

async function names(vault: CertificateVault): Promise<string[]> {
  return (await collect(vault.listPropertiesOfCertificates())).map((p) => p.name).sort();
}

describe('importCertificates', () => {
  it('imports, skips duplicates, refuses with reasons, and asks each password once', async () => {
    const { vault } = await makeVault();
    // delta is in the vault already, under another name.
    await vault.importCertificate('delta-old', files.delta.bytes);
    const p = prompts(['first', 'second']);
    const summary = await importCertificates(
      vault,
      [files.alpha, files.bravo, files.charlie, files.alphaAgain, files.delta, files.certOnly, files.notes],
      { nameFor, ...p },
    );
    // 'first' is asked for alpha and reused for bravo and alpha-again; 'second' for charlie.
    expect(p.asked).toEqual([
      { file: 'alpha.pfx', wrong: false },
      { file: 'charlie.pfx', wrong: false },
    ]);
    expect(summary.imported.map((i) => [i.file, i.name])).toEqual([
      ['alpha.pfx', 'alpha'],
      ['bravo.pfx', 'bravo'],
      ['charlie.pfx', 'charlie'],
    ]);
    expect(summary.skipped).toEqual([
      { file: 'alpha-again.pfx', thumbprint: summary.imported[0].thumbprint, duplicateOf: { file: 'alpha.pfx' } },
      { file: 'delta.pem', thumbprint: expect.any(String) as unknown, duplicateOf: { certificate: 'delta-old' } },
    ]);
    expect(summary.refused).toEqual([
      { file: 'echo.crt', code: 'BadParameter', message: stringContaining('holds no private key') },
      { file: 'notes.txt', code: 'Malformed', message: stringContaining('could not be read') },
    ]);
    expect(summary).toMatchObject({ cancelled: false, notReached: [] });
    expect(await names(vault)).toEqual(['alpha', 'bravo', 'charlie', 'delta-old']);
    // The thumbprint recorded is the stored version's.
    expect((await vault.getCertificate('alpha')).properties.x509ThumbprintString).toBe(summary.imported[0].thumbprint);
  });

  it('a file equal to an older version (same subject, since renewed) is skipped too', async () => {
    const { vault } = await makeVault();
    await vault.importCertificate('delta', files.delta.bytes);
    const renewed = Buffer.concat([
      readFileSync(t.path('delta-renewed.key')),
      readFileSync(t.path('delta-renewed.crt')),
    ]);
    await vault.importCertificate('delta', new Uint8Array(renewed));
    const summary = await importCertificates(vault, [files.delta], { nameFor, ...prompts([]) });
    expect(summary.skipped).toMatchObject([{ file: 'delta.pem', duplicateOf: { certificate: 'delta' } }]);
    expect(summary.imported).toEqual([]);
  });

  it('a wrong password is asked again (wrong: true); no answer leaves the file out as refused', async () => {
    const { vault } = await makeVault();
    const p = prompts(['nope', 'second', undefined]);
    const summary = await importCertificates(vault, [files.charlie, files.alpha], { nameFor, ...p });
    expect(p.asked).toEqual([
      { file: 'charlie.pfx', wrong: false },
      { file: 'charlie.pfx', wrong: true },
      // 'second' is tried on alpha first, silently; then the person is asked and gives up.
      { file: 'alpha.pfx', wrong: false },
    ]);
    expect(summary.imported.map((i) => i.name)).toEqual(['charlie']);
    expect(summary.refused).toEqual([
      { file: 'alpha.pfx', code: 'InvalidPassword', message: stringContaining('No password was given') },
    ]);
  });

  it('known passwords are tried before asking; a taken or deleted name gets a suffix', async () => {
    const { vault } = await makeVault();
    await vault.importCertificate('alpha', files.delta.bytes);
    await vault.importCertificate('bravo', files.echo.bytes, { password: 'first' });
    await vault.deleteCertificate('bravo');
    const p = prompts([]);
    const summary = await importCertificates(vault, [files.alpha, files.bravo], {
      nameFor,
      passwords: ['wrong', 'first'],
      ...p,
    });
    expect(p.asked).toEqual([]);
    expect(summary.imported.map((i) => i.name)).toEqual(['alpha-2', 'bravo-2']);
  });

  it('opens zips (folders inside, junk left out) and refuses a damaged one', async () => {
    const { vault } = await makeVault();
    const zip = zipSync({
      'certs/bravo.pfx': files.bravo.bytes,
      'certs/deeper/delta.pem': files.delta.bytes,
      '__MACOSX/certs/._bravo.pfx': new Uint8Array([0, 5, 22, 7]),
      'certs/.DS_Store': new Uint8Array([0, 0, 0, 1]),
    });
    const broken = zip.slice(0, 40);
    const summary = await importCertificates(
      vault,
      [
        { name: 'batch.zip', bytes: zip },
        { name: 'broken.zip', bytes: broken },
      ],
      { nameFor, ...prompts(['first']) },
    );
    expect(summary.imported.map((i) => [i.file, i.name])).toEqual([
      ['batch.zip/certs/bravo.pfx', 'bravo'],
      ['batch.zip/certs/deeper/delta.pem', 'delta'],
    ]);
    expect(summary.refused).toEqual([
      {
        file: 'broken.zip',
        code: 'Malformed',
        message: stringContaining('The zip archive "broken.zip" could not be read'),
      },
    ]);
  });

  it('a zip bomb is refused from its declared sizes, before it is inflated', async () => {
    const { vault, dump } = await makeVault();
    const baseline = await dump();
    // 17 MB of zeros packs into a few kB; the limit is 16 MB a file.
    const bomb = zipSync({ 'zeros.pfx': new Uint8Array(17 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(100_000);
    const summary = await importCertificates(vault, [{ name: 'bomb.zip', bytes: bomb }], { nameFor, ...prompts([]) });
    expect(summary.refused).toEqual([
      { file: 'bomb.zip', code: 'BadParameter', message: stringContaining('"zeros.pfx" unpacks to 17825792 bytes') },
    ]);
    expect(await dump()).toEqual(baseline);
  });

  it('cancel: what finished stays whole, the rest is not reached, nothing half-imported', async () => {
    const { vault, store } = await makeVault();
    const controller = new AbortController();
    const summary = await importCertificates(vault, [files.delta, files.alpha, files.bravo], {
      nameFor,
      ...prompts(['first']),
      signal: controller.signal,
      // Abort as the second file starts: its import sees the signal before any write.
      onProgress: (p) => {
        if (p.done === 1) controller.abort();
      },
    });
    expect(summary.imported.map((i) => i.name)).toEqual(['delta']);
    expect(summary).toMatchObject({
      cancelled: true,
      notReached: ['alpha.pfx', 'bravo.pfx'],
      refused: [],
      skipped: [],
    });
    expect(await names(vault)).toEqual(['delta']);
    // Every stored key belongs to a stored version: no orphan from the cancelled import.
    const rows = await store.read(async (tx) => ({
      keys: await tx.getAll('keys'),
      versions: await tx.getAll('versions'),
    }));
    expect(rows.keys.map((k) => k.id).sort()).toEqual(rows.versions.map((v) => v.keyId).sort());
  });

  it('cancel while a password is asked: that file and the rest are not reached', async () => {
    const { vault, dump } = await makeVault();
    const baseline = await dump();
    const controller = new AbortController();
    const summary = await importCertificates(vault, [files.alpha, files.bravo], {
      nameFor,
      signal: controller.signal,
      askPassword: () => {
        controller.abort();
        return Promise.resolve('first');
      },
    });
    expect(summary).toMatchObject({ cancelled: true, imported: [], notReached: ['alpha.pfx', 'bravo.pfx'] });
    expect(await dump()).toEqual(baseline);
  });
});
