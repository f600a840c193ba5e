/**
 * Local CA issuers (ARCHITECTURE §8 "Local CA"): root → intermediate → leaf made in the vault,
 * judged by openssl; what a Local issuer refuses; a leaf cut to its CA's lifetime; a CA whose
 * key can never leave (RSA-HSM) still signs.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openssl, opensslOutcome } from '../../support/openssl';
import { describeCertificate } from '../../../src/vault';
import { AT_T0, leafPolicy, makePki, refusal, type Pki } from './local-ca-fixture';
import { makeVault } from './vault-fixture';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});
async function pki(...args: Parameters<typeof makePki>): Promise<Pki> {
  const p = await makePki(...args);
  cleanups.push(p.files.cleanup);
  return p;
}

describe('a private PKI in the vault', () => {
  it('root → intermediate → leaf: completes at once, chain leaf + intermediate + root, openssl verify OK', async () => {
    const p = await pki();
    const op = await p.vault.createCertificate('web', leafPolicy('www.contoso.com'));
    expect(op).toMatchObject({ status: 'completed', issuerName: 'IssuingCA', statusDetails: '' });
    const web = await p.vault.getCertificate('web');
    expect(web.chain).toHaveLength(3);
    const [root, inter] = await Promise.all([p.vault.getCertificate('root'), p.vault.getCertificate('inter')]);
    expect(web.chain[1]).toEqual(inter.cer);
    expect(web.chain[2]).toEqual(root.cer);
    expect(inter.chain).toEqual([inter.cer, root.cer]);
    const leaf = await p.pem('web.pem', web.cer);
    expect(openssl(['verify', ...AT_T0, '-CAfile', p.rootPem, '-untrusted', p.interPem, leaf]).toString()).toContain(
      ': OK',
    );

    const rootText = openssl(['x509', '-in', p.rootPem, '-noout', '-text']).toString();
    expect(rootText).toMatch(/X509v3 Basic Constraints: critical\s+CA:TRUE, pathlen:1/);
    expect(rootText).toMatch(/X509v3 Key Usage: critical\s+Certificate Sign, CRL Sign/);
    expect(rootText).toContain('X509v3 Subject Key Identifier');
    expect(rootText).not.toContain('Extended Key Usage');
    const interText = openssl(['x509', '-in', p.interPem, '-noout', '-text']).toString();
    expect(interText).toMatch(/X509v3 Basic Constraints: critical\s+CA:TRUE, pathlen:0/);
    expect(interText).toMatch(/X509v3 Key Usage: critical\s+Certificate Sign, CRL Sign/);
    expect(interText).toMatch(
      /X509v3 Name Constraints: critical\s+Permitted:\s+DNS:contoso.com\s+IP:10.0.0.0\/255.0.0.0\s+Excluded:\s+DNS:secret.contoso.com/,
    );
    expect(interText).toContain('X509v3 Authority Key Identifier');
    expect(interText).toContain('Issuer: CN = Contoso Root CA, O = Contoso');
    const leafText = openssl(['x509', '-in', leaf, '-noout', '-text']).toString();
    expect(leafText).toMatch(/X509v3 Basic Constraints: critical\s+CA:FALSE/);
    expect(leafText).toContain('DNS:www.contoso.com');
    const [leafInfo, interInfo] = await Promise.all([describeCertificate(web.cer), describeCertificate(inter.cer)]);
    expect(leafInfo.authorityKeyIdentifier).toBe(interInfo.subjectKeyIdentifier);
    // 90 days, as the policy's validityInDays says.
    expect(+leafInfo.notAfter - +leafInfo.notBefore).toBe(90 * 86_400_000);
  });

  it('a leaf signed by another tool with the intermediate key, outside the name constraints, fails openssl verify', async () => {
    const p = await pki();
    // The intermediate is exportable PEM: its key goes to openssl, which signs whatever it is told.
    const secret = new TextDecoder().decode((await p.vault.getSecret('inter')).value);
    const keyFile = p.files.path('inter.key');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(keyFile, secret);
    const ext = p.files.path('ext.cnf');
    writeFileSync(ext, 'subjectAltName=DNS:www.fabrikam.com\nbasicConstraints=critical,CA:FALSE\n');
    const csr = p.files.path('rogue.csr');
    openssl([
      'req',
      '-new',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-keyout',
      p.files.path('rogue.key'),
      '-subj',
      '/CN=www.fabrikam.com',
      '-out',
      csr,
    ]);
    const rogue = p.files.path('rogue.pem');
    openssl([
      'x509',
      '-req',
      '-in',
      csr,
      '-CA',
      p.interPem,
      '-CAkey',
      keyFile,
      '-days',
      '30',
      '-set_serial',
      '77',
      '-extfile',
      ext,
      '-out',
      rogue,
    ]);
    // openssl dated the rogue leaf by the machine's clock; the CAs are valid then too.
    const r = opensslOutcome(['verify', '-CAfile', p.rootPem, '-untrusted', p.interPem, rogue]);
    expect(r.ok).toBe(false);
    expect(r.out).toContain('permitted subtree violation');
    // The vault itself refuses to issue that name, naming it and the CA.
    const outside = await refusal(p.vault.createCertificate('fab', leafPolicy('www.fabrikam.com')));
    expect(outside).toMatchObject({ code: 'BadParameter', field: 'subjectAlternativeNames' });
    expect(outside.message).toMatch(
      /"www\.fabrikam\.com" is outside the names permitted by CA "inter" \(permitted: DNS contoso\.com, IP 10\.0\.0\.0\/8\)/,
    );
    expect((await refusal(p.vault.createCertificate('sec', leafPolicy('db.secret.contoso.com')))).message).toContain(
      'excluded by CA "inter"',
    );
    await expect(p.vault.getCertificate('fab')).rejects.toMatchObject({ code: 'NotFound' });
  });

  it('a leaf never outlives its CA: the validity is cut and the operation says so', async () => {
    const p = await pki({ inter: { validityInDays: 200 } });
    const op = await p.vault.createCertificate('long', leafPolicy('long.contoso.com', { validityInDays: 365 }));
    expect(op.statusDetails).toMatch(
      /Issued by CA "inter" until \d{4}-\d\d-\d\d, when the CA itself expires, instead of/,
    );
    const [leaf, inter] = await Promise.all([p.vault.getCertificate('long'), p.vault.getCertificate('inter')]);
    expect(leaf.properties.expiresOn).toEqual(inter.properties.expiresOn);
  });

  it('path length: under pathlen 0 no CA may be issued; the refusal names the limit', async () => {
    const p = await pki();
    const e = await refusal(
      p.vault.createCertificate('sub', {
        subject: 'CN=Too Deep CA',
        keyType: 'EC',
        issuerName: 'IssuingCA',
        basicConstraints: { ca: true },
      }),
    );
    expect(e).toMatchObject({ code: 'BadParameter', field: 'basicConstraints' });
    expect(e.message).toContain(
      'CA "inter" may not issue CA certificates: "CN=Contoso Issuing CA,O=Contoso" has pathLength 0',
    );
  });

  it.each([
    ['a certificate that is not a CA', 'leaf', /is not a CA certificate/],
    ['a certificate that does not exist', 'nothing', /was not found/],
  ])('createIssuer Local refuses %s, saying why', async (_what, certificateName, message) => {
    const p = await pki();
    await p.vault.createCertificate('leaf', leafPolicy('a.contoso.com'));
    const e = await refusal(p.vault.createIssuer('Bad', 'Local', { certificateName }));
    expect(e.field).toBe('certificateName');
    expect(e.message).toMatch(message);
    await expect(p.vault.createIssuer('Bad', 'Local', {})).rejects.toMatchObject({
      code: 'BadParameter',
      field: 'certificateName',
    });
    await expect(p.vault.getIssuer('Bad')).rejects.toMatchObject({ code: 'NotFound' });
  });

  it('createIssuer Local refuses a disabled CA and one whose key is not here; getIssuer shows certificateName', async () => {
    const p = await pki();
    expect(await p.vault.getIssuer('issuingca')).toMatchObject({
      name: 'IssuingCA',
      provider: 'Local',
      certificateName: 'inter',
    });
    await p.vault.updateCertificateProperties('root', undefined, { enabled: false });
    expect((await refusal(p.vault.createIssuer('Again', 'local', { certificateName: 'root' }))).message).toContain(
      'is disabled',
    );
    // A CA restored from a backup of a non-extractable key has no key here.
    const backup = await p.vault.backupCertificate('root', { password: 'pw' });
    const other = await makeVault();
    await other.vault.restoreCertificateBackup(backup, { password: 'pw' });
    await other.vault.updateCertificateProperties('root', undefined, { enabled: true });
    expect((await refusal(other.vault.createIssuer('R', 'Local', { certificateName: 'root' }))).message).toContain(
      'is not in this browser',
    );
  });

  it('deleting a Local issuer still named by a certificate is a Conflict', async () => {
    const p = await pki();
    await expect(p.vault.deleteIssuer('RootCA')).rejects.toMatchObject({ code: 'Conflict' });
  });

  it('a CA whose key is HSM-kind (never exportable) signs: sha256WithRSAEncryption, openssl verify OK', async () => {
    const p = await pki({ root: { keyType: 'RSA-HSM', keySize: 2048, keyCurveName: undefined } });
    const inter = await p.vault.getCertificate('inter');
    expect(openssl(['x509', '-in', p.interPem, '-noout', '-text']).toString()).toContain(
      'Signature Algorithm: sha256WithRSAEncryption',
    );
    expect(inter.keyExportable).toBe(true);
    const root = await p.vault.getCertificate('root');
    expect(root.keyExportable).toBe(false);
    expect(openssl(['verify', ...AT_T0, '-CAfile', p.rootPem, p.interPem]).toString()).toContain(': OK');
  });
});
