/**
 * listPropertiesOfCertificates carries the list's issuer and key columns (from the policy on the
 * certificate record), so the UI needs no getCertificatePolicy per row.
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { openssl, tempDir } from '../../support/openssl';
import { collect, makeVault } from './vault-fixture';

const t = tempDir('certkeep-list-columns-');
afterAll(() => t.cleanup());

const columns = async (vault: Awaited<ReturnType<typeof makeVault>>['vault']) =>
  Object.fromEntries(
    (await collect(vault.listPropertiesOfCertificates({ includePending: true }))).map((p) => [
      p.name,
      { issuerName: p.issuerName, keyDescription: p.keyDescription },
    ]),
  );

describe('listPropertiesOfCertificates: issuerName and keyDescription', () => {
  it('created certificates (RSA default, RSA 3072, EC P-384, pending with Unknown)', async () => {
    const { vault } = await makeVault();
    await vault.createCertificate('rsa', { subject: 'CN=rsa' });
    await vault.createCertificate('rsa3072', { subject: 'CN=rsa3072', keyType: 'RSA', keySize: 3072 });
    await vault.createCertificate('ec', { subject: 'CN=ec', keyType: 'EC', keyCurveName: 'P-384' });
    await vault.createCertificate('csr', {
      subject: 'CN=csr',
      keyType: 'EC',
      keyCurveName: 'P-256',
      issuerName: 'Unknown',
    });
    expect(await columns(vault)).toEqual({
      rsa: { issuerName: 'Self', keyDescription: 'RSA 2048' },
      rsa3072: { issuerName: 'Self', keyDescription: 'RSA 3072' },
      ec: { issuerName: 'Self', keyDescription: 'EC P-384' },
      csr: { issuerName: 'Unknown', keyDescription: 'EC P-256' },
    });
    const pending = (await collect(vault.listPropertiesOfCertificates({ includePending: true }))).find(
      (p) => p.name === 'csr',
    );
    expect(pending).toMatchObject({ pending: true, subject: 'CN=csr' });
  });

  it('follows updateCertificatePolicy at once (issuer and key of the next version)', async () => {
    const { vault } = await makeVault();
    await vault.createCertificate('c', { subject: 'CN=c', keyType: 'EC' });
    expect((await columns(vault)).c).toEqual({ issuerName: 'Self', keyDescription: 'EC P-256' });
    await vault.updateCertificatePolicy('c', {
      issuerName: 'Unknown',
      lifetimeActions: [{ action: 'EmailContacts', daysBeforeExpiry: 30 }],
    });
    expect((await columns(vault)).c).toEqual({ issuerName: 'Unknown', keyDescription: 'EC P-256' });
    await vault.updateCertificatePolicy('c', { keyType: 'RSA', keySize: 4096, keyCurveName: undefined });
    expect((await columns(vault)).c).toEqual({ issuerName: 'Unknown', keyDescription: 'RSA 4096' });
  });

  it('imported: the key and issuer kind of the file (self-signed EC P-256 → Self; CA-issued RSA → Unknown)', async () => {
    openssl([
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-keyout',
      t.path('ec.key'),
      '-out',
      t.path('ec.pem'),
      '-subj',
      '/CN=ec',
    ]);
    openssl([
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      t.path('ca.key'),
      '-out',
      t.path('ca.pem'),
      '-subj',
      '/CN=Test CA',
    ]);
    openssl([
      'req',
      '-new',
      '-newkey',
      'rsa:3072',
      '-nodes',
      '-keyout',
      t.path('leaf.key'),
      '-out',
      t.path('leaf.csr'),
      '-subj',
      '/CN=leaf',
    ]);
    openssl([
      'x509',
      '-req',
      '-in',
      t.path('leaf.csr'),
      '-CA',
      t.path('ca.pem'),
      '-CAkey',
      t.path('ca.key'),
      '-CAcreateserial',
      '-out',
      t.path('leaf.pem'),
      '-days',
      '30',
    ]);
    const text = (...files: string[]) =>
      new TextEncoder().encode(files.map((f) => readFileSync(t.path(f), 'utf8')).join('\n'));
    const { vault } = await makeVault({ now: new Date() });
    await vault.importCertificate('self', text('ec.key', 'ec.pem'));
    await vault.importCertificate('issued', text('leaf.key', 'leaf.pem', 'ca.pem'));
    expect(await columns(vault)).toEqual({
      self: { issuerName: 'Self', keyDescription: 'EC P-256' },
      issued: { issuerName: 'Unknown', keyDescription: 'RSA 3072' },
    });
  });
});
