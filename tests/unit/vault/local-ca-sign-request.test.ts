/**
 * signCertificateRequest: an external CSR made by `openssl req -newkey` is signed by a Local
 * issuer and verifies; a CSR whose signature fails, or that asks for a name outside the CA's
 * permitted names, is refused with a message naming the problem; the CA may state its own
 * profile; what it signs is logged.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { collect } from './vault-fixture';
import { openssl } from '../../support/openssl';
import { describeCertificate, EKU } from '../../../src/vault';
import { AT_T0, makePki, refusal, type Pki } from './local-ca-fixture';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});
async function pki(): Promise<Pki> {
  const p = await makePki();
  cleanups.push(p.files.cleanup);
  return p;
}

/** `openssl req -newkey` as a requester would run it; DER. */
function opensslCsr(p: Pki, subject: string, san?: string, key = 'rsa:2048'): Uint8Array {
  const args = ['req', '-new', '-newkey', key, '-nodes', '-keyout', p.files.path('req.key'), '-subj', subject];
  if (san) args.push('-addext', `subjectAltName=${san}`);
  return new Uint8Array(openssl([...args, '-outform', 'DER']));
}

describe('signCertificateRequest', () => {
  it('signs an openssl CSR: SANs copied, chain to the root, openssl verify OK, logged without a certificate name', async () => {
    const p = await pki();
    const csr = opensslCsr(p, '/CN=api.contoso.com/O=Contoso', 'DNS:api.contoso.com,IP:10.4.4.4');
    const signed = await p.vault.signCertificateRequest('IssuingCA', csr, {
      validityInDays: 30,
      keyUsage: ['digitalSignature', 'keyEncipherment'],
      enhancedKeyUsage: [EKU.serverAuth],
    });
    expect(signed.chain).toHaveLength(3);
    expect(signed.chain[0]).toEqual(signed.certificate);
    expect(signed.warnings).toEqual([]);
    const leaf = await p.pem('api.pem', signed.certificate);
    expect(openssl(['verify', ...AT_T0, '-CAfile', p.rootPem, '-untrusted', p.interPem, leaf]).toString()).toContain(
      ': OK',
    );
    const text = openssl(['x509', '-in', leaf, '-noout', '-text']).toString();
    expect(text).toContain('DNS:api.contoso.com, IP Address:10.4.4.4');
    expect(text).toMatch(/X509v3 Extended Key Usage:\s+TLS Web Server Authentication/);
    expect(text).toMatch(/X509v3 Basic Constraints: critical\s+CA:FALSE/);
    const info = await describeCertificate(signed.certificate);
    expect(info.serialNumber).toBe(signed.serialNumber);
    expect(+info.notAfter - +info.notBefore).toBe(30 * 86_400_000);
    // RFC 5280 §4.1.2.2 positive, CA/B Forum BR §7.1: at least 64 random bits.
    expect(BigInt(`0x${signed.serialNumber}`)).toBeGreaterThan(2n ** 64n);

    const log = await collect(p.vault.listIssuedCertificates('IssuingCA'));
    const entry = log.find((e) => e.serialNumber === signed.serialNumber);
    expect(entry).toMatchObject({ subject: 'CN=api.contoso.com,O=Contoso', certificate: signed.certificate });
    expect(entry?.certificateName).toBeUndefined();
  });

  it('a CSR with a bad signature is refused, naming the signature', async () => {
    const p = await pki();
    const csr = opensslCsr(p, '/CN=api.contoso.com', 'DNS:api.contoso.com');
    csr[csr.length - 5] ^= 0x01;
    const e = await refusal(p.vault.signCertificateRequest('IssuingCA', csr));
    expect(e).toMatchObject({ name: 'VaultError', code: 'BadParameter', field: 'csr' });
    expect(e.message).toContain("The request's signature does not verify");
    expect(await collect(p.vault.listIssuedCertificates('IssuingCA'))).toHaveLength(0);
  });

  it('a CSR asking for a name outside the permitted names is refused, naming the name', async () => {
    const p = await pki();
    const csr = opensslCsr(p, '/CN=www.contoso.com', 'DNS:www.contoso.com,DNS:shop.fabrikam.com');
    const e = await refusal(p.vault.signCertificateRequest('IssuingCA', csr));
    expect(e).toMatchObject({ code: 'BadParameter', field: 'subjectAlternativeNames' });
    expect(e.message).toContain('"shop.fabrikam.com" is outside the names permitted by CA "inter"');
    // A host-like CN without SANs is checked too (openssl does).
    const cnOnly = opensslCsr(p, '/CN=evil.example.org');
    const e2 = await refusal(p.vault.signCertificateRequest('IssuingCA', cnOnly));
    expect(e2).toMatchObject({ field: 'subject' });
    expect(e2.message).toContain('"evil.example.org" in the subject');
    // The CA's own SAN list replaces the request's, and is checked the same way.
    const ok = await p.vault.signCertificateRequest('IssuingCA', csr, {
      subjectAlternativeNames: { dnsNames: ['www.contoso.com'] },
    });
    expect((await describeCertificate(ok.certificate)).subjectAlternativeNames).toEqual({
      dnsNames: ['www.contoso.com'],
    });
  });

  it('a subordinate CA from a CSR: keyCertSign by default, pathLength within the root; refused below pathlen 0', async () => {
    const p = await pki();
    const csr = opensslCsr(p, '/CN=Contoso Partner CA', undefined, 'ec:' + paramFile(p));
    const sub = await p.vault.signCertificateRequest('RootCA', csr, { basicConstraints: { ca: true } });
    const text = openssl(['x509', '-in', await p.pem('sub.pem', sub.certificate), '-noout', '-text']).toString();
    // The root has pathlen 1: a CA under it may have 0 at most, and gets 0 when none is asked.
    expect(text).toMatch(/X509v3 Basic Constraints: critical\s+CA:TRUE, pathlen:0/);
    expect(text).toMatch(/X509v3 Key Usage: critical\s+Certificate Sign, CRL Sign/);
    const deep = await refusal(
      p.vault.signCertificateRequest('RootCA', csr, { basicConstraints: { ca: true, pathLength: 3 } }),
    );
    expect(deep).toMatchObject({ field: 'basicConstraints' });
    expect(deep.message).toContain('pathLength 0 at most');
    const under = await refusal(p.vault.signCertificateRequest('IssuingCA', csr, { basicConstraints: { ca: true } }));
    expect(under.message).toContain('may not issue CA certificates');
  });

  it.each([
    ['keyEncipherment for an EC key', { keyUsage: ['keyEncipherment' as const] }, 'keyUsage'],
    ['a bad subject', { subject: 'CN' }, 'subject'],
    ['a validity of 0 days', { validityInDays: 0 }, 'validityInDays'],
  ])('refuses %s, naming the field', async (_what, options, field) => {
    const p = await pki();
    const csr = opensslCsr(p, '/CN=x.contoso.com', 'DNS:x.contoso.com', 'ec:' + paramFile(p));
    expect(await refusal(p.vault.signCertificateRequest('IssuingCA', csr, options))).toMatchObject({
      code: 'BadParameter',
      field,
    });
  });

  it('refuses what is not a CSR, an RSA key under 2048 bits, and an issuer that is not Local', async () => {
    const p = await pki();
    expect(await refusal(p.vault.signCertificateRequest('IssuingCA', new Uint8Array([1, 2, 3])))).toMatchObject({
      code: 'Malformed',
      field: 'csr',
    });
    const weak = opensslCsr(p, '/CN=old.contoso.com', 'DNS:old.contoso.com', 'rsa:1024');
    expect((await refusal(p.vault.signCertificateRequest('IssuingCA', weak))).message).toContain('1024 bits');
    await p.vault.createIssuer('Digi', 'DigiCert');
    const csr = opensslCsr(p, '/CN=x.contoso.com');
    expect(await refusal(p.vault.signCertificateRequest('Digi', csr))).toMatchObject({
      code: 'BadParameter',
      field: 'issuerName',
    });
  });
});

function paramFile(p: Pki): string {
  const f = p.files.path('p256.pem');
  writeFileSync(f, openssl(['ecparam', '-name', 'prime256v1']));
  return f;
}
