import { afterAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import {
  EKU,
  createCsr,
  createSelfSignedCertificate,
  encodePem,
  exportSpki,
  generateKeyPair,
  parseCertificate,
  readCertificates,
} from '../../../src/pki';
import { addMonths } from '../../../src/pki/x509';
import { openssl, tempDir } from '../../support/openssl';

const tmp = tempDir('certkeep-x509-');
afterAll(() => tmp.cleanup());
const NOT_BEFORE = new Date('2026-01-31T10:20:30.456Z');

function write(name: string, data: Uint8Array | string): string {
  const file = tmp.path(name);
  writeFileSync(file, data);
  return file;
}

describe('addMonths (calendar months from notBefore)', () => {
  it.each([
    ['2026-01-31T10:00:00Z', 1, '2026-02-28T10:00:00.000Z'],
    ['2024-01-31T10:00:00Z', 1, '2024-02-29T10:00:00.000Z'],
    ['2026-01-15T00:00:00Z', 12, '2027-01-15T00:00:00.000Z'],
    ['2026-11-30T23:59:59Z', 3, '2027-02-28T23:59:59.000Z'],
    ['2026-03-31T00:00:00Z', 1, '2026-04-30T00:00:00.000Z'],
    ['2026-05-10T00:00:00Z', 120, '2036-05-10T00:00:00.000Z'],
  ])('%s + %i months = %s', (from, months, want) => {
    expect(addMonths(new Date(from), months).toISOString()).toBe(want);
  });
});

describe('createSelfSignedCertificate checked by openssl', () => {
  it('RSA: openssl parses it, fingerprints and fields agree with parseCertificate', async () => {
    const keys = await generateKeyPair({ kty: 'RSA', size: 2048 }, false);
    const der = await createSelfSignedCertificate({
      subject: 'CN=www.contoso.com,O=Contoso,C=US',
      subjectAlternativeNames: {
        dnsNames: ['www.contoso.com'],
        userPrincipalNames: ['u@contoso.com'],
        ipAddresses: ['10.0.0.1'],
      },
      keyUsage: ['digitalSignature', 'keyEncipherment'],
      enhancedKeyUsage: [EKU.serverAuth, EKU.clientAuth],
      keys,
      notBefore: NOT_BEFORE,
      validityInMonths: 12,
    });
    const file = write('rsa.der', der);
    const text = openssl(['x509', '-inform', 'DER', '-in', file, '-noout', '-text', '-nameopt', 'oneline']).toString();
    expect(text).toContain('Subject: CN = www.contoso.com, O = Contoso, C = US');
    expect(text).toContain('Not Before: Jan 31 10:20:30 2026 GMT');
    expect(text).toContain('Not After : Jan 31 10:20:30 2027 GMT');
    expect(text).toMatch(/X509v3 Key Usage: critical\s+Digital Signature, Key Encipherment/);
    expect(text).toMatch(/X509v3 Basic Constraints: critical\s+CA:FALSE/);
    expect(text).toContain('DNS:www.contoso.com, othername: UPN::u@contoso.com, IP Address:10.0.0.1');
    expect(text).toContain('X509v3 Subject Key Identifier');
    expect(text).toContain('X509v3 Authority Key Identifier');

    const info = await parseCertificate(der);
    const fp = (alg: string): string =>
      openssl(['x509', '-inform', 'DER', '-in', file, '-noout', '-fingerprint', `-${alg}`])
        .toString()
        .trim()
        .split('=')[1]
        .replace(/:/g, '');
    expect(info.sha1Thumbprint).toBe(fp('sha1'));
    expect(info.sha256Fingerprint).toBe(fp('sha256'));
    const serial = openssl(['x509', '-inform', 'DER', '-in', file, '-noout', '-serial'])
      .toString()
      .trim()
      .split('=')[1];
    expect(info.serialNumber).toBe(serial);
    expect(info.serialNumber).toMatch(/^[0-7][0-9A-F]{31}$/);
    expect(info).toMatchObject({
      subject: 'CN=www.contoso.com,O=Contoso,C=US',
      issuer: 'CN=www.contoso.com,O=Contoso,C=US',
      keySpec: { kty: 'RSA', size: 2048 },
      keyDescription: 'RSA 2048',
      signatureAlgorithm: 'sha256WithRSAEncryption',
      keyUsage: ['digitalSignature', 'keyEncipherment'],
      enhancedKeyUsage: [EKU.serverAuth, EKU.clientAuth],
      basicConstraints: { ca: false },
      selfSigned: true,
      subjectAlternativeNames: {
        dnsNames: ['www.contoso.com'],
        userPrincipalNames: ['u@contoso.com'],
        ipAddresses: ['10.0.0.1'],
      },
    });
    expect(info.notBefore.toISOString()).toBe('2026-01-31T10:20:30.000Z');
    expect(info.notAfter.toISOString()).toBe('2027-01-31T10:20:30.000Z');
    expect(info.subjectKeyIdentifier).toBe(info.authorityKeyIdentifier);
    expect(info.spki).toEqual(await exportSpki(keys.publicKey));
  });

  it.each([
    [{ kty: 'EC', curve: 'P-256' }, 'ecdsa-with-SHA256'],
    [{ kty: 'EC', curve: 'P-384' }, 'ecdsa-with-SHA384'],
    [{ kty: 'EC', curve: 'P-521' }, 'ecdsa-with-SHA512'],
    [{ kty: 'RSA', size: 3072 }, 'sha256WithRSAEncryption'],
  ] as const)('a CA certificate with %o verifies as its own trust anchor (%s)', async (spec, sigAlg) => {
    const keys = await generateKeyPair(spec, false);
    const der = await createSelfSignedCertificate({
      subject: 'CN=Certkeep Test Root',
      keyUsage: ['keyCertSign', 'cRLSign', 'digitalSignature'],
      isCa: true,
      keys,
      // openssl verify checks validity against the real clock.
      notBefore: new Date(Date.now() - 60_000),
      validityInMonths: 1,
    });
    const file = write(`ca-${sigAlg}.pem`, encodePem('CERTIFICATE', der));
    expect(openssl(['verify', '-CAfile', file, file]).toString()).toContain(': OK');
    const info = await parseCertificate(der);
    expect(info.signatureAlgorithm).toBe(sigAlg);
    expect(info.basicConstraints).toEqual({ ca: true });
  });

  it('gives every certificate a fresh positive 16-byte serial', async () => {
    const keys = await generateKeyPair({ kty: 'EC', curve: 'P-256' }, false);
    const serials = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const der = await createSelfSignedCertificate({
        subject: 'CN=s',
        keys,
        notBefore: NOT_BEFORE,
        validityInMonths: 1,
      });
      const { serialNumber } = await parseCertificate(der);
      expect(serialNumber).toMatch(/^[0-7][0-9A-F]{31}$/);
      expect(serialNumber.startsWith('00')).toBe(false);
      serials.add(serialNumber);
    }
    expect(serials.size).toBe(20);
  });

  it.each([
    ['zero months', { validityInMonths: 0 }, 'bad-input'],
    ['fractional months', { validityInMonths: 1.5 }, 'bad-input'],
    ['invalid date', { notBefore: new Date('nope') }, 'bad-input'],
    ['bad subject', { subject: 'CN' }, 'bad-name'],
  ])('rejects %s', async (_n, patch, code) => {
    const keys = await generateKeyPair({ kty: 'EC', curve: 'P-256' }, false);
    await expect(
      createSelfSignedCertificate({ subject: 'CN=x', keys, notBefore: NOT_BEFORE, validityInMonths: 12, ...patch }),
    ).rejects.toMatchObject({ name: 'PkiError', code });
  });
});

describe('openssl x509 -req as a CA signing our CSR', () => {
  it('issues a certificate we parse, with our key and the CA as issuer', async () => {
    const caKey = write('ca.key', openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256']));
    const caCert = tmp.path('ca.crt');
    openssl([
      'req',
      '-x509',
      '-new',
      '-key',
      caKey,
      '-subj',
      '/CN=OpenSSL Test CA/O=Tools',
      '-days',
      '30',
      '-out',
      caCert,
    ]);
    const keys = await generateKeyPair({ kty: 'RSA', size: 2048 }, false);
    const csr = write(
      'leaf.csr',
      encodePem(
        'CERTIFICATE REQUEST',
        await createCsr({
          subject: 'CN=leaf.contoso.com',
          subjectAlternativeNames: { dnsNames: ['leaf.contoso.com'] },
          enhancedKeyUsage: [EKU.serverAuth],
          keys,
        }),
      ),
    );
    const leafPem = openssl([
      'x509',
      '-req',
      '-in',
      csr,
      '-CA',
      caCert,
      '-CAkey',
      caKey,
      '-CAcreateserial',
      '-days',
      '10',
      '-copy_extensions',
      'copy',
    ]);
    const [leaf] = readCertificates(new Uint8Array(leafPem));
    const info = await parseCertificate(leaf);
    expect(info.subject).toBe('CN=leaf.contoso.com');
    expect(info.issuer).toBe('CN=OpenSSL Test CA,O=Tools');
    expect(info.selfSigned).toBe(false);
    expect(info.signatureAlgorithm).toBe('ecdsa-with-SHA256');
    expect(info.subjectAlternativeNames).toEqual({ dnsNames: ['leaf.contoso.com'] });
    expect(info.enhancedKeyUsage).toEqual([EKU.serverAuth]);
    expect(info.spki).toEqual(await exportSpki(keys.publicKey));
    const caInfo = await parseCertificate(readCertificates(new Uint8Array(openssl(['x509', '-in', caCert])))[0]);
    expect(caInfo.selfSigned).toBe(true);
    expect(info.authorityKeyIdentifier).toBe(caInfo.subjectKeyIdentifier);
  });
});

describe('parseCertificate never throws a raw error', () => {
  it.each([
    ['empty', new Uint8Array()],
    ['one byte', new Uint8Array([0x30])],
    ['a sequence of nothing', new Uint8Array([0x30, 0x00])],
    ['random', crypto.getRandomValues(new Uint8Array(300))],
    ['indefinite junk', new Uint8Array([0x30, 0x80, 0x30, 0x80, 0x00])],
  ])('%s → PkiError malformed', async (_n, bytes) => {
    await expect(parseCertificate(bytes)).rejects.toMatchObject({ name: 'PkiError', code: 'malformed' });
  });

  it('truncations of a real certificate all give PkiError', async () => {
    const keys = await generateKeyPair({ kty: 'EC', curve: 'P-256' }, false);
    const der = await createSelfSignedCertificate({
      subject: 'CN=t',
      keys,
      notBefore: NOT_BEFORE,
      validityInMonths: 1,
    });
    for (let n = 0; n < der.length; n += 7) {
      await expect(parseCertificate(der.slice(0, n))).rejects.toMatchObject({ name: 'PkiError' });
    }
  });
});
