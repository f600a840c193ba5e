import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { openssl, runTool, tempDir } from '../../support/openssl';
import { makeVault } from './vault-fixture';
import { readPkcs12 } from '../../../src/pki';
import { stringContaining } from '../../support/match';

const t = tempDir('certkeep-secret-');
afterAll(() => t.cleanup());
let n = 0;
const file = (bytes: Uint8Array) => {
  const f = t.path(`s${n++}`);
  writeFileSync(f, bytes);
  return f;
};

/** `openssl pkcs12 -info`: the MAC and PBE lines go to stderr (openssl 3.0), so both streams are read. */
function opensslInfo(f: string): string {
  const r = spawnSync('openssl', ['pkcs12', '-in', f, '-info', '-nokeys', '-passin', 'pass:P']);
  if (r.status !== 0) throw new Error(`openssl pkcs12 -info exited ${r.status}: ${r.stderr.toString()}`);
  return r.stdout.toString() + r.stderr.toString();
}

describe('getSecret', () => {
  it('exportable, PKCS#12: a PFX openssl opens with the password, holding key and certificate', async () => {
    const { vault } = await makeVault();
    await vault.createCertificate('pfx', { subject: 'CN=pfx.contoso.com', keyType: 'EC' });
    const secret = await vault.getSecret('pfx', { password: 'pw' });
    expect(secret.contentType).toBe('application/x-pkcs12');
    const out = openssl(['pkcs12', '-in', file(secret.value), '-passin', 'pass:pw', '-nodes']).toString();
    expect(out).toContain('BEGIN PRIVATE KEY');
    expect(out).toMatch(/subject=.*CN\s*=\s*pfx\.contoso\.com/);
  });

  it('an RSA PFX that keytool lists as a PrivateKeyEntry under the certificate name', async () => {
    const { vault } = await makeVault();
    await vault.createCertificate('java-app', { subject: 'CN=java.contoso.com' });
    const secret = await vault.getSecret('java-app', { password: 'changeit' });
    const list = runTool('keytool', [
      '-list',
      '-v',
      '-storetype',
      'pkcs12',
      '-keystore',
      file(secret.value),
      '-storepass',
      'changeit',
    ]).toString();
    expect(list).toContain('Entry type: PrivateKeyEntry');
    expect(list).toMatch(/Alias name: java-app/i);
    expect(list).toContain('CN=java.contoso.com');
  });

  it('legacy: 3DES bags and a SHA-1 MAC (openssl -info names them; keytool lists the key); the default stays AES + SHA-256', async () => {
    const { vault } = await makeVault();
    await vault.createCertificate('old-win', { subject: 'CN=old.contoso.com' });
    const legacy = file((await vault.getSecret('old-win', { password: 'P', legacy: true })).value);
    // Without -legacy: openssl 3's default provider has 3DES but not RC2, so this also proves no RC2 bag.
    const legacyInfo = opensslInfo(legacy);
    expect(legacyInfo).toContain('pbeWithSHA1And3-KeyTripleDES-CBC');
    expect(legacyInfo).toMatch(/MAC: sha1/);
    expect(legacyInfo).not.toMatch(/PBES2|aes-256-cbc/);
    const list = runTool('keytool', [
      '-list',
      '-v',
      '-storetype',
      'pkcs12',
      '-keystore',
      legacy,
      '-storepass',
      'P',
    ]).toString();
    expect(list).toContain('Entry type: PrivateKeyEntry');
    expect(list).toContain('CN=old.contoso.com');
    const modernInfo = opensslInfo(file((await vault.getSecret('old-win', { password: 'P' })).value));
    expect(modernInfo).toMatch(/MAC: sha256/);
    expect(modernInfo).not.toContain('pbeWithSHA1And3-KeyTripleDES-CBC');
  });

  it('legacy with a PEM policy → BadParameter naming the content type', async () => {
    const { vault } = await makeVault();
    await vault.createCertificate('pem-only', {
      subject: 'CN=pem',
      keyType: 'EC',
      contentType: 'application/x-pem-file',
    });
    await expect(vault.getSecret('pem-only', { legacy: true })).rejects.toMatchObject({
      name: 'VaultError',
      code: 'BadParameter',
      message: stringContaining('x-pkcs12'),
    });
  });

  it('exportable, PEM: PKCS#8 key and the certificate, and they belong together', async () => {
    const { vault } = await makeVault();
    await vault.createCertificate('pem', { subject: 'CN=pem', keyType: 'EC', contentType: 'application/x-pem-file' });
    const secret = await vault.getSecret('pem');
    expect(secret.contentType).toBe('application/x-pem-file');
    const pem = new TextDecoder().decode(secret.value);
    expect(pem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(pem).toContain('-----BEGIN CERTIFICATE-----');
    const f = file(secret.value);
    const fromKey = openssl(['pkey', '-in', f, '-pubout']).toString();
    const fromCert = openssl(['x509', '-in', f, '-noout', '-pubkey']).toString();
    expect(fromKey).toBe(fromCert);
    // A password now encrypts the key (secret-protection.test.ts) instead of being refused.
    const encrypted = new TextDecoder().decode((await vault.getSecret('pem', { password: 'x' })).value);
    expect(encrypted).toMatch(/^-----BEGIN ENCRYPTED PRIVATE KEY-----/);
  });

  it('non-exportable: certificates only, and the stored CryptoKey itself refuses exportKey', async () => {
    const { vault, store } = await makeVault();
    await vault.createCertificate('locked', {
      subject: 'CN=locked',
      keyType: 'EC',
      exportable: false,
      contentType: 'application/x-pem-file',
    });
    const pem = new TextDecoder().decode((await vault.getSecret('locked')).value);
    expect(pem).not.toContain('PRIVATE KEY');
    expect(pem).toContain('BEGIN CERTIFICATE');
    const cert = await vault.getCertificate('locked');
    expect(cert.keyExportable).toBe(false);
    const key = await store.read(async (tx) => {
      const v = await tx.get('versions', ['locked', cert.properties.version!]);
      return tx.get('keys', v!.keyId!);
    });
    expect(key!.privateKey!.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('pkcs8', key!.privateKey!)).rejects.toThrow();
    await expect(crypto.subtle.exportKey('jwk', key!.privateKey!)).rejects.toThrow();
  });

  it('HSM key type is never exportable', async () => {
    const { vault } = await makeVault();
    await vault.createCertificate('hsm', {
      subject: 'CN=hsm',
      keyType: 'EC-HSM',
      contentType: 'application/x-pem-file',
    });
    expect(new TextDecoder().decode((await vault.getSecret('hsm')).value)).not.toContain('PRIVATE KEY');
  });

  it('disabled version, or a clock outside notBefore..expiresOn → Forbidden', async () => {
    const { vault, clock } = await makeVault();
    await vault.createCertificate('f', { subject: 'CN=f', keyType: 'EC', validityInMonths: 1 });
    const props = (await vault.getCertificate('f')).properties;
    await vault.updateCertificateProperties('f', '', { enabled: false });
    await expect(vault.getSecret('f')).rejects.toMatchObject({
      code: 'Forbidden',
      message: stringContaining('disabled'),
    });
    await vault.updateCertificateProperties('f', props.version, { enabled: true });
    const secret = await vault.getSecret('f');
    expect(secret.contentType).toBe('application/x-pkcs12');
    expect((await readPkcs12(secret.value, '')).certificates.map((c) => Buffer.from(c.der).toString('hex'))).toEqual([
      Buffer.from((await vault.getCertificate('f')).cer).toString('hex'),
    ]);
    clock.now = new Date(props.notBefore!.getTime() - 1000);
    await expect(vault.getSecret('f')).rejects.toMatchObject({
      code: 'Forbidden',
      message: stringContaining('not valid before'),
    });
    clock.now = new Date(props.expiresOn!.getTime() + 1000);
    await expect(vault.getSecret('f')).rejects.toMatchObject({
      code: 'Forbidden',
      message: stringContaining('expired'),
    });
  });
});
