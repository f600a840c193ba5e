/**
 * The policy an import derives holds what the certificate says; where the certificate states no
 * key usage the default fills the policy and the inspection says so (derivedDefaults).
 * The certificates are made by openssl, which adds no key usage unless asked.
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { inspectImport } from '../../../src/vault/inspect-import';
import { openssl, tempDir } from '../../support/openssl';
import { makeVault } from './vault-fixture';

const t = tempDir('certkeep-derive-');
afterAll(() => t.cleanup());

/** key + self-signed certificate as one PEM file; `ext` are openssl -addext values. */
function makePem(name: string, alg: string[], ext: string[]): Uint8Array {
  openssl([
    'req',
    '-x509',
    '-newkey',
    ...alg,
    '-nodes',
    '-keyout',
    t.path(`${name}.key`),
    '-out',
    t.path(`${name}.pem`),
    '-subj',
    `/CN=${name}.contoso.com`,
    '-days',
    '90',
    ...ext.flatMap((e) => ['-addext', e]),
  ]);
  return new Uint8Array(Buffer.concat([readFileSync(t.path(`${name}.key`)), readFileSync(t.path(`${name}.pem`))]));
}
const certText = (name: string) => openssl(['x509', '-in', t.path(`${name}.pem`), '-noout', '-text']).toString();

const rsaNoKu = makePem('rsa-noku', ['rsa:2048'], []);
const ecNoKu = makePem('ec-noku', ['ec', '-pkeyopt', 'ec_paramgen_curve:P-256'], []);
const ecEncipherOnly = makePem('ec-ke', ['ec', '-pkeyopt', 'ec_paramgen_curve:P-256'], ['keyUsage=keyEncipherment']);
const rsaSigning = makePem('rsa-sign', ['rsa:2048'], ['keyUsage=critical,digitalSignature,keyCertSign']);

describe('import derives only what the certificate carries', () => {
  it('openssl made the test certificates as intended', () => {
    expect(certText('rsa-noku')).not.toContain('X509v3 Key Usage');
    expect(certText('ec-noku')).not.toContain('X509v3 Key Usage');
    expect(certText('rsa-sign')).toMatch(/X509v3 Key Usage: critical\s+Digital Signature, Certificate Sign/);
  });

  it('no key usage extension: the inspection names keyUsage as a default, the policy holds the default', async () => {
    expect((await inspectImport(rsaNoKu)).derivedDefaults).toEqual(['keyUsage']);
    expect((await inspectImport(ecNoKu)).derivedDefaults).toEqual(['keyUsage']);
    const { vault } = await makeVault({ now: new Date() });
    const rsa = await vault.importCertificate('rsa-noku', rsaNoKu);
    expect(rsa.policy.keyUsage).toEqual(['digitalSignature', 'keyEncipherment']);
    // No EKU in the certificate: none in the policy either (the default EKU is not invented).
    expect(rsa.policy.enhancedKeyUsage).toEqual([]);
    const ec = await vault.importCertificate('ec-noku', ecNoKu);
    expect(ec.policy.keyUsage).toEqual(['digitalSignature']);
  });

  it('a key usage the certificate states is taken as it is, with nothing reported as default', async () => {
    expect((await inspectImport(rsaSigning)).derivedDefaults).toEqual([]);
    const { vault } = await makeVault({ now: new Date() });
    const cert = await vault.importCertificate('rsa-sign', rsaSigning);
    expect([...(cert.policy.keyUsage ?? [])].sort()).toEqual(['digitalSignature', 'keyCertSign']);
  });

  it('an EC certificate whose only usage an EC key cannot do: dropped, so the default is reported', async () => {
    expect(certText('ec-ke')).toMatch(/X509v3 Key Usage:\s+Key Encipherment/);
    expect((await inspectImport(ecEncipherOnly)).derivedDefaults).toEqual(['keyUsage']);
  });

  it('nothing to import, nothing derived: a certificate without its key', async () => {
    const inspection = await inspectImport(new Uint8Array(readFileSync(t.path('rsa-noku.pem'))));
    expect(inspection).toMatchObject({ keyPresent: false, derivedDefaults: [] });
  });
});
