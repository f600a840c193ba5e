/**
 * A local CA in a protected vault (ARCHITECTURE §8 "Access" and "Local CA"): its key is sealed
 * at rest like any other and still signs leaves, requests and CRLs that openssl verifies. While
 * the vault is locked (the service worker), a Local renewal whose CA key is sealed waits for an
 * unlock; a device-bound CA key (RSA-HSM) signs while locked. Soft delete, backup and restore
 * keep the CA's log and CRL numbers, and a restored key is sealed in the vault it lands in.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { stringContaining } from '../../../support/match';
import { openssl, opensslOutcome } from '../../../support/openssl';
import { AT_T0, leafPolicy, makePki, refusal, type Pki } from '../local-ca-fixture';
import type { CertificatePolicy } from '../../../../src/vault/types';
import { collect, T0, type TestVault } from '../vault-fixture';
import { fakePasskey, OWNER, OWNER_PASSPHRASE, protectedVault } from './access-fixture';

const DAY = 86_400_000;
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});
async function protectedPki(options: { root?: CertificatePolicy; inter?: CertificatePolicy } = {}): Promise<Pki> {
  const p = await makePki({ ...options, base: await protectedVault() });
  cleanups.push(p.files.cleanup);
  return p;
}
const at = (days: number): string[] => ['-attime', String(Math.floor((T0.getTime() + days * DAY) / 1000))];

async function keyRowOf(t: TestVault, name: string) {
  return t.store.read(async (tx) => {
    const cert = await tx.get('certificates', name);
    const v = await tx.get('versions', [name, cert!.latest!.version]);
    return tx.get('keys', v!.keyId!);
  });
}

/** `openssl verify` of `der` under root + intermediate at `when`. */
async function verifies(p: Pki, der: Uint8Array, when: string[] = AT_T0): Promise<string> {
  const leaf = await p.pem(`l${Math.random().toString(36).slice(2)}.pem`, der);
  return openssl(['verify', ...when, '-CAfile', p.rootPem, '-untrusted', p.interPem, leaf]).toString();
}

function crlNumber(p: Pki, crl: Uint8Array, caPem: string): number {
  const f = p.files.path(`c${Math.random().toString(36).slice(2)}.crl`);
  writeFileSync(f, crl);
  const out = opensslOutcome(['crl', '-inform', 'DER', '-in', f, '-CAfile', caPem, '-verify', '-noout', '-text']);
  expect(out.out).toContain('verify OK');
  return Number(/X509v3 CRL Number:\s+(\d+)/.exec(out.out)?.[1]);
}

describe('a local CA in a protected vault', () => {
  it('keeps its key sealed and signs: a leaf, a request and a CRL that openssl verifies', async () => {
    const p = await protectedPki();
    for (const name of ['root', 'inter']) {
      expect((await p.vault.getCertificate(name)).keyProtection).toBe('sealed');
      const row = await keyRowOf(p, name);
      expect(row?.sealed).toBeDefined();
      expect(row?.privateKey).toBeUndefined();
    }
    await p.vault.createCertificate('web', leafPolicy('www.contoso.com'));
    const web = await p.vault.getCertificate('web');
    expect(web.keyProtection).toBe('sealed');
    expect(await verifies(p, web.cer)).toContain(': OK');

    const csr = openssl([
      'req',
      '-new',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-keyout',
      '/dev/null',
      '-subj',
      '/CN=api.contoso.com',
      '-addext',
      'subjectAltName=DNS:api.contoso.com',
      '-outform',
      'DER',
    ]);
    const signed = await p.vault.signCertificateRequest('IssuingCA', new Uint8Array(csr), { validityInDays: 30 });
    expect(await verifies(p, signed.certificate)).toContain(': OK');
    expect(crlNumber(p, await p.vault.getCrl('IssuingCA'), p.interPem)).toBe(1);
  });

  it('locked: a Local renewal whose CA key is sealed waits for an unlock, once, and the unlocked run renews it', async () => {
    const p = await protectedPki();
    await p.vault.createCertificate('web', leafPolicy('www.contoso.com'));
    p.clock.now = new Date(T0.getTime() + 73 * DAY);

    const worker = await p.reopen();
    expect((await worker.getAccessState()).unlocked).toBe(false);
    expect(await worker.runLifetimeActions()).toMatchObject([
      {
        kind: 'renewalFailed',
        certificateName: 'web',
        error: stringContaining('The key of CA certificate "inter"'),
        message: stringContaining('renewed the next time the vault is unlocked'),
      },
    ]);
    expect(await worker.runLifetimeActions()).toEqual([]);
    expect(await collect(p.vault.listPropertiesOfCertificateVersions('web'))).toHaveLength(1);
    expect(await collect(p.vault.listIssuedCertificates('IssuingCA'))).toHaveLength(1);

    await worker.unlock({ principal: OWNER, passphrase: OWNER_PASSPHRASE });
    const [renewed] = await worker.runLifetimeActions();
    expect(renewed).toMatchObject({ kind: 'renewed', certificateName: 'web' });
    const after = await worker.getCertificate('web');
    expect(after.properties.version).toBe(renewed.newVersion);
    expect(await verifies(p, after.cer, at(74))).toContain(': OK');
    expect(await collect(worker.listIssuedCertificates('IssuingCA'))).toHaveLength(2);
    worker.close();
  });

  it('locked: a device-bound CA key (RSA-HSM) signs, so its leaves renew in the worker, a reused sealed leaf key too', async () => {
    const p = await protectedPki({ inter: { keyType: 'RSA-HSM', exportable: false } });
    expect((await p.vault.getCertificate('inter')).keyProtection).toBe('device-bound');
    await p.vault.createCertificate('web', leafPolicy('www.contoso.com'));
    await p.vault.createCertificate('same', leafPolicy('same.contoso.com', { reuseKey: true }));
    const sameKey = (await keyRowOf(p, 'same'))?.id;
    p.clock.now = new Date(T0.getTime() + 73 * DAY);

    const worker = await p.reopen();
    const events = await worker.runLifetimeActions();
    expect(events.map((e) => `${e.certificateName}:${e.kind}`).sort()).toEqual(['same:renewed', 'web:renewed']);
    // The new leaf key was sealed to the sealing public key (no unlock); the reused one is the same row.
    expect(await keyRowOf(p, 'web')).toMatchObject({ sealed: { form: 'sealing-key' } });
    expect((await keyRowOf(p, 'same'))?.id).toBe(sameKey);
    for (const name of ['web', 'same']) {
      const latest = await p.vault.getCertificate(name);
      expect(latest.properties.version).toBe(events.find((e) => e.certificateName === name)?.newVersion);
      expect(await verifies(p, latest.cer, at(74))).toContain(': OK');
    }
    worker.close();
  });

  it('soft delete, backup and restore keep the log and the CRL numbers; the restored key is sealed where it lands', async () => {
    const p = await protectedPki();
    await p.vault.createCertificate('a', leafPolicy('a.contoso.com'));
    const [entry] = await collect(p.vault.listIssuedCertificates('IssuingCA'));
    await p.vault.revokeCertificate('IssuingCA', entry.serialNumber, { reason: 'superseded' });
    expect(crlNumber(p, await p.vault.getCrl('IssuingCA'), p.interPem)).toBe(1);

    await p.vault.deleteCertificate('inter');
    expect(await collect(p.vault.listIssuedCertificates('IssuingCA'))).toEqual([]);
    await p.vault.recoverDeletedCertificate('inter');
    expect((await p.vault.getCertificate('inter')).keyProtection).toBe('sealed');
    const log = await collect(p.vault.listIssuedCertificates('IssuingCA'));
    expect(log.map((e) => e.revocation?.reason)).toEqual(['superseded']);
    expect(crlNumber(p, await p.vault.getCrl('IssuingCA'), p.interPem)).toBe(2);

    const backup = await p.vault.backupCertificate('inter', { password: 'correct horse' });
    const other = await protectedVault();
    const restored = await other.vault.restoreCertificateBackup(backup, { password: 'correct horse' });
    expect(restored.keyProtection).toBe('sealed');
    await other.vault.createIssuer('Restored', 'Local', { certificateName: 'inter' });
    expect(await collect(other.vault.listIssuedCertificates('Restored'))).toEqual(log);
    expect(crlNumber(p, await other.vault.getCrl('Restored'), p.interPem)).toBe(3);
    await other.vault.createCertificate('b', leafPolicy('b.contoso.com', { issuerName: 'Restored' }));
    expect(await verifies(p, (await other.vault.getCertificate('b')).cer)).toContain(': OK');
  });

  it('a backup made without secrets/get carries the log but not the CA key: the restored CA cannot sign', async () => {
    const p = await protectedPki();
    await p.vault.createCertificate('a', leafPolicy('a.contoso.com'));
    const k = fakePasskey();
    await p.vault.setAccessPolicy('backups', {
      ...k,
      permissions: { certificates: ['backup'], keys: [], secrets: [] },
    });
    const guest = await p.reopen();
    await guest.unlock({ principal: 'backups', prf: k.prf });
    const backup = await guest.backupCertificate('inter', { password: 'correct horse' });
    guest.close();

    const other = await protectedVault();
    expect((await other.vault.restoreCertificateBackup(backup, { password: 'correct horse' })).keyProtection).toBe(
      'none',
    );
    expect(await other.store.read((tx) => tx.issuedBy('inter'))).toHaveLength(1);
    const refused = await refusal(other.vault.createIssuer('Restored', 'Local', { certificateName: 'inter' }));
    expect(refused).toMatchObject({ code: 'BadParameter', field: 'certificateName' });
    expect(refused.message).toContain('is not in this browser');
  });
});
