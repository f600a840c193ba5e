import { describe, expect, it } from 'vitest';
import { defaultPolicy, validatePolicy } from '../../../src/vault/policy';
import type { CertificatePolicy } from '../../../src/vault/types';

describe('defaultPolicy for CAs and Local issuers', () => {
  it('a CA gets keyCertSign + cRLSign, no EKU, and keeps its key; a Local issuer gets AutoRenew', () => {
    expect(defaultPolicy({ subject: 'CN=Root', basicConstraints: { ca: true } })).toMatchObject({
      keyUsage: ['keyCertSign', 'cRLSign'],
      enhancedKeyUsage: [],
      reuseKey: true,
    });
    expect(defaultPolicy({ subject: 'CN=a', issuerName: 'Issuing' }, { localIssuers: ['issuing'] })).toMatchObject({
      lifetimeActions: [{ action: 'AutoRenew', lifetimePercentage: 80 }],
    });
    expect(defaultPolicy({ subject: 'CN=a', issuerName: 'DigiCert' }, { localIssuers: ['issuing'] })).toMatchObject({
      lifetimeActions: [{ action: 'EmailContacts', lifetimePercentage: 80 }],
    });
  });
});

const ca = (extra: CertificatePolicy): CertificatePolicy => ({
  subject: 'CN=CA',
  basicConstraints: { ca: true },
  ...extra,
});

/** want: undefined = valid, [field, words] = BadParameter naming the field, its message containing the words. */
const cases: { name: string; policy: CertificatePolicy; want?: [string, string] }[] = [
  {
    name: 'a root with constraints',
    policy: ca({
      nameConstraints: {
        permitted: { dnsNames: ['contoso.com'], ipAddresses: ['10.0.0.0/8'], emails: ['.contoso.com'] },
      },
    }),
  },
  { name: 'pathLength 0', policy: ca({ basicConstraints: { ca: true, pathLength: 0 } }) },
  {
    name: 'pathLength without ca',
    policy: { subject: 'CN=a', basicConstraints: { ca: false, pathLength: 1 } },
    want: ['basicConstraints', 'CA certificates only'],
  },
  {
    name: 'negative pathLength',
    policy: ca({ basicConstraints: { ca: true, pathLength: -1 } }),
    want: ['basicConstraints', 'out of range'],
  },
  {
    name: 'ca not boolean',
    policy: { subject: 'CN=a', basicConstraints: { ca: 'yes' } as never },
    want: ['basicConstraints', 'ca: true or false'],
  },
  {
    name: 'a CA without keyCertSign',
    policy: ca({ keyUsage: ['digitalSignature'] }),
    want: ['keyUsage', 'keyCertSign'],
  },
  { name: 'a CA with reuseKey false', policy: ca({ reuseKey: false }), want: ['basicConstraints', 'keeps its key'] },
  {
    name: 'constraints without ca',
    policy: { subject: 'CN=a', nameConstraints: { permitted: { dnsNames: ['contoso.com'] } } },
    want: ['nameConstraints', 'CA certificates only'],
  },
  {
    name: 'a wildcard constraint',
    policy: ca({ nameConstraints: { permitted: { dnsNames: ['*.contoso.com'] } } }),
    want: ['nameConstraints', 'without wildcards'],
  },
  {
    name: 'host bits in a range',
    policy: ca({ nameConstraints: { excluded: { ipAddresses: ['10.1.0.0/8'] } } }),
    want: ['nameConstraints', 'CIDR'],
  },
  {
    name: 'a bad email constraint',
    policy: ca({ nameConstraints: { permitted: { emails: ['@contoso.com'] } } }),
    want: ['nameConstraints', 'not a mailbox or domain'],
  },
  { name: 'validityInDays 1', policy: { subject: 'CN=a', validityInDays: 1 } },
  {
    name: 'validityInDays 0',
    policy: { subject: 'CN=a', validityInDays: 0 },
    want: ['validityInDays', 'from 1 to 36525'],
  },
  {
    name: 'daysBeforeExpiry past validityInDays',
    policy: { subject: 'CN=a', validityInDays: 30, lifetimeActions: [{ action: 'AutoRenew', daysBeforeExpiry: 30 }] },
    want: ['lifetimeActions', 'from 1 to 29 (validityInDays − 1)'],
  },
  {
    name: 'daysBeforeExpiry with a one-day validity',
    policy: { subject: 'CN=a', validityInDays: 1, lifetimeActions: [{ action: 'AutoRenew', daysBeforeExpiry: 1 }] },
    want: ['lifetimeActions', 'use lifetimePercentage'],
  },
];

describe('validatePolicy: CA fields', () => {
  it.each(cases)('$name', ({ policy, want }) => {
    let thrown: unknown;
    try {
      validatePolicy(defaultPolicy(policy));
    } catch (e) {
      thrown = e;
    }
    if (!want) expect(thrown).toBeUndefined();
    else {
      expect(thrown).toMatchObject({ name: 'VaultError', code: 'BadParameter', field: want[0] });
      expect((thrown as Error).message).toContain(want[1]);
    }
  });

  it('AutoRenew needs Self or a Local issuer once the Local issuers are known', () => {
    const autoRenew = (issuerName: string): CertificatePolicy =>
      defaultPolicy({
        subject: 'CN=a',
        issuerName,
        lifetimeActions: [{ action: 'AutoRenew', lifetimePercentage: 80 }],
      });
    const issuers = { knownIssuers: ['Issuing', 'DigiCert'], localIssuers: ['Issuing'] };
    expect(() => validatePolicy(autoRenew('issuing'), issuers)).not.toThrow();
    expect(() => validatePolicy(autoRenew('Self'), issuers)).not.toThrow();
    expect(() => validatePolicy(autoRenew('DigiCert'), issuers)).toThrow(/"DigiCert": it is an external CA/);
  });
});
