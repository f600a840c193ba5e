/**
 * A root → intermediate → leaf hierarchy and CRLs built by pki/, judged by openssl: the chain
 * verifies, the CA extensions read as a CA needs them, name constraints really sit in the CA
 * certificate (openssl refuses a leaf outside them), and a CRL verifies and revokes.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import {
  createCrl,
  createSelfSignedCertificate,
  encodePem,
  exportSpki,
  generateKeyPair,
  issueCertificate,
  parseCertificate,
} from '../../../src/pki';
import { openssl, opensslOutcome as tryOpenssl, tempDir } from '../../support/openssl';

const tmp = tempDir('certkeep-pki-ca-');
afterAll(() => tmp.cleanup());
const NOW = new Date(Date.now() - 60_000);

function pemFile(name: string, der: Uint8Array, label = 'CERTIFICATE'): string {
  const f = tmp.path(name);
  writeFileSync(f, encodePem(label, der));
  return f;
}

async function hierarchy() {
  const rootKeys = await generateKeyPair({ kty: 'EC', curve: 'P-384' }, false);
  const root = await createSelfSignedCertificate({
    subject: 'CN=Contoso Root CA,O=Contoso',
    keyUsage: ['keyCertSign', 'cRLSign'],
    isCa: true,
    pathLength: 1,
    keys: rootKeys,
    notBefore: NOW,
    validityInDays: 3650,
  });
  const interKeys = await generateKeyPair({ kty: 'RSA', size: 2048 }, false);
  const inter = await issueCertificate({
    subject: 'CN=Contoso Issuing CA,O=Contoso',
    publicKey: await exportSpki(interKeys.publicKey),
    keyUsage: ['keyCertSign', 'cRLSign'],
    isCa: true,
    pathLength: 0,
    nameConstraints: {
      permitted: { dnsNames: ['contoso.com'], ipAddresses: ['10.0.0.0/8'] },
      excluded: { dnsNames: ['secret.contoso.com'] },
    },
    issuerCertificate: root,
    issuerPrivateKey: rootKeys.privateKey,
    notBefore: NOW,
    validityInDays: 1825,
  });
  return { root, rootKeys, inter: inter.der, interKeys };
}

async function leafOf(h: Awaited<ReturnType<typeof hierarchy>>, dns: string) {
  const keys = await generateKeyPair({ kty: 'EC', curve: 'P-256' }, false);
  return issueCertificate({
    subject: `CN=${dns}`,
    publicKey: await exportSpki(keys.publicKey),
    subjectAlternativeNames: { dnsNames: [dns], ipAddresses: ['10.1.2.3'] },
    keyUsage: ['digitalSignature'],
    enhancedKeyUsage: ['1.3.6.1.5.5.7.3.1'],
    issuerCertificate: h.inter,
    issuerPrivateKey: h.interKeys.privateKey,
    notBefore: NOW,
    validityInDays: 90,
  });
}

describe('a local CA hierarchy, checked by openssl', () => {
  it('root → intermediate → leaf verifies; the CA extensions are as a CA needs them', async () => {
    const h = await hierarchy();
    const leaf = await leafOf(h, 'www.contoso.com');
    const rootFile = pemFile('root.pem', h.root);
    const interFile = pemFile('inter.pem', h.inter);
    const leafFile = pemFile('leaf.pem', leaf.der);
    expect(openssl(['verify', '-CAfile', rootFile, '-untrusted', interFile, leafFile]).toString()).toContain(': OK');

    const rootText = openssl(['x509', '-in', rootFile, '-noout', '-text']).toString();
    expect(rootText).toMatch(/X509v3 Basic Constraints: critical\s+CA:TRUE, pathlen:1/);
    expect(rootText).toMatch(/X509v3 Key Usage: critical\s+Certificate Sign, CRL Sign/);
    expect(rootText).toContain('X509v3 Subject Key Identifier');
    const interText = openssl(['x509', '-in', interFile, '-noout', '-text']).toString();
    expect(interText).toMatch(/X509v3 Basic Constraints: critical\s+CA:TRUE, pathlen:0/);
    expect(interText).toMatch(
      /X509v3 Name Constraints: critical\s+Permitted:\s+DNS:contoso.com\s+IP:10.0.0.0\/255.0.0.0\s+Excluded:\s+DNS:secret.contoso.com/,
    );
    expect(interText).toContain('X509v3 Authority Key Identifier');
    expect(interText).toContain('Signature Algorithm: ecdsa-with-SHA384');
    const [rootInfo, interInfo] = await Promise.all([parseCertificate(h.root), parseCertificate(h.inter)]);
    expect(interInfo.authorityKeyIdentifier).toBe(rootInfo.subjectKeyIdentifier);
    expect(interInfo.nameConstraints).toEqual({
      permitted: { dnsNames: ['contoso.com'], ipAddresses: ['10.0.0.0/8'] },
      excluded: { dnsNames: ['secret.contoso.com'] },
    });
  });

  it('a leaf outside the name constraints fails openssl verify (the constraint is in the CA certificate)', async () => {
    const h = await hierarchy();
    const rootFile = pemFile('root2.pem', h.root);
    const interFile = pemFile('inter2.pem', h.inter);
    for (const dns of ['www.fabrikam.com', 'a.secret.contoso.com']) {
      const leaf = await leafOf(h, dns);
      const r = tryOpenssl([
        'verify',
        '-CAfile',
        rootFile,
        '-untrusted',
        interFile,
        pemFile(`bad-${dns}.pem`, leaf.der),
      ]);
      expect(r.ok).toBe(false);
      expect(r.out).toMatch(/subtree violation/);
    }
  });

  it('a CRL verifies against the CA, lists the serial with its reason, and openssl -crl_check refuses the revoked leaf', async () => {
    const h = await hierarchy();
    const revoked = await leafOf(h, 'old.contoso.com');
    const kept = await leafOf(h, 'new.contoso.com');
    const crl = await createCrl({
      issuerCertificate: h.inter,
      issuerPrivateKey: h.interKeys.privateKey,
      thisUpdate: NOW,
      nextUpdate: new Date(NOW.getTime() + 7 * 86_400_000),
      crlNumber: 300,
      entries: [{ serialNumber: revoked.serialNumber, revokedOn: NOW, reason: 'keyCompromise' }],
    });
    const interFile = pemFile('inter3.pem', h.inter);
    const rootFile = pemFile('root3.pem', h.root);
    const crlDer = tmp.path('inter.crl');
    writeFileSync(crlDer, crl);
    const text = openssl(['crl', '-inform', 'DER', '-in', crlDer, '-CAfile', interFile, '-verify', '-noout', '-text']);
    const shown = text.toString();
    expect(shown).toContain(`Serial Number: ${revoked.serialNumber}`);
    expect(shown).toMatch(/X509v3 CRL Reason Code:\s+Key Compromise/);
    expect(shown).toMatch(/X509v3 CRL Number:\s+300/);
    expect(shown).toContain('X509v3 Authority Key Identifier');
    expect(shown).toContain('Next Update');
    expect(shown).toContain('Version 2');

    const crlPem = pemFile('inter.crl.pem', crl, 'X509 CRL');
    const bad = tryOpenssl([
      'verify',
      '-crl_check',
      '-CRLfile',
      crlPem,
      '-CAfile',
      rootFile,
      '-untrusted',
      interFile,
      pemFile('rev.pem', revoked.der),
    ]);
    expect(bad.ok).toBe(false);
    expect(bad.out).toContain('certificate revoked');
    const good = openssl([
      'verify',
      '-crl_check',
      '-CRLfile',
      crlPem,
      '-CAfile',
      rootFile,
      '-untrusted',
      interFile,
      pemFile('kept.pem', kept.der),
    ]);
    expect(good.toString()).toContain(': OK');
  });

  it('an unspecified reason is left out of the entry (RFC 5280 §5.3.1)', async () => {
    const h = await hierarchy();
    const crl = await createCrl({
      issuerCertificate: h.root,
      issuerPrivateKey: h.rootKeys.privateKey,
      thisUpdate: NOW,
      nextUpdate: new Date(NOW.getTime() + 86_400_000),
      crlNumber: 1,
      entries: [{ serialNumber: '7F01', revokedOn: NOW, reason: 'unspecified' }],
    });
    const shown = openssl(['crl', '-inform', 'DER', '-noout', '-text'], crl).toString();
    expect(shown).toContain('Serial Number: 7F01');
    expect(shown).not.toContain('CRL Reason Code');
  });
});
