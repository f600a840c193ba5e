import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { children, octets, oid, readDer, smallInt } from '../../../src/pki/asn1/reader';
import { readPkcs12 } from '../../../src/pki';
import { openssl, runTool, tempDir } from '../../support/openssl';
import { makeVault } from './vault-fixture';

// getSecret's protection options: a PEM key encrypted under the password, and a PFX with a PBMAC1 MAC.
const t = tempDir('certkeep-secret-protection-');
afterAll(() => t.cleanup());
let n = 0;
const file = (bytes: Uint8Array | string) => {
  const f = t.path(`s${n++}`);
  writeFileSync(f, bytes);
  return f;
};
const text = (b: Uint8Array) => new TextDecoder().decode(b);
const pemDer = (pem: string, label: string): Uint8Array => {
  const m = new RegExp(`-----BEGIN ${label}-----([^-]+)-----END ${label}-----`).exec(pem);
  if (!m) throw new Error(`no ${label}`);
  return new Uint8Array(Buffer.from(m[1].replace(/\s/g, ''), 'base64'));
};

async function pemVault(keyType: 'EC' | 'RSA', exportable = true) {
  const { vault } = await makeVault();
  await vault.createCertificate('pem', {
    subject: 'CN=pem.contoso.com',
    keyType,
    exportable,
    contentType: 'application/x-pem-file',
  });
  return vault;
}

describe('getSecret, PEM with a password: the key as ENCRYPTED PRIVATE KEY', () => {
  it('encrypted key first, certificates after; openssl pkey opens it with the password only', async () => {
    const vault = await pemVault('EC');
    const pem = text((await vault.getSecret('pem', { password: 'pässwörd horse' })).value);
    expect(pem).toMatch(/^-----BEGIN ENCRYPTED PRIVATE KEY-----\n/);
    expect(pem).not.toContain('-----BEGIN PRIVATE KEY-----');
    expect(pem.indexOf('BEGIN CERTIFICATE')).toBeGreaterThan(pem.indexOf('END ENCRYPTED PRIVATE KEY'));
    const f = file(pem);
    const fromKey = openssl(['pkey', '-in', f, '-passin', 'pass:pässwörd horse', '-pubout']).toString();
    expect(fromKey).toBe(openssl(['x509', '-in', f, '-noout', '-pubkey']).toString());
    const wrong = spawnSync('openssl', ['pkey', '-in', f, '-passin', 'pass:pässwörd hörse', '-noout']);
    expect(wrong.status).not.toBe(0);
  });

  it('PBES2 = PBKDF2-HMAC-SHA-256 (600 000 iterations, 16-byte salt) + AES-256-CBC, as openssl reads the DER', async () => {
    const vault = await pemVault('RSA');
    const der = pemDer(text((await vault.getSecret('pem', { password: 'P' })).value), 'ENCRYPTED PRIVATE KEY');
    const parsed = openssl(['asn1parse', '-inform', 'DER'], der).toString();
    for (const name of ['PBES2', 'PBKDF2', 'hmacWithSHA256', 'aes-256-cbc']) expect(parsed).toContain(name);
    const [algorithm] = children(readDer(der, 'epki'), 'epki', 2);
    const [, pbes2] = children(algorithm, 'pbes2', 2);
    const [kdf, scheme] = children(pbes2, 'pbes2 params', 2);
    const [salt, iterations] = children(children(kdf, 'kdf', 2)[1], 'pbkdf2 params', 3);
    expect(smallInt(iterations, 'iterations')).toBe(600_000);
    expect(octets(salt, 'salt')).toHaveLength(16);
    expect(oid(children(scheme, 'scheme', 2)[0], 'scheme')).toBe('2.16.840.1.101.3.4.1.42');
  });

  it('the JDK decrypts it too (keytool itself cannot import a PEM key)', async () => {
    const vault = await pemVault('RSA');
    const pem = text((await vault.getSecret('pem', { password: 'changeit' })).value);
    const der = file(pemDer(pem, 'ENCRYPTED PRIVATE KEY'));
    const java = join(import.meta.dirname, '../../support/ReadEncryptedKey.java');
    expect(runTool('java', [java, der, 'changeit', 'RSA']).toString()).toMatch(/PBEWithHmacSHA256AndAES_256 RSA/);
    expect(spawnSync('java', [java, der, 'changeit!', 'RSA']).status).not.toBe(0);
  }, 30_000);

  it("no password, or '': the plain PRIVATE KEY", async () => {
    const vault = await pemVault('EC');
    for (const password of [undefined, '']) {
      const pem = text((await vault.getSecret('pem', { password })).value);
      expect(pem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    }
  });

  it('a non-exportable key: certificates only, password or not', async () => {
    const vault = await pemVault('EC', false);
    const pem = text((await vault.getSecret('pem', { password: 'P' })).value);
    expect(pem).not.toContain('PRIVATE KEY');
    expect(pem).toContain('BEGIN CERTIFICATE');
  });

  it("mac: 'pbmac1' on a PEM policy → BadParameter naming the content type", async () => {
    const vault = await pemVault('EC');
    await expect(vault.getSecret('pem', { mac: 'pbmac1' })).rejects.toMatchObject({
      name: 'VaultError',
      code: 'BadParameter',
      field: 'contentType',
    });
  });
});

describe("getSecret, PFX with mac: 'pbmac1'", () => {
  it('a PBMAC1 MAC (RFC 9579) over the usual AES safes; the default stays the PKCS#12 HMAC', async () => {
    const { vault } = await makeVault();
    await vault.createCertificate('pfx', { subject: 'CN=pfx.contoso.com', keyType: 'EC' });
    const macOid = (pfx: Uint8Array) => {
      const [, , macData] = children(readDer(pfx, 'pfx'), 'pfx', 3);
      return oid(children(children(children(macData, 'mac', 1)[0], 'digest info', 1)[0], 'alg', 1)[0], 'alg');
    };
    const pbmac1 = (await vault.getSecret('pfx', { password: 'pw', mac: 'pbmac1' })).value;
    expect(macOid(pbmac1)).toBe('1.2.840.113549.1.5.14');
    expect((await readPkcs12(pbmac1, 'pw')).keys).toHaveLength(1);
    await expect(readPkcs12(pbmac1, 'px')).rejects.toMatchObject({ code: 'invalid-password' });
    // openssl 3.0 cannot check PBMAC1 (3.4 can); past the MAC it reads everything.
    const out = openssl(['pkcs12', '-in', file(pbmac1), '-passin', 'pass:pw', '-nodes', '-nomacver']).toString();
    expect(out).toContain('BEGIN PRIVATE KEY');
    expect(macOid((await vault.getSecret('pfx', { password: 'pw' })).value)).toBe('2.16.840.1.101.3.4.2.1');
  });

  it.each([
    { name: 'with legacy', options: { mac: 'pbmac1', legacy: true } },
    { name: 'an unknown MAC', options: { mac: 'sha1' } },
  ])('$name → BadParameter', async ({ options }) => {
    const { vault } = await makeVault();
    await vault.createCertificate('pfx', { subject: 'CN=pfx', keyType: 'EC' });
    await expect(vault.getSecret('pfx', options as never)).rejects.toMatchObject({
      name: 'VaultError',
      code: 'BadParameter',
    });
  });
});
