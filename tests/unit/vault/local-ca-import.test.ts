/**
 * A CA made elsewhere (openssl, XCA, step) imported with its key becomes a Local issuer's CA:
 * its policy keeps what makes it a CA, and what it signs here verifies with openssl.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { openssl, tempDir } from '../../support/openssl';
import { makeVault } from './vault-fixture';

const t = tempDir('certkeep-import-ca-');
afterAll(() => t.cleanup());

function opensslCa(name: string, ext: string[]): Uint8Array {
  openssl([
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-keyout',
    t.path(`${name}.key`),
    '-out',
    t.path(`${name}.pem`),
    '-subj',
    `/CN=${name}`,
    '-days',
    '365',
    ...ext.flatMap((e) => ['-addext', e]),
  ]);
  return new Uint8Array(Buffer.concat([readFileSync(t.path(`${name}.key`)), readFileSync(t.path(`${name}.pem`))]));
}

describe('an imported CA', () => {
  it('keeps basicConstraints, name constraints and reuseKey in its policy; signs leaves openssl verifies', async () => {
    const pem = opensslCa('XCA Root', [
      'keyUsage=critical,keyCertSign,cRLSign',
      'nameConstraints=critical,permitted;DNS:lab.example',
    ]);
    const { vault } = await makeVault({ now: new Date() });
    const ca = await vault.importCertificate('xca', pem);
    expect(ca.policy).toMatchObject({
      basicConstraints: { ca: true },
      nameConstraints: { permitted: { dnsNames: ['lab.example'] } },
      reuseKey: true,
      issuerName: 'Self',
    });
    await vault.createIssuer('Lab', 'Local', { certificateName: 'xca' });
    await vault.createCertificate('box', {
      subject: 'CN=box.lab.example',
      subjectAlternativeNames: { dnsNames: ['box.lab.example'] },
      keyType: 'EC',
      issuerName: 'Lab',
    });
    const leaf = t.path('box.pem');
    writeFileSync(leaf, openssl(['x509', '-inform', 'DER'], (await vault.getCertificate('box')).cer));
    expect(openssl(['verify', '-CAfile', t.path('XCA Root.pem'), leaf]).toString()).toContain(': OK');
    await expect(
      vault.createCertificate('out', {
        subject: 'CN=x',
        subjectAlternativeNames: { dnsNames: ['x.org'] },
        issuerName: 'Lab',
      }),
    ).rejects.toMatchObject({ field: 'subjectAlternativeNames' });
  });

  it("openssl's default CA (cA TRUE, no key usage: every usage allowed) signs a request as a Local issuer", async () => {
    const pem = opensslCa('Plain CA', []);
    const { vault } = await makeVault({ now: new Date() });
    const ca = await vault.importCertificate('plain', pem);
    // Without keyCertSign it is not renewed as a CA: openssl marks every self-signed certificate cA TRUE.
    expect(ca.policy.basicConstraints).toBeUndefined();
    await vault.createIssuer('Plain', 'Local', { certificateName: 'plain' });
    const csr = openssl([
      'req',
      '-new',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      t.path('r.key'),
      '-subj',
      '/CN=r',
      '-outform',
      'DER',
    ]);
    const signed = await vault.signCertificateRequest('Plain', new Uint8Array(csr), { validityInDays: 10 });
    const leaf = t.path('r.pem');
    writeFileSync(leaf, openssl(['x509', '-inform', 'DER'], signed.certificate));
    expect(openssl(['verify', '-CAfile', t.path('Plain CA.pem'), leaf]).toString()).toContain(': OK');
  });
});
