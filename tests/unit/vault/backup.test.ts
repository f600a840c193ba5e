import { afterEach, describe, expect, it } from 'vitest';
import { backupCertificate, restoreCertificateBackup } from '../../../src/vault/backup';
import { readBackupHeader } from '../../../src/vault/backup-format';
import { createCertificateVault } from '../../../src/vault/certificate-vault';
import { getCryptographyClient } from '../../../src/vault/crypto-client';
import { runLifetimeActions } from '../../../src/vault/lifetime-actions';
import { openVault } from '../../../src/vault';
import { deleteVaultDatabase } from '../../../src/store/idb-vault-store';
import { cleanupContexts, freshContext, seedCertificate } from './crypto-client-seed';
import { stringContaining } from '../../support/match';

afterEach(cleanupContexts);

const FAST = { iterations: 1000 };
const clock = { value: new Date('2026-06-01T00:00:00Z') };
const data = new TextEncoder().encode('restored keys still sign');

describe('backup and restore', () => {
  it('restores every version, tags, policy and exportable keys into another vault', async () => {
    const src = await freshContext('bk', clock);
    const v1 = await seedCertificate(src, {
      name: 'Web',
      tags: { env: 'prod' },
      keyUsage: ['digitalSignature', 'dataEncipherment'],
    });
    const v2 = await seedCertificate(src, {
      name: 'Web',
      tags: { env: 'prod', gen: '2' },
      notBefore: new Date('2026-02-01T00:00:00Z'),
    });
    const bytes = await backupCertificate(src, 'web', { password: 'backup pw' }, FAST);
    expect(new TextDecoder().decode(bytes.subarray(0, 15))).toBe('CERTKEEP-BACKUP');

    const dst = await freshContext('bk-other', clock);
    const restored = await restoreCertificateBackup(dst, bytes, { password: 'backup pw' });
    expect(restored).toMatchObject({
      id: `${dst.vaultUrl}/certificates/Web/${v2.version}`,
      name: 'Web',
      keyIncluded: true,
      keyExportable: true,
      properties: { version: v2.version, tags: { env: 'prod', gen: '2' }, x509ThumbprintString: v2.thumbprint },
      policy: { subject: 'CN=Web', keyUsage: ['digitalSignature', 'dataEncipherment'], issuerName: 'Self' },
    });
    expect(restored.cer).toEqual(v2.cer);
    const vault = createCertificateVault(dst);
    const versions = [];
    for await (const p of vault.listPropertiesOfCertificateVersions('Web')) versions.push(p);
    expect(versions.map((p) => p.version).sort()).toEqual([v1.version, v2.version].sort());
    const old = await vault.getCertificateVersion('Web', v1.version);
    expect(old.cer).toEqual(v1.cer);
    expect(old.properties.tags).toEqual({ env: 'prod' });
    expect(old.keyIncluded).toBe(true);

    // The restored key is the original key: its signature verifies with the original public key.
    const client = await getCryptographyClient(dst, 'Web');
    const sig = await client.signData('RS256', data);
    expect(await crypto.subtle.verify('RSASSA-PKCS1-v1_5', v2.keyPair.publicKey, sig.result, data)).toBe(true);
    const stored = await dst.store.read((tx) => tx.keysOf('web'));
    expect(stored).toHaveLength(2);
    expect(stored.every((k) => k.privateKey?.extractable)).toBe(true);
  });

  it('a non-extractable key stays behind: restored versions say keyIncluded false; sign is Forbidden, verify works', async () => {
    const src = await freshContext('bk', clock);
    const seeded = await seedCertificate(src, { name: 'Hsm', spec: { kty: 'EC', curve: 'P-256' }, exportable: false });
    const bytes = await backupCertificate(src, 'Hsm', { password: 'pw' }, FAST);
    const dst = await freshContext('bk-other', clock);
    const restored = await restoreCertificateBackup(dst, bytes, { password: 'pw' });
    expect(restored.keyIncluded).toBe(false);
    expect(restored.keyExportable).toBe(false);
    expect(restored.cer).toEqual(seeded.cer);
    expect(await dst.store.read((tx) => tx.keysOf('hsm'))).toHaveLength(0);
    const client = await getCryptographyClient(dst, 'Hsm');
    await expect(client.signData('ES256', data)).rejects.toMatchObject({
      name: 'VaultError',
      code: 'Forbidden',
      message: stringContaining('not in this vault'),
    });
    const sig = new Uint8Array(
      await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, seeded.keyPair.privateKey, data),
    );
    expect((await client.verifyData('ES256', data, sig)).result).toBe(true);
  });

  it('restoring over an existing name (live or deleted) is a Conflict, and writes nothing', async () => {
    const src = await freshContext('bk', clock);
    await seedCertificate(src, { name: 'Dup' });
    const bytes = await backupCertificate(src, 'Dup', { password: 'pw' }, FAST);
    await expect(restoreCertificateBackup(src, bytes, { password: 'pw' })).rejects.toMatchObject({
      code: 'Conflict',
      message: stringContaining('"Dup"'),
    });
    await createCertificateVault(src).deleteCertificate('Dup');
    await expect(restoreCertificateBackup(src, bytes, { password: 'pw' })).rejects.toMatchObject({
      code: 'Conflict',
      message: stringContaining('deleted'),
    });
    expect(await src.store.read((tx) => tx.versionsOf('dup'))).toHaveLength(0);
  });

  it('wrong password → InvalidPassword; a flipped bit → Malformed; random bytes → Malformed', async () => {
    const src = await freshContext('bk', clock);
    await seedCertificate(src, { name: 'P' });
    const bytes = await backupCertificate(src, 'P', { password: 'right' }, FAST);
    const dst = await freshContext('bk-other', clock);
    await expect(restoreCertificateBackup(dst, bytes, { password: 'wrong' })).rejects.toMatchObject({
      code: 'InvalidPassword',
    });
    for (const at of [3, 20, 60, 80, Math.floor(bytes.length / 2), bytes.length - 1]) {
      const bad = bytes.slice();
      bad[at] ^= 0x10;
      await expect(restoreCertificateBackup(dst, bad, { password: 'right' })).rejects.toMatchObject({
        code: 'Malformed',
      });
    }
    await expect(
      restoreCertificateBackup(dst, crypto.getRandomValues(new Uint8Array(4096)), { password: 'right' }),
    ).rejects.toMatchObject({ code: 'Malformed' });
    await expect(dst.store.read((tx) => tx.count('certificates'))).resolves.toBe(0);
  });

  it('refuses an empty password, a missing certificate, a pending-only certificate', async () => {
    const src = await freshContext('bk', clock);
    await seedCertificate(src, { name: 'P' });
    await expect(backupCertificate(src, 'P', { password: '' }, FAST)).rejects.toMatchObject({ code: 'BadParameter' });
    await expect(backupCertificate(src, 'nope', { password: 'x' }, FAST)).rejects.toMatchObject({ code: 'NotFound' });
    await src.store.write((tx) =>
      tx.put('certificates', {
        key: 'pend',
        name: 'Pend',
        policy: {},
        createdOn: new Date(),
        updatedOn: new Date(),
        versionCount: 0,
      }),
    );
    await expect(backupCertificate(src, 'Pend', { password: 'x' }, FAST)).rejects.toMatchObject({
      code: 'BadParameter',
      message: stringContaining('pending'),
    });
  });

  it('the lifetime schedule stays with its vault: a restored certificate notifies the new vault once', async () => {
    const due = { value: new Date('2026-12-20T00:00:00Z') };
    const src = await freshContext('bk', due);
    await seedCertificate(src, {
      name: 'Soon',
      policy: {
        subject: 'CN=Soon',
        issuerName: 'Unknown',
        lifetimeActions: [{ action: 'EmailContacts', daysBeforeExpiry: 30 }],
      },
    });
    expect(await runLifetimeActions(src)).toHaveLength(1);
    const bytes = await backupCertificate(src, 'Soon', { password: 'pw' }, FAST);
    const dst = await freshContext('bk-other', due);
    await restoreCertificateBackup(dst, bytes, { password: 'pw' });
    const row = await dst.store.read((tx) => tx.get('certificates', 'soon'));
    expect(row?.lifetimeSeen).toBeUndefined();
    expect(row?.nextDueMs).toBe(Date.parse('2026-12-02T00:00:00Z'));
    expect((await runLifetimeActions(dst)).map((e) => [e.kind, e.vaultName])).toEqual([['notify', dst.name]]);
    expect(await runLifetimeActions(dst)).toEqual([]);
  });

  it('the public API uses ≥ 600 000 PBKDF2 iterations and restores into openVault({ name: "other" })', async () => {
    const src = await freshContext('bk', clock);
    await seedCertificate(src, { name: 'Pub', exportable: true });
    const bytes = await createCertificateVault(src).backupCertificate('Pub', { password: 'slow but strong' });
    expect((await readBackupHeader(bytes)).iterations).toBeGreaterThanOrEqual(600_000);
    const name = `other${Date.now()}`;
    const other = await openVault({ name, now: () => new Date(clock.value) });
    try {
      const restored = await other.restoreCertificateBackup(bytes, { password: 'slow but strong' });
      expect(restored.id).toBe(
        `https://${name.toLowerCase()}.vault.local/certificates/Pub/${restored.properties.version}`,
      );
      expect(restored.keyIncluded).toBe(true);
      await expect(other.restoreCertificateBackup(bytes, { password: 'slow but strong' })).rejects.toMatchObject({
        code: 'Conflict',
      });
      await expect(other.restoreCertificateBackup(bytes, { password: 'nope' })).rejects.toMatchObject({
        name: 'VaultError',
        code: 'InvalidPassword',
      });
    } finally {
      other.close();
      await deleteVaultDatabase(name);
    }
  });
});
