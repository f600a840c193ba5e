/**
 * Turning protection on and off. A vault made as before access control (CryptoKeys in the key
 * rows, a vault key for issuer credentials) is protected: every record is kept, the exportable
 * keys are sealed and work, the older non-extractable ones stay device-bound and say so, a
 * pending request merges afterwards, the issuer credential moves under the master key.
 * Unprotect reverses it. An interrupted protect or unprotect leaves the vault as it was.
 */
import { describe, expect, it } from 'vitest';
import { stringContaining } from '../../../support/match';
import type { StoreTx, VaultStore } from '../../../../src/vault/vault-store';
import { omit } from '../../../support/omit';
import { makeOpensslCa } from '../openssl-ca';
import { dumpStore, makeVault } from '../vault-fixture';
import { OWNER, OWNER_PASSPHRASE, protectedVault, TEST_ITERATIONS } from './access-fixture';

const data = new Uint8Array([1, 2, 3]);

/** The dump with what protect is meant to change taken out: key material and its form. */
async function recordsBesidesKeys(store: VaultStore) {
  type Row = Record<string, unknown>;
  const all = (await dumpStore(store)) as Record<string, Row[]>;
  const key = (k: Row) => omit(k, 'privateKey', 'publicKey', 'sealed', 'deviceBound');
  const version = (v: Row) => omit(v, 'keyProtection');
  return {
    ...all,
    keys: all.keys.map(key),
    versions: all.versions.map(version),
    deleted: all.deleted.map((d) => ({
      ...d,
      keys: (d.keys as Row[]).map(key),
      versions: (d.versions as Row[]).map(version),
    })),
    issuers: all.issuers.map((i) => omit(i, 'encryptedPassword')),
    meta: all.meta.filter((m) => m.key !== 'vaultKey' && m.key !== 'protection'),
    access: [],
    audit: [],
  };
}

/** A store whose writes throw on the n-th put once armed. */
function failingOnPut(n: number) {
  const state = { armed: false };
  const wrap = (inner: VaultStore): VaultStore => ({
    name: inner.name,
    read: (fn) => inner.read(fn),
    close: () => inner.close(),
    write: (fn) =>
      inner.write((tx) => {
        let puts = 0;
        const proxy: StoreTx = {
          ...tx,
          put: async (s, v) => {
            if (state.armed && ++puts === n) throw new Error(`injected failure on put ${n}`);
            return tx.put(s, v);
          },
        };
        return fn(proxy);
      }),
  });
  return { state, wrap };
}

describe('protect a vault made before access control', () => {
  it('keeps every record; exportable keys are sealed and work, older non-extractable ones are device-bound', async () => {
    const ca = makeOpensslCa();
    try {
      // The clock of the openssl CA's certificate.
      const t = await makeVault({ iterations: TEST_ITERATIONS, now: new Date() });
      const v = t.vault;
      await v.createCertificate('rsa-x', { subject: 'CN=rsa-x', keyUsage: ['digitalSignature', 'dataEncipherment'] });
      await v.createCertificate('rsa-n', { subject: 'CN=rsa-n', exportable: false });
      await v.createCertificate('ec-hsm', { subject: 'CN=ec-hsm', keyType: 'EC-HSM', exportable: false });
      await v.createCertificate('gone', { subject: 'CN=gone', keyType: 'EC' });
      await v.deleteCertificate('gone');
      const op = await v.createCertificate('pend', { subject: 'CN=pend', keyType: 'EC', issuerName: 'Unknown' });
      await v.createIssuer('acme', 'DigiCert', { password: 'api-key' });
      const before = await recordsBesidesKeys(t.store);

      const state = await v.protect({ principal: OWNER, passphrase: OWNER_PASSPHRASE });
      expect(state).toMatchObject({ protected: true, unlocked: true, principal: OWNER, owner: true });
      expect(await recordsBesidesKeys(t.store)).toEqual(before);
      expect((await v.getCertificate('rsa-x')).keyProtection).toBe('sealed');
      expect((await v.getCertificate('rsa-n')).keyProtection).toBe('device-bound');
      expect((await v.getCertificate('ec-hsm')).keyProtection).toBe('device-bound');

      const keys = await t.store.read((tx) => tx.getAll('keys'));
      const byCert = (c: string) => keys.find((k) => k.certificateKey === c)!;
      expect(byCert('rsa-x')).toMatchObject({ sealed: { form: 'mk' } });
      expect(byCert('rsa-x').privateKey).toBeUndefined();
      expect(byCert('rsa-n')).toMatchObject({ deviceBound: true, privateKey: { extractable: false } });
      expect(byCert('pend')).toMatchObject({ sealed: { form: 'mk' } });

      // The keys work: the sealed one does every algorithm; the device-bound one what it was made for.
      await v.lock();
      await v.unlock({ principal: OWNER, passphrase: OWNER_PASSPHRASE });
      const x = await v.getCryptographyClient('rsa-x');
      const sig = (await x.signData('PS512', data)).result;
      expect((await x.verifyData('PS512', data, sig)).result).toBe(true);
      const n = await v.getCryptographyClient('rsa-n');
      expect((await n.signData('RS256', data)).result).toHaveLength(256);
      await expect(n.signData('PS256', data)).rejects.toMatchObject({ code: 'Unsupported' });
      expect(new TextDecoder().decode((await v.getSecret('rsa-x')).value)).not.toHaveLength(0);
      expect((await v.getIssuer('acme')).password).toBe('api-key');
      // The pending request's sealed key still matches the CA's answer; the deleted key recovers sealed.
      const merged = await v.mergeCertificate('pend', [new TextEncoder().encode(ca.sign(op.csr!))]);
      t.clock.now = new Date(Date.now() + 60_000); // the CA signed just now
      expect(merged.keyProtection).toBe('sealed');
      expect((await (await v.getCryptographyClient('pend')).signData('ES256', data)).result).toHaveLength(64);
      expect((await v.recoverDeletedCertificate('gone')).keyProtection).toBe('sealed');
      expect((await (await v.getCryptographyClient('gone')).signData('ES256', data)).result).toHaveLength(64);
      await expect(v.protect({ principal: 'Bob', passphrase: 'another passphrase' })).rejects.toMatchObject({
        code: 'Conflict',
      });
    } finally {
      ca.cleanup();
    }
  });

  it('unprotect (confirmed) turns every key back into the unprotected form and keeps the audit log', async () => {
    const t = await protectedVault();
    const v = t.vault;
    await v.createCertificate('x', { subject: 'CN=x', keyType: 'EC', contentType: 'application/x-pem-file' });
    await v.createCertificate('n', { subject: 'CN=n', exportable: false });
    await v.createCertificate('h', { subject: 'CN=h', keyType: 'RSA-HSM', exportable: false });
    await v.createIssuer('acme', 'DigiCert', { password: 'api-key' });
    const pemBefore = new TextDecoder().decode((await v.getSecret('x')).value);
    await expect(v.unprotect({ passphrase: 'not it at all' })).rejects.toMatchObject({ code: 'InvalidPassword' });
    expect((await v.getAccessState()).protected).toBe(true);

    expect(await v.unprotect({ passphrase: OWNER_PASSPHRASE })).toEqual({ protected: false, unlocked: true });
    const keys = await t.store.read((tx) => tx.getAll('keys'));
    expect(keys.every((k) => k.sealed === undefined && k.deviceBound === undefined && k.privateKey)).toBe(true);
    const byCert = (c: string) => keys.find((k) => k.certificateKey === c)!;
    expect(byCert('x').privateKey!.extractable).toBe(true);
    expect(byCert('n').privateKey!.extractable).toBe(false);
    expect(byCert('h').privateKey!.extractable).toBe(false);
    expect(new TextDecoder().decode((await v.getSecret('x')).value)).toBe(pemBefore);
    expect((await v.getIssuer('acme')).password).toBe('api-key');
    expect((await (await v.getCryptographyClient('n')).signData('RS256', data)).result).toHaveLength(256);
    expect((await v.getCertificate('n')).keyProtection).toBe('none');
    const log = await v.listAuditLog();
    expect(log.map((e) => `${e.action}:${e.result}`)).toEqual(['unprotect:ok', 'unprotect:failed', 'protect:ok']);
    expect(await v.verifyAuditLog()).toEqual({ intact: true, entries: 3 });
    expect((await t.store.read((tx) => tx.getAll('access'))).length).toBe(0);
  });

  it('an interrupted protect or unprotect leaves the vault exactly as it was', async () => {
    const f = failingOnPut(3);
    const t = await makeVault({ iterations: TEST_ITERATIONS, wrap: f.wrap });
    await t.vault.createCertificate('a', { subject: 'CN=a', keyType: 'EC' });
    await t.vault.createIssuer('acme', 'DigiCert', { password: 'api-key' });
    const unprotected = await dumpStore(t.store);
    f.state.armed = true;
    await expect(t.vault.protect({ principal: OWNER, passphrase: OWNER_PASSPHRASE })).rejects.toMatchObject({
      message: stringContaining('injected failure'),
    });
    expect(await dumpStore(t.store)).toEqual(unprotected);
    expect(await t.vault.getAccessState()).toEqual({ protected: false, unlocked: true });

    f.state.armed = false;
    await t.vault.protect({ principal: OWNER, passphrase: OWNER_PASSPHRASE });
    const protectedRows = await dumpStore(t.store);
    f.state.armed = true;
    await expect(t.vault.unprotect({ passphrase: OWNER_PASSPHRASE })).rejects.toMatchObject({
      message: stringContaining('injected failure'),
    });
    expect(await dumpStore(t.store)).toEqual(protectedRows);
    f.state.armed = false;
    expect((await (await t.vault.getCryptographyClient('a')).signData('ES256', data)).result).toHaveLength(64);
  });
});
