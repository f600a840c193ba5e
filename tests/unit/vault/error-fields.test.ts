/**
 * Every VaultError about one input names it (`field`), so a form can show the message in place;
 * faults of Certkeep itself are Internal and say so, while damaged bytes stay Malformed.
 */
import { describe, expect, it } from 'vitest';
import { PkiError } from '../../../src/pki/pki-error';
import { openVault } from '../../../src/vault';
import { certificateNameProblem, issuerNameProblem, vaultNameProblem } from '../../../src/vault/names';
import { defaultPolicy, validatePolicy } from '../../../src/vault/policy';
import type { CertificatePolicy } from '../../../src/vault/types';
import { guard, parsing, toVaultError, VaultError, type VaultErrorField } from '../../../src/vault/vault-error';
import { makeVault } from './vault-fixture';
import { stringContaining, stringMatching } from '../../support/match';

function errorOf(fn: () => unknown): VaultError {
  try {
    fn();
  } catch (e) {
    if (e instanceof VaultError) return e;
    throw e;
  }
  throw new Error('expected a VaultError');
}

describe('validatePolicy names the policy field at fault', () => {
  const cases: { policy: CertificatePolicy; knownIssuers?: string[]; field: VaultErrorField; message?: RegExp }[] = [
    { policy: { keyType: 'DSA' as never }, field: 'keyType' },
    { policy: { keyType: 'EC', keySize: 2048 }, field: 'keySize' },
    { policy: { keySize: 1024 }, field: 'keySize' },
    { policy: { keyType: 'EC', keyCurveName: 'P-192' as never }, field: 'keyCurveName' },
    { policy: { keyType: 'RSA-HSM', exportable: true }, field: 'exportable' },
    { policy: { contentType: 'text/plain' as never }, field: 'contentType' },
    { policy: { keyType: 'EC', keyUsage: ['keyEncipherment'] }, field: 'keyUsage' },
    { policy: { enhancedKeyUsage: ['serverAuth'] }, field: 'enhancedKeyUsage' },
    { policy: { validityInMonths: 0 }, field: 'validityInMonths' },
    { policy: { lifetimeActions: [{ action: 'AutoRenew', lifetimePercentage: 100 }] }, field: 'lifetimeActions' },
    { policy: { lifetimeActions: [{ action: 'AutoRenew', daysBeforeExpiry: 1000 }] }, field: 'lifetimeActions' },
    { policy: { issuerName: 'Acme' }, knownIssuers: [], field: 'issuerName' },
    {
      policy: { subject: 'not a name' },
      field: 'subject',
      message: /^The subject name provided is not a valid X500 name/,
    },
    { policy: { subject: '' }, field: 'subject' },
    {
      policy: { subject: 'CN=x', subjectAlternativeNames: { ipAddresses: ['10.0.0.300'] } },
      field: 'subjectAlternativeNames',
    },
  ];
  it.each(cases)('$field: $policy', ({ policy, knownIssuers, field, message }) => {
    const e = errorOf(() => validatePolicy(defaultPolicy({ subject: 'CN=ok', ...policy }), { knownIssuers }));
    expect(e).toMatchObject({ code: 'BadParameter', field });
    if (message) expect(e.message).toMatch(message);
  });
});

describe('name rules are written once and thrown as they are shown', () => {
  it.each([
    ['web-01', undefined],
    ['', 'Give the certificate a name.'],
    ['a b', 'Use 1 to 127 letters, digits and hyphens (no spaces or dots).'],
    ['x'.repeat(128), 'Use 1 to 127 letters, digits and hyphens (no spaces or dots).'],
    ['a.b', 'Use 1 to 127 letters, digits and hyphens (no spaces or dots).'],
  ])('certificate %j', (name, problem) => {
    expect(certificateNameProblem(name)).toBe(problem);
  });

  it('vault names stop at 63 characters; issuers cannot be called Self or Unknown', () => {
    expect(vaultNameProblem('x'.repeat(63))).toBeUndefined();
    expect(vaultNameProblem('x'.repeat(64))).toBe('Use 1 to 63 letters, digits and hyphens.');
    expect(vaultNameProblem('')).toBe('Give the vault a name.');
    expect(issuerNameProblem('DigiCert-1')).toBeUndefined();
    expect(issuerNameProblem('self')).toMatch(/reserved/);
    expect(issuerNameProblem('x y')).toBe(certificateNameProblem('x y'));
  });

  it('the vault refuses with the same sentence, field "name"; looking up "Self" is NotFound, not a bad name', async () => {
    const { vault } = await makeVault();
    await expect(vault.createCertificate('a b', { subject: 'CN=x' })).rejects.toMatchObject({
      code: 'BadParameter',
      field: 'name',
      message: `The certificate name "a b" is not valid. ${certificateNameProblem('a b')}`,
    });
    await expect(vault.createIssuer('Unknown', 'DigiCert')).rejects.toMatchObject({
      code: 'BadParameter',
      field: 'name',
      message: stringContaining(issuerNameProblem('Unknown') ?? 'no problem?'),
    });
    await expect(vault.getIssuer('Self')).rejects.toMatchObject({ code: 'NotFound' });
    await expect(openVault({ name: 'no spaces' })).rejects.toMatchObject({
      code: 'BadParameter',
      field: 'name',
      message: stringContaining(vaultNameProblem('no spaces') ?? 'no problem?'),
    });
  });
});

describe('fields outside the policy', () => {
  it('name conflicts, tags, contacts, issuer fields and backup passwords', async () => {
    const { vault } = await makeVault();
    await vault.createCertificate('gone', { subject: 'CN=gone', keyType: 'EC' });
    await vault.deleteCertificate('gone');
    await expect(vault.createCertificate('GONE', { subject: 'CN=x' })).rejects.toMatchObject({
      code: 'Conflict',
      field: 'name',
    });
    await expect(
      vault.createCertificate('t', { subject: 'CN=t' }, { tags: { owner: 1 as unknown as string } }),
    ).rejects.toMatchObject({ code: 'BadParameter', field: 'tags' });
    await expect(vault.setContacts([{ email: 'not-an-address' }])).rejects.toMatchObject({ field: 'contacts' });
    await expect(vault.createIssuer('Digi', ' ')).rejects.toMatchObject({ field: 'provider' });
    await vault.createIssuer('Digi', 'DigiCert');
    await expect(vault.createIssuer('digi', 'DigiCert')).rejects.toMatchObject({ code: 'Conflict', field: 'name' });
    await vault.createCertificate('b', { subject: 'CN=b', keyType: 'EC' });
    await expect(vault.backupCertificate('b', { password: '' })).rejects.toMatchObject({ field: 'password' });
    const backup = await vault.backupCertificate('b', { password: 'right' });
    await expect(vault.restoreCertificateBackup(backup, { password: 'wrong' })).rejects.toMatchObject({
      code: 'InvalidPassword',
      field: 'password',
    });
    await expect(vault.importCertificate('i', new Uint8Array([1, 2, 3]))).rejects.toMatchObject({
      code: 'Malformed',
      field: 'file',
    });
  }, 60_000);
});

describe('toVaultError: Internal for faults of Certkeep, Malformed for damaged bytes', () => {
  const bug = () => Promise.reject(new TypeError("Cannot read properties of undefined (reading 'x')"));

  it('an unexpected exception outside parsing is Internal and says the fault is Certkeep’s', async () => {
    const e = await guard('Reading the certificate', bug).catch((x: unknown) => x);
    expect(e).toMatchObject({ name: 'VaultError', code: 'Internal' });
    expect((e as VaultError).message).toMatch(/fault in Certkeep, not in what was entered or in the file given/);
    expect((e as VaultError).message).not.toMatch(/damaged|not in a supported format/);
    expect((e as VaultError).field).toBeUndefined();
  });

  it('the same exception while reading untrusted bytes is Malformed, field "file"', async () => {
    await expect(parsing('The file', bug)).rejects.toMatchObject({ code: 'Malformed', field: 'file' });
  });

  it('pki errors keep their classification and gain their field', () => {
    expect(toVaultError(new PkiError('invalid-password', 'mac'), 'The PFX file')).toMatchObject({
      code: 'InvalidPassword',
      field: 'password',
    });
    expect(toVaultError(new PkiError('bad-name', 'x'), 'The subject')).toMatchObject({
      code: 'BadParameter',
      field: 'subject',
      message: stringMatching(/^The subject name provided is not a valid X500 name/),
    });
    expect(toVaultError(new PkiError('malformed', 'der'), 'The file', { parsing: true })).toMatchObject({
      code: 'Malformed',
      field: 'file',
    });
  });

  it('a VaultError passes through unchanged, field included', () => {
    const original = new VaultError('BadParameter', 'x', { field: 'keySize' });
    expect(toVaultError(original, 'ctx')).toBe(original);
    expect(new VaultError('Locked', 'locked')).not.toHaveProperty('cause');
  });
});
