import { describe, expect, it } from 'vitest';
import {
  BACKUP_HEADER_LENGTH,
  DEFAULT_BACKUP_ITERATIONS,
  openBackup,
  readBackupHeader,
  sealBackup,
} from '../../../src/vault/backup-format';

const payload = new TextEncoder().encode('{"hello":"backup"}');
const FAST = { iterations: 1000 };

describe('backup container', () => {
  it('round-trips and starts with the magic, format version and KDF parameters', async () => {
    const sealed = await sealBackup(payload, 'correct horse', FAST);
    expect(new TextDecoder().decode(sealed.subarray(0, 15))).toBe('CERTKEEP-BACKUP');
    expect(sealed[15]).toBe(1);
    const header = await readBackupHeader(sealed);
    expect(header.iterations).toBe(1000);
    expect(new TextDecoder().decode(await openBackup(sealed, 'correct horse'))).toBe('{"hello":"backup"}');
    // The payload is not in clear anywhere in the file.
    expect(Buffer.from(sealed).includes(Buffer.from('hello'))).toBe(false);
  });

  it('uses at least 600 000 PBKDF2 iterations by default', async () => {
    expect(DEFAULT_BACKUP_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    const sealed = await sealBackup(payload, 'pw');
    expect((await readBackupHeader(sealed)).iterations).toBeGreaterThanOrEqual(600_000);
    expect(new DataView(sealed.buffer).getUint32(17)).toBe(600_000);
  });

  it('refuses an empty password when sealing', async () => {
    await expect(sealBackup(payload, '', FAST)).rejects.toMatchObject({ name: 'VaultError', code: 'BadParameter' });
  });

  it('reports a wrong password as InvalidPassword', async () => {
    const sealed = await sealBackup(payload, 'right', FAST);
    await expect(openBackup(sealed, 'wrong')).rejects.toMatchObject({ name: 'VaultError', code: 'InvalidPassword' });
    await expect(openBackup(sealed, '')).rejects.toMatchObject({ code: 'InvalidPassword' });
  });

  it('reports every single flipped bit as Malformed (header checksum, GCM tag)', async () => {
    const sealed = await sealBackup(payload, 'right', FAST);
    const codes = new Set<string>();
    for (let i = 0; i < sealed.length * 8; i++) {
      const bad = sealed.slice();
      bad[i >> 3] ^= 1 << (i & 7);
      const err = await openBackup(bad, 'right').then(
        () => 'opened',
        (e: unknown) => (e as { code?: string }).code ?? 'raw',
      );
      codes.add(err);
      if (err !== 'Malformed') throw new Error(`bit ${i} (byte ${i >> 3}) gave ${err}`);
    }
    expect([...codes]).toEqual(['Malformed']);
  });

  it('reports random bytes, empty and truncated files as Malformed', async () => {
    const sealed = await sealBackup(payload, 'right', FAST);
    const random = crypto.getRandomValues(new Uint8Array(500));
    await expect(openBackup(random, 'right')).rejects.toMatchObject({ code: 'Malformed' });
    await expect(openBackup(new Uint8Array(0), 'right')).rejects.toMatchObject({ code: 'Malformed' });
    await expect(openBackup(sealed.slice(0, BACKUP_HEADER_LENGTH + 3), 'right')).rejects.toMatchObject({
      code: 'Malformed',
    });
    await expect(openBackup(sealed.slice(0, sealed.length - 1), 'right')).rejects.toMatchObject({ code: 'Malformed' });
  });

  it('reports a newer format version (intact checksum) as Unsupported', async () => {
    const sealed = await sealBackup(payload, 'right', FAST);
    sealed[15] = 2;
    const sum = new Uint8Array(await crypto.subtle.digest('SHA-256', sealed.slice(0, 65))).slice(0, 8);
    sealed.set(sum, 65);
    await expect(openBackup(sealed, 'right')).rejects.toMatchObject({ code: 'Unsupported' });
  });

  it('a lowered iteration count with a repaired checksum still fails (different derived bits)', async () => {
    const sealed = await sealBackup(payload, 'right', { iterations: 2000 });
    new DataView(sealed.buffer).setUint32(17, 1000);
    const sum = new Uint8Array(await crypto.subtle.digest('SHA-256', sealed.slice(0, 65))).slice(0, 8);
    sealed.set(sum, 65);
    // Different iterations → different derived bits → the password check fails.
    await expect(openBackup(sealed, 'right')).rejects.toMatchObject({ code: 'InvalidPassword' });
  });
});
