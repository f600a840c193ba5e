import { describe, expect, it } from 'vitest';
import { caDraftError, describeNameConstraints, NO_CA } from '../../../src/ui/state/ca-draft';
import { profileOptions } from '../../../src/ui/state/csr-profiles';
import {
  defaultDraft,
  draftErrors,
  draftToPatch,
  draftToPolicy,
  policyToDraft,
  withCa,
  withIssuer,
} from '../../../src/ui/state/policy-draft';
import type { CertificatePolicy } from '../../../src/vault';

describe('the CA part of the policy form', () => {
  it('the CA switch gives a CA key usage and no EKU, keeps the key; off gives the defaults back', () => {
    const on = withCa({ ...defaultDraft(), subject: 'CN=Root' }, true);
    expect(on).toMatchObject({ keyUsage: ['keyCertSign', 'cRLSign'], enhancedKeyUsage: [], reuseKey: true });
    const off = withCa(on, false);
    expect(off.keyUsage).toEqual(defaultDraft().keyUsage);
    expect(off.enhancedKeyUsage).toEqual(defaultDraft().enhancedKeyUsage);
    // A usage the admin chose is kept either way.
    const chosen = withCa({ ...defaultDraft(), keyUsage: ['digitalSignature', 'keyCertSign'] }, true);
    expect(chosen.keyUsage).toEqual(['digitalSignature', 'keyCertSign']);
  });

  it('round-trips a CA policy with name constraints and validity in days', () => {
    const policy: CertificatePolicy = {
      ...draftToPolicy({ ...defaultDraft(), subject: 'CN=Root' }),
      validityInDays: 3650,
      basicConstraints: { ca: true, pathLength: 1 },
      nameConstraints: {
        permitted: { dnsNames: ['contoso.com', '.corp.contoso.com'], ipAddresses: ['10.0.0.0/8'] },
        excluded: { emails: ['.evil.example'] },
      },
    };
    const draft = policyToDraft(policy);
    expect(draft.ca.permittedDns).toBe('contoso.com\n.corp.contoso.com');
    expect(draftToPolicy(draft)).toEqual(policy);
    expect(describeNameConstraints(policy.nameConstraints)).toBe(
      'permitted DNS contoso.com, DNS .corp.contoso.com, IP 10.0.0.0/8; excluded email .evil.example',
    );
  });

  it('an update removes with null what the policy had and the form no longer gives', () => {
    const original: CertificatePolicy = {
      subject: 'CN=Root',
      validityInDays: 30,
      basicConstraints: { ca: true },
      nameConstraints: { permitted: { dnsNames: ['contoso.com'] } },
    };
    const draft = { ...withCa(policyToDraft(original), false), validityInDays: '' };
    expect(draftToPatch(draft, original)).toMatchObject({
      validityInDays: null,
      basicConstraints: null,
      nameConstraints: null,
    });
    expect(draftToPatch(policyToDraft(original), original)).toMatchObject({ validityInDays: 30 });
  });

  it('checks the path length and the days before asking the vault', () => {
    expect(caDraftError({ ...NO_CA, ca: true, pathLength: '-1' })).toMatch(/whole number from 0/);
    expect(caDraftError({ ...NO_CA, ca: true, pathLength: '' })).toBeUndefined();
    const d = { ...defaultDraft(), subject: 'CN=x', validityInDays: '0' };
    expect(draftErrors(d).validityInDays).toMatch(/1 to 36525/);
  });

  it('a Local issuer keeps AutoRenew; an external one falls back to notifying', () => {
    const d = withIssuer(defaultDraft(), 'DigiCert');
    expect(d.lifetimeAction).toBe('EmailContacts');
    expect(withIssuer(d, 'RootCA', true).lifetimeAction).toBe('AutoRenew');
  });
});

describe('CSR profiles', () => {
  it.each([
    [
      'tls-server',
      'RSA',
      { keyUsage: ['digitalSignature', 'keyEncipherment'], enhancedKeyUsage: ['1.3.6.1.5.5.7.3.1'] },
    ],
    ['tls-server', 'EC', { keyUsage: ['digitalSignature'], enhancedKeyUsage: ['1.3.6.1.5.5.7.3.1'] }],
    ['tls-client', 'EC', { keyUsage: ['digitalSignature'], enhancedKeyUsage: ['1.3.6.1.5.5.7.3.2'] }],
    ['code-signing', 'RSA', { enhancedKeyUsage: ['1.3.6.1.5.5.7.3.3'] }],
    ['sub-ca', 'EC', { keyUsage: ['keyCertSign', 'cRLSign'], basicConstraints: { ca: true, pathLength: 0 } }],
  ] as const)('%s for %s keys', (profile, kind, want) => {
    expect(profileOptions(profile, kind, 90, 0)).toMatchObject({ validityInDays: 90, ...want });
  });

  it('"as requested" states nothing but the validity', () => {
    expect(profileOptions('as-requested', 'RSA', 30)).toEqual({ validityInDays: 30 });
  });
});
