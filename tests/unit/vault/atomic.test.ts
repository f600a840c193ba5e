import { describe, expect, it } from 'vitest';
import type { StoreTx, VaultStore } from '../../../src/vault/vault-store';
import { makeOpensslCa } from './openssl-ca';
import { collect, makeVault } from './vault-fixture';
import { stringContaining } from '../../support/match';

/** A store whose write transactions throw on the n-th put (counting from 1), once armed. */
function failingOnPut(n: number) {
  const state = { armed: false, puts: 0, failed: 0 };
  const wrap = (inner: VaultStore): VaultStore => ({
    name: inner.name,
    read: (fn) => inner.read(fn),
    close: () => inner.close(),
    write: (fn) =>
      inner.write((tx) => {
        state.puts = 0;
        const proxy: StoreTx = {
          ...tx,
          put: async (store, value) => {
            if (state.armed && ++state.puts === n) {
              state.failed++;
              throw new Error(`injected failure on put ${n} (${store})`);
            }
            return tx.put(store, value);
          },
        };
        return fn(proxy);
      }),
  });
  return { state, wrap };
}

describe('atomic writes', () => {
  it('a failure midway through create leaves the vault exactly as it was', async () => {
    const f = failingOnPut(2);
    const { vault, dump } = await makeVault({ wrap: f.wrap });
    await vault.createCertificate('a', { subject: 'CN=a', keyType: 'EC' });
    const before = await dump();
    f.state.armed = true;
    await expect(vault.createCertificate('a', { subject: 'CN=a2', keyType: 'EC' })).rejects.toMatchObject({
      name: 'VaultError',
      message: stringContaining('injected failure'),
    });
    await expect(vault.createCertificate('b', { subject: 'CN=b', keyType: 'EC' })).rejects.toMatchObject({
      name: 'VaultError',
    });
    expect(f.state.failed).toBe(2);
    expect(await dump()).toEqual(before);
    f.state.armed = false;
    expect((await collect(vault.listPropertiesOfCertificateVersions('a'))).length).toBe(1);
  });

  it('a failure midway through merge keeps the request pending and the key unused', async () => {
    const ca = makeOpensslCa();
    try {
      const f = failingOnPut(2);
      const { vault, dump } = await makeVault({ wrap: f.wrap });
      const op = await vault.createCertificate('m', { subject: 'CN=m', keyType: 'EC', issuerName: 'Unknown' });
      const before = await dump();
      f.state.armed = true;
      const leaf = new TextEncoder().encode(ca.sign(op.csr!));
      await expect(vault.mergeCertificate('m', [leaf])).rejects.toMatchObject({ name: 'VaultError' });
      expect(await dump()).toEqual(before);
      f.state.armed = false;
      await vault.mergeCertificate('m', [leaf]);
      expect((await vault.getCertificateOperation('m')).status).toBe('completed');
    } finally {
      ca.cleanup();
    }
  });

  it('a failure midway through delete moves nothing', async () => {
    const f = failingOnPut(1);
    const { vault, dump } = await makeVault({ wrap: f.wrap });
    await vault.createCertificate('d', { subject: 'CN=d', keyType: 'EC' });
    const before = await dump();
    f.state.armed = true;
    await expect(vault.deleteCertificate('d')).rejects.toMatchObject({ name: 'VaultError' });
    expect(await dump()).toEqual(before);
  });
});
