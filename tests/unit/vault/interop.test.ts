/** What the vault makes, read by openssl: the CSR of a pending request and a Self certificate. */
import { writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { openssl, tempDir } from '../../support/openssl';
import { makeVault, T0 } from './vault-fixture';

const t = tempDir('certkeep-interop-');
afterAll(() => t.cleanup());
const file = (name: string, bytes: Uint8Array) => {
  writeFileSync(t.path(name), bytes);
  return t.path(name);
};

describe('vault output as openssl reads it', () => {
  it('the CSR of a pending request verifies and carries subject (RFC 4514 quoting), SANs, KU and EKU', async () => {
    const { vault } = await makeVault();
    const op = await vault.createCertificate('csr', {
      subject: 'DC=Contoso,OU="Docs,Contoso",CN=www.contosoHRApp.com',
      subjectAlternativeNames: { dnsNames: ['www.contosohrapp.com'], ipAddresses: ['10.0.0.1'] },
      issuerName: 'Unknown',
    });
    const f = file('req.der', op.csr!);
    const text = openssl(['req', '-inform', 'DER', '-in', f, '-verify', '-noout', '-text']).toString();
    expect(text).toMatch(/DC\s*=\s*Contoso, OU\s*=\s*"?Docs\\?,\s?Contoso"?, CN\s*=\s*www\.contosoHRApp\.com/);
    expect(text).toContain('DNS:www.contosohrapp.com');
    expect(text).toContain('IP Address:10.0.0.1');
    expect(text).toMatch(/Digital Signature, Key Encipherment/);
    expect(text).toMatch(/TLS Web Server Authentication, TLS Web Client Authentication/);
    expect(text).toContain('Public-Key: (2048 bit)');
  });

  it('a Self certificate verifies against itself and shows the policy (EC P-384, 6 months, KU, EKU)', async () => {
    const { vault } = await makeVault();
    await vault.createCertificate('self', {
      subject: 'CN=self.contoso.com, O=Contoso',
      keyType: 'EC',
      keyCurveName: 'P-384',
      validityInMonths: 6,
      keyUsage: ['digitalSignature', 'keyAgreement'],
      enhancedKeyUsage: ['1.3.6.1.5.5.7.3.1'],
    });
    const c = await vault.getCertificate('self');
    const f = file('self.der', c.cer);
    const pem = openssl(['x509', '-inform', 'DER', '-in', f]).toString();
    const pemFile = file('self.pem', new TextEncoder().encode(pem));
    // The vault's clock is T0 (2026-01-15); verify as of a day later, not the machine's date.
    const at = String(Math.floor(T0.getTime() / 1000) + 86400);
    expect(openssl(['verify', '-attime', at, '-CAfile', pemFile, '-partial_chain', pemFile]).toString()).toContain(
      'OK',
    );
    const text = openssl(['x509', '-in', pemFile, '-noout', '-text', '-dates']).toString();
    expect(text).toContain('NIST CURVE: P-384');
    expect(text).toMatch(/Digital Signature, Key Agreement/);
    expect(text).toContain('TLS Web Server Authentication');
    expect(text).toContain('notBefore=Jan 15 10:00:00 2026 GMT');
    expect(text).toContain('notAfter=Jul 15 10:00:00 2026 GMT');
    const fp = openssl(['x509', '-in', pemFile, '-noout', '-fingerprint', '-sha256'])
      .toString()
      .split('=')[1]
      .trim()
      .replace(/:/g, '');
    expect(c.properties.sha256Fingerprint).toBe(fp);
  });
});
