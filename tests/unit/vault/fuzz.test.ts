/**
 * Property: bad bytes anywhere → a VaultError with a readable message, and the vault unchanged
 * (byte-identical dump). Seeded PRNG so a failure reproduces; random bytes plus mutations of
 * valid PFX / PEM / DER / P7B inputs (the interesting failures are deep inside parsers).
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { backupCertificate } from '../../../src/vault/backup';
import { createVaultContext } from '../../../src/vault/context';
import { isVaultError } from '../../../src/vault/vault-error';
import { openssl, tempDir } from '../../support/openssl';
import { makeOpensslCa } from './openssl-ca';
import { makeVault } from './vault-fixture';

const t = tempDir('certkeep-fuzz-');
const ca = makeOpensslCa();
afterAll(() => {
  t.cleanup();
  ca.cleanup();
});

function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let r = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

function mutate(rand: () => number, input: Uint8Array): Uint8Array {
  const int = (n: number) => Math.floor(rand() * n);
  const bytes = [...input];
  const kind = int(5);
  const edits = 1 + int(4);
  for (let i = 0; i < edits && bytes.length; i++) {
    const at = int(bytes.length);
    if (kind === 0)
      bytes[at] = int(256); // random byte
    else if (kind === 1)
      bytes[at] ^= 1 << int(8); // bit flip
    else if (kind === 2)
      bytes.splice(at); // truncate
    else if (kind === 3)
      bytes.splice(at, 0, int(256)); // insert
    else bytes.splice(at, 1 + int(16)); // delete a run
  }
  return new Uint8Array(bytes);
}

function randomBytes(rand: () => number): Uint8Array {
  const n = Math.floor(rand() * 300);
  // Start some with a DER SEQUENCE or a PEM header so parsers go further than the first byte.
  const prefix =
    rand() < 0.3
      ? [0x30, 0x82, 0x01, 0x00]
      : rand() < 0.3
        ? [...new TextEncoder().encode('-----BEGIN CERTIFICATE-----\n')]
        : [];
  return new Uint8Array([...prefix, ...Array.from({ length: n }, () => Math.floor(rand() * 256))]);
}

async function expectVaultErrorOrSuccess(p: Promise<unknown>): Promise<'ok' | 'rejected'> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    if (!isVaultError(e)) throw new Error(`a raw error escaped: ${String(e)}`, { cause: e });
    expect(e.message.length).toBeGreaterThan(10);
    // Every failure is classified (Malformed, InvalidPassword…), none falls through to the catch-all.
    expect(e.message).not.toContain('failed unexpectedly');
    // Bad bytes are the input's fault, never reported as a fault of Certkeep.
    expect(e.code).not.toBe('Internal');
    return 'rejected';
  }
}

openssl([
  'req',
  '-x509',
  '-newkey',
  'ec',
  '-pkeyopt',
  'ec_paramgen_curve:P-256',
  '-nodes',
  '-keyout',
  t.path('k.pem'),
  '-out',
  t.path('c.pem'),
  '-subj',
  '/CN=fuzz',
  '-days',
  '30',
]);
openssl([
  'pkcs12',
  '-export',
  '-inkey',
  t.path('k.pem'),
  '-in',
  t.path('c.pem'),
  '-passout',
  'pass:pw',
  '-iter',
  '1',
  '-macalg',
  'sha256',
  '-out',
  t.path('f.pfx'),
]);
const importSeeds = [
  new Uint8Array(readFileSync(t.path('f.pfx'))),
  new Uint8Array(Buffer.concat([readFileSync(t.path('k.pem')), readFileSync(t.path('c.pem'))])),
];

describe('bad bytes never escape as raw errors and never change the vault', () => {
  it('importCertificate: 300 random and mutated inputs', async () => {
    const rand = mulberry32(0xc0ffee);
    const { vault, dump } = await makeVault();
    await vault.createCertificate('keep', { subject: 'CN=keep', keyType: 'EC' });
    const baseline = await dump();
    let ok = 0;
    for (let i = 0; i < 300; i++) {
      const input = rand() < 0.25 ? randomBytes(rand) : mutate(rand, importSeeds[i % importSeeds.length]);
      const outcome = await expectVaultErrorOrSuccess(vault.importCertificate('fz', input, { password: 'pw' }));
      if (outcome === 'ok') {
        ok++;
        await vault.deleteCertificate('fz');
        await vault.purgeDeletedCertificate('fz');
      }
      expect(await dump(), `case ${i}`).toEqual(baseline);
    }
    expect(ok).toBeLessThan(60);
  }, 120_000);

  it('mergeCertificate: 200 random and mutated certificates, DER / PEM / P7B', async () => {
    const rand = mulberry32(0xbadcafe);
    const { vault, dump, store } = await makeVault();
    const op = await vault.createCertificate('m', { subject: 'CN=m', keyType: 'EC', issuerName: 'Unknown' });
    const leafPem = ca.sign(op.csr!);
    const seeds = [ca.toDer(leafPem), new TextEncoder().encode(leafPem), ca.p7b(leafPem + ca.caPem, 'DER')];
    const baseline = await dump();
    const raw = await store.read(async (tx) => ({
      cert: (await tx.get('certificates', 'm'))!,
      op: (await tx.get('operations', 'm'))!,
      keys: await tx.getAll('keys'),
    }));
    let merged = 0;
    for (let i = 0; i < 200; i++) {
      const input = rand() < 0.25 ? randomBytes(rand) : mutate(rand, seeds[i % seeds.length]);
      const outcome = await expectVaultErrorOrSuccess(vault.mergeCertificate('m', [input]));
      if (outcome === 'ok') {
        // A mutation the parsers accept (e.g. inside the signature) merged: put the pending state back.
        merged++;
        await store.write(async (tx) => {
          for (const v of await tx.versionsOf('m')) await tx.delete('versions', ['m', v.version]);
          await tx.put('certificates', raw.cert);
          await tx.put('operations', raw.op);
          for (const k of raw.keys) await tx.put('keys', k);
        });
      }
      expect(await dump(), `case ${i}`).toEqual(baseline);
    }
    expect(merged).toBeLessThan(100);
  }, 120_000);

  it('restoreCertificateBackup: 150 random and mutated backups', async () => {
    const rand = mulberry32(0x5eed);
    const source = await makeVault();
    await source.vault.createCertificate('backed', { subject: 'CN=backed', keyType: 'EC' });
    // The lowest PBKDF2 count the format allows (test hook), so each attempt is cheap.
    const backup = await backupCertificate(
      createVaultContext(source.store),
      'backed',
      { password: 'pw' },
      { iterations: 1000 },
    );
    const { vault, dump } = await makeVault();
    await vault.createCertificate('keep', { subject: 'CN=keep', keyType: 'EC' });
    const baseline = await dump();
    for (let i = 0; i < 150; i++) {
      const input = rand() < 0.2 ? randomBytes(rand) : mutate(rand, backup);
      expect(
        await expectVaultErrorOrSuccess(vault.restoreCertificateBackup(input, { password: 'pw' })),
        `case ${i}`,
      ).toBe('rejected');
      expect(await dump(), `case ${i}`).toEqual(baseline);
    }
    // The unmutated backup restores: the property is not vacuous.
    await vault.restoreCertificateBackup(backup, { password: 'pw' });
    expect((await vault.getCertificate('backed')).name).toBe('backed');
  }, 120_000);
});
