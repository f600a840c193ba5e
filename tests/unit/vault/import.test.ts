import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { describeCertificate } from '../../../src/vault/describe';
import { EKU } from '../../../src/pki/asn1/oids';
import { openssl, tempDir } from '../../support/openssl';
import { makeOpensslCa } from './openssl-ca';
import { collect, makeVault } from './vault-fixture';
import { stringContaining } from '../../support/match';

const t = tempDir('certkeep-import-');
const ca = makeOpensslCa();
afterAll(() => {
  t.cleanup();
  ca.cleanup();
});
const read = (f: string) => new Uint8Array(readFileSync(t.path(f)));
const text = (s: string) => new TextEncoder().encode(s);

// One RSA and one EC self-signed certificate with SAN/KU/EKU, made by openssl.
for (const [name, alg] of [
  ['rsa', 'rsa:2048'],
  ['ec', 'ec -pkeyopt ec_paramgen_curve:P-384'],
] as const) {
  openssl([
    'req',
    '-x509',
    '-newkey',
    ...alg.split(' '),
    '-nodes',
    '-keyout',
    t.path(`${name}.key`),
    '-out',
    t.path(`${name}.pem`),
    '-subj',
    `/CN=${name}.contoso.com/O=Contoso`,
    '-days',
    '365',
    '-addext',
    `subjectAltName=DNS:${name}.contoso.com,DNS:www.${name}.contoso.com`,
    '-addext',
    'keyUsage=critical,digitalSignature',
    '-addext',
    'extendedKeyUsage=serverAuth',
  ]);
}
openssl([
  'pkcs12',
  '-export',
  '-inkey',
  t.path('rsa.key'),
  '-in',
  t.path('rsa.pem'),
  '-passout',
  'pass:s3cret',
  '-out',
  t.path('rsa.pfx'),
]);
openssl([
  'pkcs12',
  '-export',
  '-inkey',
  t.path('ec.key'),
  '-in',
  t.path('ec.pem'),
  '-passout',
  'pass:',
  '-out',
  t.path('ec-empty.pfx'),
]);
openssl([
  'pkcs12',
  '-export',
  '-legacy',
  '-inkey',
  t.path('rsa.key'),
  '-in',
  t.path('rsa.pem'),
  '-passout',
  'pass:old',
  '-out',
  t.path('rsa-legacy.pfx'),
]);
openssl(['pkey', '-in', t.path('rsa.key'), '-traditional', '-out', t.path('rsa-pkcs1.key')]);
openssl(['ec', '-in', t.path('ec.key'), '-out', t.path('ec-sec1.key')]);
openssl([
  'pkcs8',
  '-topk8',
  '-in',
  t.path('ec.key'),
  '-v2',
  'aes-256-cbc',
  '-passout',
  'pass:pem-pw',
  '-out',
  t.path('ec-enc.key'),
]);
const rsaPem = readFileSync(t.path('rsa.pem'), 'utf8');
const ecPem = readFileSync(t.path('ec.pem'), 'utf8');
// A CA-issued leaf with its chain.
openssl([
  'req',
  '-new',
  '-newkey',
  'ec',
  '-pkeyopt',
  'ec_paramgen_curve:P-256',
  '-nodes',
  '-keyout',
  t.path('leaf.key'),
  '-subj',
  '/CN=leaf.contoso.com',
  '-outform',
  'DER',
  '-out',
  t.path('leaf.csr'),
]);
const leafPem = ca.sign(read('leaf.csr'));

describe('importCertificate', () => {
  it('PFX with password: policy derived from the certificate (RSA, self-signed → Self)', async () => {
    const { vault } = await makeVault();
    const cert = await vault.importCertificate('rsa', read('rsa.pfx'), { password: 's3cret', tags: { env: 'prod' } });
    expect(cert.policy).toMatchObject({
      subject: stringContaining('CN=rsa.contoso.com'),
      subjectAlternativeNames: { dnsNames: ['rsa.contoso.com', 'www.rsa.contoso.com'] },
      keyType: 'RSA',
      keySize: 2048,
      exportable: true,
      keyUsage: ['digitalSignature'],
      enhancedKeyUsage: [EKU.serverAuth],
      validityInMonths: 12,
      issuerName: 'Self',
    });
    expect(cert.properties.tags).toEqual({ env: 'prod' });
    expect(Buffer.from(cert.cer).equals(Buffer.from(ca.toDer(rsaPem)))).toBe(true);
  });

  it('EC PFX with an empty password, legacy 3DES PFX', async () => {
    const { vault } = await makeVault();
    const ec = await vault.importCertificate('ec', read('ec-empty.pfx'), { password: '' });
    expect(ec.policy).toMatchObject({ keyType: 'EC', keyCurveName: 'P-384' });
    const legacy = await vault.importCertificate('legacy', read('rsa-legacy.pfx'), { password: 'old' });
    expect(legacy.policy.keyType).toBe('RSA');
  });

  it('PEM: PKCS#8, PKCS#1 and SEC1 keys', async () => {
    const { vault } = await makeVault();
    const cases: [string, string, string?][] = [
      ['p8', readFileSync(t.path('rsa.key'), 'utf8') + rsaPem],
      ['p1', readFileSync(t.path('rsa-pkcs1.key'), 'utf8') + rsaPem],
      ['sec1', readFileSync(t.path('ec-sec1.key'), 'utf8') + ecPem],
    ];
    for (const [name, pem, password] of cases) {
      const cert = await vault.importCertificate(name, text(pem), { password });
      expect(cert.keyIncluded, name).toBe(true);
    }
    expect((await collect(vault.listPropertiesOfCertificates())).map((p) => p.name).sort()).toEqual([
      'p1',
      'p8',
      'sec1',
    ]);
  });

  it('PEM with an encrypted PKCS#8 key (openssl -v2 aes-256-cbc), key after the certificate', async () => {
    const { vault } = await makeVault();
    const pem = text(ecPem + readFileSync(t.path('ec-enc.key'), 'utf8'));
    await expect(vault.importCertificate('enc', pem, { password: 'wrong' })).rejects.toMatchObject({
      code: 'InvalidPassword',
    });
    const cert = await vault.importCertificate('enc', pem, { password: 'pem-pw' });
    expect(cert.policy).toMatchObject({ keyType: 'EC', keyCurveName: 'P-384' });
  });

  it('a CA-issued leaf: issuer Unknown, EmailContacts, chain leaf first; preserveCertificateOrder keeps file order', async () => {
    const { vault } = await makeVault();
    const pem = text(ca.caPem + readFileSync(t.path('leaf.key'), 'utf8') + leafPem);
    const cert = await vault.importCertificate('leaf', pem);
    expect(cert.policy.issuerName).toBe('Unknown');
    expect(cert.policy.lifetimeActions).toEqual([{ action: 'EmailContacts', lifetimePercentage: 80 }]);
    expect(cert.chain.map((c) => Buffer.from(c).equals(Buffer.from(ca.caDer)))).toEqual([false, true]);
    const kept = await vault.importCertificate('leaf2', pem, { preserveCertificateOrder: true });
    expect(kept.chain.map((c) => Buffer.from(c).equals(Buffer.from(ca.caDer)))).toEqual([true, false]);
  });

  it('an explicit policy is honoured (non-exportable, PEM content type); a mismatching key type is refused', async () => {
    const { vault } = await makeVault();
    const cert = await vault.importCertificate('x', read('ec-empty.pfx'), {
      password: '',
      policy: {
        subject: 'CN=custom',
        keyType: 'EC',
        keyCurveName: 'P-384',
        exportable: false,
        contentType: 'application/x-pem-file',
        issuerName: 'Unknown',
      },
    });
    expect(cert.policy).toMatchObject({
      subject: 'CN=custom',
      exportable: false,
      contentType: 'application/x-pem-file',
    });
    expect(cert.keyExportable).toBe(false);
    await expect(
      vault.importCertificate('y', read('ec-empty.pfx'), { password: '', policy: { subject: 'CN=y', keyType: 'RSA' } }),
    ).rejects.toMatchObject({
      code: 'BadParameter',
      message: stringContaining('the key in the file is EC P-384'),
    });
  });

  it('re-import makes a new version', async () => {
    const { vault } = await makeVault();
    await vault.importCertificate('again', read('rsa.pfx'), { password: 's3cret' });
    await vault.importCertificate('again', read('ec-empty.pfx'), { password: '' });
    const versions = await collect(vault.listPropertiesOfCertificateVersions('again'));
    expect(versions.map((v) => v.subject?.includes('ec.contoso.com'))).toEqual([true, false]);
    expect((await vault.getCertificatePolicy('again')).keyType).toBe('EC');
  });

  it('an expired certificate is accepted; its attributes show it and its secret is Forbidden', async () => {
    const { vault } = await makeVault({ now: new Date(Date.now() + 2 * 365 * 86400e3) });
    const cert = await vault.importCertificate('old', read('rsa.pfx'), { password: 's3cret' });
    expect(cert.properties.expiresOn!.getTime()).toBeLessThan(Date.now() + 366 * 86400e3);
    await expect(vault.getSecret('old')).rejects.toMatchObject({
      code: 'Forbidden',
      message: stringContaining('expired'),
    });
  });

  it('wrong or missing password → InvalidPassword; no key → BadParameter naming it; key/cert mismatch; nothing stored', async () => {
    const { vault, dump } = await makeVault();
    const before = await dump();
    await expect(vault.importCertificate('w', read('rsa.pfx'), { password: 'nope' })).rejects.toMatchObject({
      name: 'VaultError',
      code: 'InvalidPassword',
    });
    await expect(vault.importCertificate('w', read('rsa.pfx'))).rejects.toMatchObject({ code: 'InvalidPassword' });
    await expect(vault.importCertificate('w', text(rsaPem))).rejects.toMatchObject({
      code: 'BadParameter',
      message: stringContaining('no private key'),
    });
    await expect(
      vault.importCertificate('w', text(readFileSync(t.path('ec.key'), 'utf8') + rsaPem)),
    ).rejects.toMatchObject({
      code: 'BadParameter',
      // Key Vault's sentence for a key that is not the certificate's, as merge says it.
      message:
        'The public key of the end-entity certificate in the specified X.509 certificate content does not match the public part of the specified private key. Please check if certificate is valid',
    });
    await expect(vault.importCertificate('w', new Uint8Array(0))).rejects.toMatchObject({ code: 'BadParameter' });
    expect(await dump()).toEqual(before);
  });

  it('the certificate read back is the one openssl wrote', async () => {
    const { vault } = await makeVault();
    const cert = await vault.importCertificate('same', read('ec-empty.pfx'), { password: '' });
    const info = await describeCertificate(cert.cer);
    const fp = openssl(['x509', '-in', t.path('ec.pem'), '-noout', '-fingerprint', '-sha1'])
      .toString()
      .split('=')[1]
      .trim()
      .replace(/:/g, '');
    expect(info.sha1Thumbprint).toBe(fp);
    expect(cert.properties.x509ThumbprintString).toBe(fp);
  });
});
