import { describe, expect, it } from 'vitest';
import { defaultPolicy, validatePolicy } from '../../../src/vault/policy';
import type { CertificatePolicy } from '../../../src/vault/types';
import { VaultError } from '../../../src/vault/vault-error';
import { stringContaining } from '../../support/match';

describe('defaultPolicy', () => {
  it('fills Azure defaults: Self gets AutoRenew, others EmailContacts, both at 80 %', () => {
    expect(defaultPolicy({ subject: 'CN=a' }).lifetimeActions).toEqual([
      { action: 'AutoRenew', lifetimePercentage: 80 },
    ]);
    expect(defaultPolicy({ subject: 'CN=a', issuerName: 'Unknown' }).lifetimeActions).toEqual([
      { action: 'EmailContacts', lifetimePercentage: 80 },
    ]);
    expect(defaultPolicy({ keyType: 'RSA-HSM' }).exportable).toBe(false);
    expect(defaultPolicy({ keyType: 'EC-HSM' })).toMatchObject({
      keyCurveName: 'P-256',
      keyUsage: ['digitalSignature'],
      exportable: false,
    });
    expect(defaultPolicy({ keyUsage: [] }).keyUsage).toEqual(['digitalSignature', 'keyEncipherment']);
  });
});

/** want: undefined = valid, string = BadParameter whose message contains it. */
const cases: { name: string; policy: CertificatePolicy; want: undefined | string; knownIssuers?: string[] }[] = [
  { name: 'defaults', policy: { subject: 'CN=a' }, want: undefined },
  {
    name: 'RFC 4514 quoting',
    policy: { subject: 'DC=Contoso,OU="Docs,Contoso",CN=www.contosoHRApp.com' },
    want: undefined,
  },
  { name: 'SANs without subject', policy: { subjectAlternativeNames: { dnsNames: ['a.example'] } }, want: undefined },
  { name: 'no subject, no SANs', policy: {}, want: 'subject is empty' },
  {
    name: 'bad subject',
    policy: { subject: 'not a name' },
    want: 'The subject name provided is not a valid X500 name',
  },
  {
    name: 'RSA 1024',
    policy: { subject: 'CN=a', keySize: 1024 },
    want: 'keySize 1024 is not allowed for RSA keys: use 2048, 3072, 4096',
  },
  { name: 'RSA 4096', policy: { subject: 'CN=a', keySize: 4096 }, want: undefined },
  {
    name: 'curve on RSA',
    policy: { subject: 'CN=a', keyCurveName: 'P-256' },
    want: 'keyCurveName applies to EC keys only',
  },
  { name: 'EC P-521', policy: { subject: 'CN=a', keyType: 'EC', keyCurveName: 'P-521' }, want: undefined },
  {
    name: 'EC P-256K',
    policy: { subject: 'CN=a', keyType: 'EC', keyCurveName: 'P-256K' as never },
    want: 'use P-256, P-384, P-521',
  },
  {
    name: 'EC size mismatch',
    policy: { subject: 'CN=a', keyType: 'EC', keyCurveName: 'P-384', keySize: 256 },
    want: 'does not fit curve P-384',
  },
  {
    name: 'exportable HSM',
    policy: { subject: 'CN=a', keyType: 'RSA-HSM', exportable: true },
    want: 'exportable cannot be true for keyType RSA-HSM',
  },
  {
    name: 'EC keyEncipherment',
    policy: { subject: 'CN=a', keyType: 'EC', keyUsage: ['digitalSignature', 'keyEncipherment'] },
    want: 'EC keys have no encrypt/wrap',
  },
  {
    name: 'EC decipherOnly',
    policy: { subject: 'CN=a', keyType: 'EC', keyUsage: ['decipherOnly'] },
    want: 'EC keys have no encrypt/wrap',
  },
  { name: 'EC keyAgreement', policy: { subject: 'CN=a', keyType: 'EC', keyUsage: ['keyAgreement'] }, want: undefined },
  {
    name: 'unknown KU',
    policy: { subject: 'CN=a', keyUsage: ['signEverything' as never] },
    want: 'keyUsage "signEverything" is unknown',
  },
  {
    name: 'EKU not an OID',
    policy: { subject: 'CN=a', enhancedKeyUsage: ['serverAuth'] },
    want: 'is not a dotted OID',
  },
  {
    name: 'two lifetime actions',
    policy: {
      subject: 'CN=a',
      lifetimeActions: [
        { action: 'AutoRenew', lifetimePercentage: 80 },
        { action: 'EmailContacts', daysBeforeExpiry: 30 },
      ],
    },
    want: 'at most one lifetime action',
  },
  {
    name: 'percentage 0',
    policy: { subject: 'CN=a', lifetimeActions: [{ action: 'EmailContacts', lifetimePercentage: 0 }] },
    want: 'from 1 to 99',
  },
  {
    name: 'percentage 99',
    policy: { subject: 'CN=a', lifetimeActions: [{ action: 'EmailContacts', lifetimePercentage: 99 }] },
    want: undefined,
  },
  {
    name: 'percentage 100',
    policy: { subject: 'CN=a', lifetimeActions: [{ action: 'EmailContacts', lifetimePercentage: 100 }] },
    want: 'from 1 to 99',
  },
  {
    name: 'days 324 of 12 months',
    policy: { subject: 'CN=a', lifetimeActions: [{ action: 'EmailContacts', daysBeforeExpiry: 324 }] },
    want: undefined,
  },
  {
    name: 'days 325 of 12 months',
    policy: { subject: 'CN=a', lifetimeActions: [{ action: 'EmailContacts', daysBeforeExpiry: 325 }] },
    want: 'from 1 to 324',
  },
  {
    name: 'days and percentage',
    policy: {
      subject: 'CN=a',
      lifetimeActions: [{ action: 'EmailContacts', daysBeforeExpiry: 3, lifetimePercentage: 3 }],
    },
    want: 'exactly one of',
  },
  {
    name: 'AutoRenew for Unknown',
    policy: {
      subject: 'CN=a',
      issuerName: 'Unknown',
      lifetimeActions: [{ action: 'AutoRenew', lifetimePercentage: 50 }],
    },
    want: 'AutoRenew is not possible with issuer "Unknown"',
  },
  { name: 'validity 0', policy: { subject: 'CN=a', validityInMonths: 0 }, want: 'validityInMonths 0 is out of range' },
  { name: 'validity 1200', policy: { subject: 'CN=a', validityInMonths: 1200 }, want: undefined },
  { name: 'validity 1.5', policy: { subject: 'CN=a', validityInMonths: 1.5 }, want: 'validityInMonths 1.5' },
  {
    name: 'contentType',
    policy: { subject: 'CN=a', contentType: 'text/plain' as never },
    want: 'contentType "text/plain" is not supported',
  },
  {
    name: 'unknown issuer name',
    policy: { subject: 'CN=a', issuerName: 'Acme' },
    knownIssuers: ['Other'],
    want: 'issuerName "Acme" is not an issuer',
  },
  {
    name: 'known issuer, any case',
    policy: { subject: 'CN=a', issuerName: 'acme' },
    knownIssuers: ['Acme'],
    want: undefined,
  },
  {
    name: 'bad IP SAN',
    policy: { subjectAlternativeNames: { ipAddresses: ['300.1.1.1'] } },
    want: 'not an IPv4 or IPv6',
  },
  { name: 'IPv6 SAN', policy: { subjectAlternativeNames: { ipAddresses: ['2001:db8::1'] } }, want: undefined },
  { name: 'bad email SAN', policy: { subjectAlternativeNames: { emails: ['nobody'] } }, want: 'name@domain' },
  { name: 'wildcard DNS SAN', policy: { subjectAlternativeNames: { dnsNames: ['*.contoso.com'] } }, want: undefined },
  { name: 'bad DNS SAN', policy: { subjectAlternativeNames: { dnsNames: ['a..b'] } }, want: 'is not a DNS name' },
];

describe('validatePolicy', () => {
  it.each(cases)('$name', ({ policy, want, knownIssuers }) => {
    const run = () => validatePolicy(defaultPolicy(policy), { knownIssuers });
    if (want === undefined) {
      expect(run).not.toThrow();
    } else {
      let thrown: unknown;
      try {
        run();
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(VaultError);
      expect(thrown).toMatchObject({ code: 'BadParameter', message: stringContaining(want) });
    }
  });
});
