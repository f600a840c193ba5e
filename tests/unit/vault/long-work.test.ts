/**
 * Long calls report progress and stop on their signal (ARCHITECTURE §4 "Long work"): create
 * (RSA-4096), import (a PFX whose KDF runs 200 000 iterations, made by openssl), backup and
 * restore. A cancel gives VaultError 'Cancelled' and leaves every store as it was; a call that
 * is not cancelled still completes.
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { backupCertificate } from '../../../src/vault/backup';
import { createVaultContext } from '../../../src/vault/context';
import type { LongWorkProgress } from '../../../src/vault/types';
import { openssl, tempDir } from '../../support/openssl';
import { makeVault } from './vault-fixture';
import { stringContaining } from '../../support/match';

const t = tempDir('certkeep-long-work-');
afterAll(() => t.cleanup());

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
  '/CN=slow.contoso.com',
  '-days',
  '30',
]);
// The cap for the PKCS#12 KDF (pki/pbe/limits.ts): a SHA-256 MAC and PBKDF2 bags at 200 000.
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
  '200000',
  '-maciter',
  '-out',
  t.path('slow.pfx'),
]);
const slowPfx = new Uint8Array(readFileSync(t.path('slow.pfx')));

/** An onProgress that records each report and aborts `controller` when `when` says so. */
function watcher(when: (p: LongWorkProgress) => boolean) {
  const controller = new AbortController();
  const seen: LongWorkProgress[] = [];
  return {
    seen,
    signal: controller.signal,
    onProgress: (p: LongWorkProgress) => {
      seen.push(p);
      if (when(p)) controller.abort();
    },
  };
}

describe('cancelling long work leaves the vault unchanged', () => {
  it('createCertificate RSA-4096: cancelled while the key is made, the key is dropped', async () => {
    const { vault, dump } = await makeVault();
    const baseline = await dump();
    const w = watcher((p) => p.phase === 'generating-key');
    await expect(
      vault.createCertificate('big', { subject: 'CN=big', keyType: 'RSA', keySize: 4096 }, w),
    ).rejects.toMatchObject({
      name: 'VaultError',
      code: 'Cancelled',
      message: stringContaining('Creating the certificate was cancelled'),
    });
    expect(w.seen.map((p) => p.phase)).toEqual(['generating-key']);
    expect(await dump()).toEqual(baseline);
  }, 60_000);

  it('createCertificate: an already aborted signal stops it before anything; a pending request too', async () => {
    const { vault, dump } = await makeVault();
    const baseline = await dump();
    const signal = AbortSignal.abort();
    await expect(vault.createCertificate('a', { subject: 'CN=a', keyType: 'EC' }, { signal })).rejects.toMatchObject({
      code: 'Cancelled',
    });
    const w = watcher((p) => p.phase === 'writing');
    await expect(
      vault.createCertificate('p', { subject: 'CN=p', keyType: 'EC', issuerName: 'Unknown' }, w),
    ).rejects.toMatchObject({ code: 'Cancelled' });
    expect(await dump()).toEqual(baseline);
  });

  it('createCertificate not cancelled: phases in order, and the certificate exists', async () => {
    const { vault } = await makeVault();
    const w = watcher(() => false);
    const op = await vault.createCertificate('ok', { subject: 'CN=ok', keyType: 'EC' }, w);
    expect(op.status).toBe('completed');
    expect(w.seen.map((p) => p.phase)).toEqual(['generating-key', 'writing']);
  });

  it('importCertificate: the PKCS#12 KDF reports its iterations and stops between blocks', async () => {
    const { vault, dump } = await makeVault();
    const baseline = await dump();
    const w = watcher((p) => p.phase === 'deriving-key' && p.total !== undefined && p.done >= 60_000);
    await expect(vault.importCertificate('slow', slowPfx, { password: 'pw', ...w })).rejects.toMatchObject({
      name: 'VaultError',
      code: 'Cancelled',
    });
    const counted = w.seen.filter((p) => p.total !== undefined && p.phase === 'deriving-key');
    // Stopped inside the MAC's derivation (200 000 iterations, SHA-256: one block of output).
    expect(counted.at(-1)).toMatchObject({ done: 60_001, total: 200_000 });
    expect(counted.length).toBe(3);
    expect(await dump()).toEqual(baseline);
  });

  it('importCertificate: cancelled at the last step (before the write) stores nothing; uncancelled it imports', async () => {
    const { vault, dump } = await makeVault();
    const baseline = await dump();
    const late = watcher((p) => p.phase === 'writing');
    await expect(vault.importCertificate('slow', slowPfx, { password: 'pw', ...late })).rejects.toMatchObject({
      code: 'Cancelled',
    });
    expect(await dump()).toEqual(baseline);
    const w = watcher(() => false);
    const imported = await vault.importCertificate('slow', slowPfx, { password: 'pw', ...w });
    expect(imported.name).toBe('slow');
    const counts = w.seen.filter((p) => p.total !== undefined && p.phase === 'deriving-key').map((p) => p.done);
    // Progress only grows within one derivation, and reaches its total.
    expect(counts).toContain(200_000);
    expect(w.seen.at(-1)).toEqual({ done: 1, total: 1, phase: 'writing' });
  });

  it('backupCertificate and restoreCertificateBackup: cancelled → Cancelled, nothing restored', async () => {
    const source = await makeVault();
    await source.vault.createCertificate('kept', { subject: 'CN=kept', keyType: 'EC' });
    const w = watcher((p) => p.phase === 'deriving-key');
    await expect(source.vault.backupCertificate('kept', { password: 'pw', ...w })).rejects.toMatchObject({
      code: 'Cancelled',
      message: stringContaining('Backing up the certificate was cancelled'),
    });
    const backup = await backupCertificate(
      createVaultContext(source.store),
      'kept',
      { password: 'pw' },
      { iterations: 1000 },
    );
    const target = await makeVault();
    const baseline = await target.dump();
    for (const phase of ['deriving-key', 'writing']) {
      const c = watcher((p) => p.phase === phase);
      await expect(target.vault.restoreCertificateBackup(backup, { password: 'pw', ...c })).rejects.toMatchObject({
        code: 'Cancelled',
        message: stringContaining('Restoring the backup was cancelled'),
      });
      expect(await target.dump()).toEqual(baseline);
    }
    const restored = await target.vault.restoreCertificateBackup(backup, { password: 'pw' });
    expect(restored.name).toBe('kept');
  });
});
