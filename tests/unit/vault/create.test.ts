import { describe, expect, it } from 'vitest';
import { describeCertificate, describeCsr } from '../../../src/vault/describe';
import { EKU } from '../../../src/pki/asn1/oids';
import { collect, makeVault, T0 } from './vault-fixture';
import { stringContaining } from '../../support/match';

describe('createCertificate', () => {
  it('Self: makes key and self-signed certificate at once, operation completed, Azure defaults', async () => {
    const { vault } = await makeVault();
    const op = await vault.createCertificate('Web-1', { subject: 'CN=web.contoso.com' });
    expect(op.status).toBe('completed');
    expect(op.issuerName).toBe('Self');
    const cert = await vault.getCertificate('web-1');
    expect(cert.name).toBe('Web-1');
    expect(cert.properties.version).toMatch(/^[0-9a-f]{32}$/);
    expect(cert.id).toBe(`${vault.vaultUrl}/certificates/Web-1/${cert.properties.version}`);
    expect(cert.properties.notBefore?.getTime()).toBeLessThanOrEqual(T0.getTime());
    expect(cert.properties.expiresOn?.toISOString().slice(0, 10)).toBe('2027-01-15');
    expect(cert.policy).toMatchObject({
      keyType: 'RSA',
      keySize: 2048,
      exportable: true,
      reuseKey: false,
      contentType: 'application/x-pkcs12',
      validityInMonths: 12,
      keyUsage: ['digitalSignature', 'keyEncipherment'],
      enhancedKeyUsage: [EKU.serverAuth, EKU.clientAuth],
      lifetimeActions: [{ action: 'AutoRenew', lifetimePercentage: 80 }],
      issuerName: 'Self',
    });
    const info = await describeCertificate(cert.cer);
    expect(info.subject).toBe('CN=web.contoso.com');
    expect(info.selfSigned).toBe(true);
    expect(info.keyDescription).toBe('RSA 2048');
    expect(cert.properties.x509ThumbprintString).toBe(info.sha1Thumbprint);
    expect(Buffer.from(cert.properties.x509Thumbprint!).toString('hex').toUpperCase()).toBe(info.sha1Thumbprint);
    expect(cert.properties.sha256Fingerprint).toBe(info.sha256Fingerprint);
    expect(cert.keyExportable).toBe(true);
    expect(cert.keyIncluded).toBe(true);
  });

  it('EC policy: P-256 key, digitalSignature only by default', async () => {
    const { vault } = await makeVault();
    await vault.createCertificate('ec', { subject: 'CN=ec', keyType: 'EC' });
    const cert = await vault.getCertificate('ec');
    expect(cert.policy.keyCurveName).toBe('P-256');
    expect(cert.policy.keyUsage).toEqual(['digitalSignature']);
    expect((await describeCertificate(cert.cer)).keyDescription).toBe('EC P-256');
  });

  it('Unknown issuer: key + CSR, inProgress, no version until merge; listed only with includePending', async () => {
    const { vault } = await makeVault();
    const op = await vault.createCertificate('pending', {
      subject: 'CN=pending.contoso.com',
      issuerName: 'Unknown',
      subjectAlternativeNames: { dnsNames: ['pending.contoso.com'] },
    });
    expect(op.status).toBe('inProgress');
    // Key Vault's status details for a pending request, word for word (ARCHITECTURE §5).
    expect(op.statusDetails).toBe('Pending certificate created. Please Perform Merge to complete the request.');
    expect(await vault.getCertificateOperation('pending')).toMatchObject({
      status: 'inProgress',
      statusDetails: 'Pending certificate created. Please Perform Merge to complete the request.',
    });
    const csr = await describeCsr(op.csr!);
    expect(csr.subject).toBe('CN=pending.contoso.com');
    expect(csr.signatureValid).toBe(true);
    expect(csr.subjectAlternativeNames.dnsNames).toEqual(['pending.contoso.com']);
    await expect(vault.getCertificate('pending')).rejects.toMatchObject({ name: 'VaultError', code: 'NotFound' });
    expect(await collect(vault.listPropertiesOfCertificates())).toEqual([]);
    const pending = await collect(vault.listPropertiesOfCertificates({ includePending: true }));
    expect(pending.map((p) => [p.name, p.pending])).toEqual([['pending', true]]);
    expect((await vault.getCertificatePolicy('pending')).lifetimeActions).toEqual([
      { action: 'EmailContacts', lifetimePercentage: 80 },
    ]);
  });

  it('create or import while an operation is inProgress → Conflict', async () => {
    const { vault } = await makeVault();
    await vault.createCertificate('busy', { subject: 'CN=busy', issuerName: 'Unknown' });
    await expect(vault.createCertificate('BUSY', { subject: 'CN=busy' })).rejects.toMatchObject({ code: 'Conflict' });
    await expect(vault.importCertificate('busy', new Uint8Array([1, 2, 3]))).rejects.toMatchObject({
      code: 'Conflict',
    });
  });

  it('a named issuer must exist', async () => {
    const { vault } = await makeVault();
    await expect(vault.createCertificate('x', { subject: 'CN=x', issuerName: 'DigiCertProd' })).rejects.toMatchObject({
      code: 'BadParameter',
      message: stringContaining('DigiCertProd'),
    });
  });

  it('creating again makes a new version, newest first in the version list', async () => {
    const { vault, clock } = await makeVault();
    await vault.createCertificate('v', { subject: 'CN=v1' });
    clock.now = new Date('2026-02-01T00:00:00Z');
    await vault.createCertificate('v', { subject: 'CN=v2' });
    const versions = await collect(vault.listPropertiesOfCertificateVersions('v'));
    expect(versions.map((v) => v.subject)).toEqual(['CN=v2', 'CN=v1']);
    expect((await vault.getCertificate('v')).properties.version).toBe(versions[0].version);
  });

  it('reuseKey keeps the key across versions; otherwise a new key each time', async () => {
    const { vault, store } = await makeVault();
    await vault.createCertificate('r', { subject: 'CN=r', reuseKey: true });
    await vault.createCertificate('r', { subject: 'CN=r', reuseKey: true });
    await vault.createCertificate('n', { subject: 'CN=n' });
    await vault.createCertificate('n', { subject: 'CN=n' });
    const keyIds = (k: string) => store.read(async (tx) => new Set((await tx.versionsOf(k)).map((v) => v.keyId)).size);
    expect(await keyIds('r')).toBe(1);
    expect(await keyIds('n')).toBe(2);
  });

  it('names: valid characters only, case-insensitive unique', async () => {
    const { vault } = await makeVault();
    for (const bad of ['', 'a_b', 'a b', 'x'.repeat(128), 'é']) {
      await expect(vault.createCertificate(bad, { subject: 'CN=x' })).rejects.toMatchObject({ code: 'BadParameter' });
    }
    await vault.createCertificate('x'.repeat(127), { subject: 'CN=x' });
    await vault.createCertificate('Case', { subject: 'CN=a' });
    await vault.createCertificate('CASE', { subject: 'CN=b' });
    const list = await collect(vault.listPropertiesOfCertificates());
    expect(list.filter((p) => p.name.toLowerCase() === 'case')).toHaveLength(1);
  });

  it("a bad subject is BadParameter with Key Vault's words", async () => {
    const { vault } = await makeVault();
    await expect(vault.createCertificate('s', { subject: 'CN=a,=b' })).rejects.toMatchObject({
      code: 'BadParameter',
      message: 'The subject name provided is not a valid X500 name: "CN=a,=b".',
    });
  });

  it('a bad policy changes nothing: not even a key is stored', async () => {
    const { vault, dump } = await makeVault();
    await vault.createCertificate('keep', { subject: 'CN=keep', keyType: 'EC' });
    const before = await dump();
    for (const policy of [
      { subject: 'CN=x', keySize: 1024 },
      { subject: 'CN=x', keyType: 'EC', keyUsage: ['keyEncipherment'] },
      { subject: 'CN=x', keyType: 'RSA-HSM', exportable: true },
      { subject: 'CN=x', issuerName: 'Unknown', lifetimeActions: [{ action: 'AutoRenew', daysBeforeExpiry: 10 }] },
      { subject: 'CN=x', validityInMonths: 1201 },
    ] as const) {
      await expect(vault.createCertificate('keep', policy as never), JSON.stringify(policy)).rejects.toMatchObject({
        name: 'VaultError',
        code: 'BadParameter',
      });
    }
    expect(await dump()).toEqual(before);
  });
});
