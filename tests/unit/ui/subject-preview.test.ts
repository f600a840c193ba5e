/**
 * The subject preview and every subject on screen print a name as `openssl x509 -noout -subject`
 * does. Checked against openssl itself on certificates the vault made and openssl made.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { describeCertificate, openVault, subjectAsOpenssl } from '../../../src/vault';
import { openssl, tempDir } from '../../support/openssl';

const tmp = tempDir('certkeep-subject-');
afterAll(() => tmp.cleanup());

/** What openssl prints for a DER certificate's subject, without the `subject=` label. */
function opensslSubject(der: Uint8Array): string {
  return openssl(['x509', '-inform', 'DER', '-noout', '-subject'], der)
    .toString('utf8')
    .replace(/^subject=/, '')
    .trim();
}

/** RFC 4514 text with every byte hex-escaped, so the value reaches the DER exactly. */
const escaped = (value: string): string =>
  [...new TextEncoder().encode(value)].map((b) => `\\${b.toString(16).padStart(2, '0')}`).join('');

let counter = 0;
async function certificateFor(subject: string): Promise<Uint8Array> {
  const vault = await openVault({ name: `subject-preview-${counter++}` });
  await vault.createCertificate('c', { subject, keyType: 'EC', keyCurveName: 'P-256' });
  const cert = await vault.getCertificate('c');
  vault.close();
  return cert.cer;
}

describe('subjectAsOpenssl', () => {
  it('prints the written order with openssl separators and quoting (the Key Vault docs example)', () => {
    expect(subjectAsOpenssl('DC=Contoso,OU="Docs,Contoso",CN=www.contosoHRApp.com')).toBe(
      'DC = Contoso, OU = "Docs,Contoso", CN = www.contosoHRApp.com',
    );
    expect(subjectAsOpenssl('CN=a+OU=b, O=x')).toBe('CN = a + OU = b, O = x');
    expect(subjectAsOpenssl('')).toBe('');
    expect(subjectAsOpenssl('this is not a name')).toBeUndefined();
  });

  it('matches openssl byte for byte: every ASCII character first, inside, last and alone, controls, UTF-8', async () => {
    const values: string[] = [];
    for (let b = 0x20; b <= 0x7e; b++) {
      const c = String.fromCharCode(b);
      values.push(`${c}x`, `x${c}x`, `x${c}`, c);
    }
    values.push('tab\there', 'del\x7f', 'Zürich', 'check ✓', '  two', 'end  ');
    const subject = values.map((v) => `OU=${escaped(v)}`).join(',');
    const der = await certificateFor(subject);
    const theirs = opensslSubject(der);
    expect(subjectAsOpenssl(subject)).toBe(theirs);
    // The viewer's path: the certificate parsed by the vault, then printed the same way.
    expect(subjectAsOpenssl((await describeCertificate(der)).subject)).toBe(theirs);
  });

  it('prints a character beyond the BMP as its four UTF-8 bytes, as openssl does', async () => {
    const subject = `CN=${escaped('smile 😀')}`;
    expect(subjectAsOpenssl(subject)).toBe(opensslSubject(await certificateFor(subject)));
    expect(subjectAsOpenssl(subject)).toBe('CN = smile \\F0\\9F\\98\\80');
  });

  it('names the attribute types as openssl does, multi-valued RDNs included', async () => {
    const subject =
      'CN=www.contoso.com+UID=u1,SN=Sur,G=Given,I=I,T=Title,SERIALNUMBER=123,STREET=Main 1,PostalCode=1000,' +
      'L=Zurich,ST=ZH,C=CH,O=Contoso,OU=Docs,E=pki@contoso.com,DC=contoso,DC=com,dnQualifier=dq,' +
      'organizationIdentifier=VATCH-1,2.5.4.15=Private Organization,1.3.6.1.4.1.311.60.2.1.3=CH,1.2.3.4=other';
    const der = await certificateFor(subject);
    expect(subjectAsOpenssl(subject)).toBe(opensslSubject(der));
  });

  it('prints what openssl wrote the same way openssl prints it back', async () => {
    openssl([
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-keyout',
      tmp.path('k.pem'),
      '-outform',
      'DER',
      '-out',
      tmp.path('c.der'),
      '-days',
      '1',
      '-utf8',
      '-multivalue-rdn',
      '-subj',
      '/DC=Contoso/OU=Docs,Contoso/CN=www.contosoHRApp.com+UID=x/O=Zürich "AG"/L=#1/ST=a\\\\b',
    ]);
    const der = new Uint8Array(openssl(['x509', '-inform', 'DER', '-in', tmp.path('c.der'), '-outform', 'DER']));
    expect(subjectAsOpenssl((await describeCertificate(der)).subject)).toBe(opensslSubject(der));
  });
});
