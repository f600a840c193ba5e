import { afterAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import {
  EKU,
  createCsr,
  createSelfSignedCertificate,
  encodePem,
  generateKeyPair,
  issueCertificate,
  parseCertificate,
} from '../../../src/pki';
import { openssl, tempDir } from '../../support/openssl';

const tmp = tempDir('certkeep-issue-');
afterAll(() => tmp.cleanup());

async function makeCa(validityInMonths = 24) {
  const keys = await generateKeyPair({ kty: 'EC', curve: 'P-384' }, false);
  const cert = await createSelfSignedCertificate({
    subject: 'CN=Certkeep Local CA,O=Certkeep',
    keyUsage: ['keyCertSign', 'cRLSign'],
    isCa: true,
    keys,
    notBefore: new Date(Date.now() - 3_600_000),
    validityInMonths,
  });
  const file = tmp.path(`ca-${Math.random().toString(36).slice(2)}.pem`);
  writeFileSync(file, encodePem('CERTIFICATE', cert));
  return { keys, cert, file };
}

describe('issueCertificate (local CA) checked by openssl verify', () => {
  it('signs an openssl-made CSR: verifies against the CA, keeps requested SAN/EKU, AKI = CA SKI', async () => {
    const ca = await makeCa();
    const csr = openssl([
      'req',
      '-new',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      '/dev/null',
      '-subj',
      '/CN=app.contoso.com/O=Contoso',
      '-addext',
      'subjectAltName=DNS:app.contoso.com,IP:10.1.2.3',
      '-addext',
      'extendedKeyUsage=serverAuth',
    ]);
    const { der, cutToIssuer } = await issueCertificate({
      csr: new Uint8Array(csr),
      issuerCertificate: ca.cert,
      issuerPrivateKey: ca.keys.privateKey,
      notBefore: new Date(Date.now() - 60_000),
      validityInMonths: 6,
    });
    const leafFile = tmp.path('leaf.pem');
    writeFileSync(leafFile, encodePem('CERTIFICATE', der));
    expect(openssl(['verify', '-CAfile', ca.file, leafFile]).toString()).toContain(': OK');
    const text = openssl(['x509', '-in', leafFile, '-noout', '-text', '-nameopt', 'oneline']).toString();
    expect(text).toContain('Issuer: CN = Certkeep Local CA, O = Certkeep');
    expect(text).toContain('Subject: CN = app.contoso.com, O = Contoso');
    expect(text).toContain('DNS:app.contoso.com, IP Address:10.1.2.3');
    const info = await parseCertificate(der);
    const caInfo = await parseCertificate(ca.cert);
    expect(info).toMatchObject({
      selfSigned: false,
      enhancedKeyUsage: [EKU.serverAuth],
      basicConstraints: { ca: false },
      keySpec: { kty: 'RSA', size: 2048 },
      signatureAlgorithm: 'ecdsa-with-SHA384',
    });
    expect(info.authorityKeyIdentifier).toBe(caInfo.subjectKeyIdentifier);
    // The leaf's own key identifier, as openssl reads it from the certificate.
    const ski = /X509v3 Subject Key Identifier: *\n\s*([0-9A-F:]+)/.exec(text)?.[1].replace(/:/g, '');
    expect(ski).toMatch(/^[0-9A-F]{40}$/);
    expect(info.subjectKeyIdentifier?.replace(/:/g, '').toUpperCase()).toBe(ski);
    expect(info.subjectKeyIdentifier).not.toBe(caInfo.subjectKeyIdentifier);
    expect(cutToIssuer).toBe(false);
  });

  it('signs our own CSR and never outlives the CA', async () => {
    const ca = await makeCa(1);
    const keys = await generateKeyPair({ kty: 'EC', curve: 'P-256' }, false);
    const csr = await createCsr({ subject: 'CN=short', keys, keyUsage: ['digitalSignature'] });
    const issued = await issueCertificate({
      csr,
      issuerCertificate: ca.cert,
      issuerPrivateKey: ca.keys.privateKey,
      notBefore: new Date(),
      validityInMonths: 12,
    });
    const der = issued.der;
    const [info, caInfo] = await Promise.all([parseCertificate(der), parseCertificate(ca.cert)]);
    expect(info.notAfter).toEqual(caInfo.notAfter);
    expect(issued).toMatchObject({ cutToIssuer: true, notAfter: caInfo.notAfter, serialNumber: info.serialNumber });
    expect(info.keyUsage).toEqual(['digitalSignature']);
    const leafFile = tmp.path('short.pem');
    writeFileSync(leafFile, encodePem('CERTIFICATE', der));
    expect(openssl(['verify', '-CAfile', ca.file, leafFile]).toString()).toContain(': OK');
  });

  it.each([
    ['a tampered CSR', 'tamper', 'bad-input'],
    ['zero months', 'months', 'bad-input'],
    ['a CSR that is not one', 'garbage', 'malformed'],
  ])('rejects %s', async (_n, how, code) => {
    const ca = await makeCa();
    const keys = await generateKeyPair({ kty: 'EC', curve: 'P-256' }, false);
    let csr = await createCsr({ subject: 'CN=x', keys });
    if (how === 'tamper') csr[csr.length - 3] ^= 1;
    if (how === 'garbage') csr = new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x00]);
    await expect(
      issueCertificate({
        csr,
        issuerCertificate: ca.cert,
        issuerPrivateKey: ca.keys.privateKey,
        notBefore: new Date(),
        validityInMonths: how === 'months' ? 0 : 3,
      }),
    ).rejects.toMatchObject({ name: 'PkiError', code });
  });
});
