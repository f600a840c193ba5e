import { afterAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { EKU, createCsr, encodePem, generateKeyPair, parseCsr, exportSpki, type KeySpec } from '../../../src/pki';
import { openssl, tempDir } from '../../support/openssl';
import { describeCorpus, corpusFile, readCatalog } from '../../support/shared-corpus';

const tmp = tempDir('certkeep-csr-');
afterAll(() => tmp.cleanup());

function opensslReq(der: Uint8Array, args: string[]): string {
  const file = tmp.path(`req-${Math.random().toString(36).slice(2)}.der`);
  writeFileSync(file, der);
  return openssl(['req', '-inform', 'DER', '-in', file, ...args]).toString();
}

const cases: { name: string; spec: KeySpec; subject: string; oneline: string; rfc2253: string }[] = [
  {
    name: 'RSA-2048, Key Vault docs subject with a quoted comma',
    spec: { kty: 'RSA', size: 2048 },
    subject: 'DC=Contoso,OU="Docs,Contoso",CN=www.contosoHRApp.com',
    oneline: 'DC = Contoso, OU = "Docs,Contoso", CN = www.contosoHRApp.com',
    // RFC 2253 output lists the last RDN first.
    rfc2253: 'CN=www.contosoHRApp.com,OU=Docs\\,Contoso,DC=Contoso',
  },
  {
    name: 'EC P-256, spaces and S/E aliases',
    spec: { kty: 'EC', curve: 'P-256' },
    subject:
      'CN = learn.microsoft.com, OU = Microsoft Corporation, O = Microsoft Corporation, L = Redmond, S = WA, C = US, E = a@b.example',
    oneline:
      'CN = learn.microsoft.com, OU = Microsoft Corporation, O = Microsoft Corporation, L = Redmond, ST = WA, C = US, emailAddress = a@b.example',
    rfc2253:
      'emailAddress=a@b.example,C=US,ST=WA,L=Redmond,O=Microsoft Corporation,OU=Microsoft Corporation,CN=learn.microsoft.com',
  },
  {
    name: 'EC P-384, UTF-8 and escapes',
    spec: { kty: 'EC', curve: 'P-384' },
    subject: 'CN=Zoë \\+ Ål,O=a\\;b',
    // oneline quotes values holding separators.
    oneline: 'CN = "Zo\\C3\\AB + \\C3\\85l", O = "a;b"',
    rfc2253: 'O=a\\;b,CN=Zoë \\+ Ål',
  },
  {
    name: 'EC P-521',
    spec: { kty: 'EC', curve: 'P-521' },
    subject: 'CN=p521',
    oneline: 'CN = p521',
    rfc2253: 'CN=p521',
  },
];

describe('createCsr checked by openssl req', () => {
  it.each(cases)('$name: verifies and keeps the subject as written', async ({ spec, subject, oneline, rfc2253 }) => {
    const keys = await generateKeyPair(spec, false);
    const der = await createCsr({ subject, keys });
    const out = opensslReq(der, ['-verify', '-noout', '-subject', '-nameopt', 'oneline']);
    expect(out).toContain(`subject=${oneline}`);
    const rfc = opensslReq(der, ['-noout', '-subject', '-nameopt', 'RFC2253,-esc_msb']).trim();
    expect(rfc).toBe(`subject=${rfc2253}`);
    const info = await parseCsr(der);
    expect(info.signatureValid).toBe(true);
    expect(info.spki).toEqual(await exportSpki(keys.publicKey));
  });

  it('puts SANs (DNS, email, UPN, IPv4, IPv6, URI), key usage and EKU where openssl shows them', async () => {
    const keys = await generateKeyPair({ kty: 'RSA', size: 2048 }, false);
    const subjectAlternativeNames = {
      dnsNames: ['www.contoso.com', '*.contoso.com'],
      emails: ['admin@contoso.com'],
      userPrincipalNames: ['user@contoso.com'],
      ipAddresses: ['192.0.2.7', '2001:db8::1'],
      uniformResourceIdentifiers: ['https://contoso.com/id'],
    };
    const der = await createCsr({
      subject: 'CN=www.contoso.com',
      subjectAlternativeNames,
      keyUsage: ['digitalSignature', 'keyEncipherment'],
      enhancedKeyUsage: [EKU.serverAuth, EKU.clientAuth],
      keys,
    });
    const text = opensslReq(der, ['-verify', '-noout', '-text']);
    expect(text).toContain(
      'DNS:www.contoso.com, DNS:*.contoso.com, email:admin@contoso.com, othername: UPN::user@contoso.com, IP Address:192.0.2.7, IP Address:2001:DB8:0:0:0:0:0:1, URI:https://contoso.com/id',
    );
    expect(text).toMatch(/X509v3 Key Usage: critical\s+Digital Signature, Key Encipherment/);
    expect(text).toMatch(/X509v3 Extended Key Usage:\s+TLS Web Server Authentication, TLS Web Client Authentication/);
    expect(text).toContain('sha256WithRSAEncryption');
    const pem = new TextEncoder().encode(
      `text before\r\n${encodePem('CERTIFICATE REQUEST', der).replace(/\n/g, '\r\n')}`,
    );
    const info = await parseCsr(pem);
    expect(info).toMatchObject({
      subject: 'CN=www.contoso.com',
      subjectAlternativeNames,
      keyUsage: ['digitalSignature', 'keyEncipherment'],
      enhancedKeyUsage: [EKU.serverAuth, EKU.clientAuth],
      keySpec: { kty: 'RSA', size: 2048 },
      keyDescription: 'RSA 2048',
      signatureAlgorithm: 'sha256WithRSAEncryption',
      signatureValid: true,
    });
  });

  it.each([
    ['not a name', 'www.contoso.com', 'bad-name'],
    ['unknown type', 'XX=1', 'bad-name'],
    ['bad IP', 'CN=x', 'bad-input', { ipAddresses: ['300.1.1.1'] }],
    ['non-ascii DNS', 'CN=x', 'bad-input', { dnsNames: ['bücher.example'] }],
  ])('rejects %s', async (_n, subject, code, san?: object) => {
    const keys = await generateKeyPair({ kty: 'EC', curve: 'P-256' }, false);
    await expect(createCsr({ subject, keys, subjectAlternativeNames: san })).rejects.toMatchObject({
      name: 'PkiError',
      code,
    });
  });

  it('parseCsr notices a tampered signature', async () => {
    const keys = await generateKeyPair({ kty: 'EC', curve: 'P-256' }, false);
    const der = await createCsr({ subject: 'CN=tamper', keys });
    const bad = der.slice();
    bad[bad.length - 5] ^= 0x01;
    expect((await parseCsr(bad)).signatureValid).toBe(false);
  });
});

describeCorpus(`corpus CSRs`, () => {
  const rows = readCatalog().filter((r) => r.kind === 'csr');
  it.each(rows.map((r) => [r.path, r]))('%s parses; signature as openssl says (RSA/EC)', async (_p, row) => {
    const info = await parseCsr(corpusFile(row.path));
    expect(typeof info.subject).toBe('string');
    expect(info.signatureAlgorithm).toBe(row.keyAlgorithm.split(' / sig ')[1]);
    const webCryptoCan =
      /sig (sha256WithRSA|sha1WithRSA|ecdsa-with-SHA256)/.test(row.keyAlgorithm) && !row.keyAlgorithm.startsWith('DSA');
    if (webCryptoCan && row.opensslOk.includes('signature OK')) expect(info.signatureValid).toBe(true);
    if (row.opensslOk.includes('verify FAILED')) expect(info.signatureValid).toBe(false);
  });
});
