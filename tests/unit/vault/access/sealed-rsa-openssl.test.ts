/**
 * A non-exportable RSA key in a protected vault is sealed PKCS#8, unsealed non-extractable for
 * exactly the algorithm asked: so it does PS256 (checked by `openssl dgst -sigopt
 * rsa_padding_mode:pss`), RSA-OAEP-256 (openssl's ciphertext decrypts) and the rest, where the
 * same key in an unprotected vault is bound to RS256. It still never leaves: getSecret and
 * backups carry no key.
 */
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { stringContaining } from '../../../support/match';
import { openssl, tempDir } from '../../../support/openssl';
import type { CertificatePolicy } from '../../../../src/vault/types';
import { makeVault } from '../vault-fixture';
import { protectedVault } from './access-fixture';

const data = new TextEncoder().encode('sign me, openssl');
const policy: CertificatePolicy = {
  subject: 'CN=sealed-rsa',
  exportable: false,
  contentType: 'application/x-pem-file',
  keyUsage: ['digitalSignature', 'keyEncipherment', 'dataEncipherment'],
};

function withFiles<T>(fn: (path: (name: string) => string) => T): T {
  const t = tempDir('certkeep-sealed-');
  try {
    return fn(t.path);
  } finally {
    t.cleanup();
  }
}

describe('a non-exportable RSA key in a protected vault', () => {
  it('signs PS256/PS384/RS512 that openssl verifies and decrypts RSA-OAEP-256/RSA-OAEP from openssl', async () => {
    const { vault } = await protectedVault();
    await vault.createCertificate('rsa', policy);
    const cert = await vault.getCertificate('rsa');
    expect(cert).toMatchObject({ keyExportable: false, keyProtection: 'sealed' });
    const client = await vault.getCryptographyClient('rsa');
    const pub = openssl(['x509', '-inform', 'DER', '-pubkey', '-noout'], cert.cer).toString();
    const verified = async (alg: 'PS256' | 'PS384' | 'RS512', digest: string, pss: boolean) => {
      const sig = (await client.signData(alg, data)).result;
      return withFiles((p) => {
        writeFileSync(p('pub.pem'), pub);
        writeFileSync(p('sig'), sig);
        writeFileSync(p('data'), data);
        const opts = pss ? ['-sigopt', 'rsa_padding_mode:pss', '-sigopt', 'rsa_pss_saltlen:-1'] : [];
        const args = ['dgst', `-${digest}`, '-verify', p('pub.pem'), ...opts, '-signature', p('sig'), p('data')];
        return openssl(args).toString().includes('Verified OK');
      });
    };
    expect(await verified('PS256', 'sha256', true)).toBe(true);
    expect(await verified('PS384', 'sha384', true)).toBe(true);
    expect(await verified('RS512', 'sha512', false)).toBe(true);

    for (const [alg, md] of [
      ['RSA-OAEP-256', 'sha256'],
      ['RSA-OAEP', 'sha1'],
    ] as const) {
      const secret = crypto.getRandomValues(new Uint8Array(32));
      const ciphertext = withFiles((p) => {
        writeFileSync(p('pub.pem'), pub);
        writeFileSync(p('plain'), secret);
        const args = ['pkeyutl', '-encrypt', '-pubin', '-inkey', p('pub.pem'), '-in', p('plain')];
        const oaep = [
          '-pkeyopt',
          'rsa_padding_mode:oaep',
          '-pkeyopt',
          `rsa_oaep_md:${md}`,
          '-pkeyopt',
          `rsa_mgf1_md:${md}`,
        ];
        return new Uint8Array(openssl([...args, ...oaep]));
      });
      expect((await client.decrypt({ algorithm: alg, ciphertext })).result).toEqual(secret);
      expect((await client.unwrapKey(alg, ciphertext)).result).toEqual(secret);
    }
  });

  it('still never leaves: no key in getSecret, none in a backup', async () => {
    const { vault } = await protectedVault();
    await vault.createCertificate('rsa', policy);
    const pem = new TextDecoder().decode((await vault.getSecret('rsa')).value);
    expect(pem).toContain('BEGIN CERTIFICATE');
    expect(pem).not.toContain('PRIVATE KEY');
    const other = await makeVault();
    const backup = await vault.backupCertificate('rsa', { password: 'backup pass' });
    expect((await other.vault.restoreCertificateBackup(backup, { password: 'backup pass' })).keyIncluded).toBe(false);
  });

  it('the same kind of key in an unprotected vault stays bound to RS256 (the limit protection lifts)', async () => {
    const { vault } = await makeVault();
    await vault.createCertificate('rsa', policy);
    expect((await vault.getCertificate('rsa')).keyProtection).toBe('none');
    const client = await vault.getCryptographyClient('rsa');
    expect((await client.signData('RS256', data)).result).toHaveLength(256);
    await expect(client.signData('PS256', data)).rejects.toMatchObject({
      code: 'Unsupported',
      message: stringContaining('in a protected vault, a non-exportable RSA or EC key does too'),
    });
  });
});
