import { describe, expect, it } from 'vitest';
import { colonHex, commonName, statusOf } from '../../../src/ui/state/cert-status';
import { rowWindow, scrollToShow } from '../../../src/ui/state/row-window';
import { nameFromCn } from '../../../src/ui/state/import-naming';
import {
  defaultDraft,
  draftErrors,
  draftToPolicy,
  policyToDraft,
  withIssuer,
  withKeyType,
} from '../../../src/ui/state/policy-draft';

const NOW = new Date('2026-11-23T12:00:00Z');
const d = (s: string) => new Date(`${s}T12:00:00Z`);

describe('statusOf', () => {
  const cases: { name: string; p: Parameters<typeof statusOf>[0]; want: string }[] = [
    { name: 'valid', p: { enabled: true, notBefore: d('2026-01-01'), expiresOn: d('2027-06-01') }, want: 'valid' },
    {
      name: 'expires in 30 days',
      p: { enabled: true, notBefore: d('2026-01-01'), expiresOn: d('2026-12-23') },
      want: 'expires in 30 days',
    },
    {
      name: 'expires today',
      p: { enabled: true, notBefore: d('2026-01-01'), expiresOn: new Date('2026-11-23T23:00:00Z') },
      want: 'expires today',
    },
    {
      name: 'expires in 1 day',
      p: { enabled: true, notBefore: d('2026-01-01'), expiresOn: d('2026-11-24') },
      want: 'expires in 1 day',
    },
    { name: 'expired', p: { enabled: true, notBefore: d('2025-01-01'), expiresOn: d('2026-11-01') }, want: 'expired' },
    {
      name: 'disabled wins over dates',
      p: { enabled: false, notBefore: d('2026-01-01'), expiresOn: d('2027-06-01') },
      want: 'disabled',
    },
    { name: 'pending without a version', p: { enabled: true, pending: true }, want: 'pending' },
    {
      name: 'not yet valid',
      p: { enabled: true, notBefore: d('2026-12-01'), expiresOn: d('2027-12-01') },
      want: 'not yet valid',
    },
  ];
  it.each(cases)('$name', ({ p, want }) => expect(statusOf(p, NOW).label).toBe(want));
});

describe('commonName', () => {
  it.each([
    ['CN=www.contoso.com, O=Contoso', 'www.contoso.com'],
    ['O=Contoso,CN=a.b', 'a.b'],
    ['CN=\\<img src\\=x onerror\\=alert(1)\\>,O=Evil', '<img src=x onerror=alert(1)>'],
    ['CN="Docs, Contoso",O=X', 'Docs, Contoso'],
    ['O=No CN here', 'O=No CN here'],
    ['', ''],
  ])('%s → %s', (subject, want) => expect(commonName(subject)).toBe(want));
  it('prints fingerprints with colons', () => expect(colonHex('0a1b2c')).toBe('0A:1B:2C'));
});

describe('nameFromCn keeps Key Vault name rules (^[0-9a-zA-Z-]{1,127}$)', () => {
  it.each([
    ['www.contoso.com', 'www-contoso-com'],
    ['<img src=x onerror=alert(1)>', 'img-src-x-onerror-alert-1'],
    ['*.contoso.com', 'contoso-com'],
    ['Zürich Büro', 'Zurich-Buro'],
    ['!!!', 'imported-certificate'],
    ['a'.repeat(200), 'a'.repeat(127)],
  ])('%s → %s', (cn, want) => {
    expect(nameFromCn(cn)).toBe(want);
    expect(nameFromCn(cn)).toMatch(/^[0-9a-zA-Z-]{1,127}$/);
  });
});

describe('rowWindow: the rows a virtualised list renders', () => {
  it.each([
    ['the top of 100 000 rows: one screenful and the overscan below', 0, 400, 100_000, { start: 0, end: 18 }],
    ['scrolled to row 500: overscan on both sides', 500 * 40, 400, 100_000, { start: 492, end: 518 }],
    ['the end: nothing past the last row', 99_995 * 40, 400, 100_000, { start: 99_987, end: 100_000 }],
    ['fewer rows than a screen', 0, 400, 3, { start: 0, end: 3 }],
    ['not laid out yet (height 0): a first screenful anyway', 0, 0, 100, { start: 0, end: 28 }],
    ['an empty view', 0, 400, 0, { start: 0, end: 0 }],
  ])('%s', (_what, top, height, count, want) => {
    expect(rowWindow(top, height, 40, count)).toEqual(want);
  });

  it('scrollToShow scrolls up or down just enough, and not at all for a row in view', () => {
    expect(scrollToShow(5, 400, 400, 40)).toBe(200);
    expect(scrollToShow(20, 0, 400, 40)).toBe(440);
    expect(scrollToShow(3, 0, 400, 40)).toBeUndefined();
  });
});

describe('policy draft', () => {
  it('has Azure defaults and round-trips through the vault policy shape', () => {
    const draft = {
      ...defaultDraft(),
      subject: 'CN=x',
      sans: [
        { type: 'dns' as const, value: 'x.contoso.com' },
        { type: 'ip' as const, value: '10.0.0.1' },
      ],
    };
    const policy = draftToPolicy(draft);
    expect(policy).toMatchObject({
      keyType: 'RSA',
      keySize: 2048,
      exportable: true,
      reuseKey: false,
      contentType: 'application/x-pkcs12',
      validityInMonths: 12,
      keyUsage: ['digitalSignature', 'keyEncipherment'],
      enhancedKeyUsage: ['1.3.6.1.5.5.7.3.1', '1.3.6.1.5.5.7.3.2'],
      lifetimeActions: [{ action: 'AutoRenew', lifetimePercentage: 80 }],
      issuerName: 'Self',
      subjectAlternativeNames: { dnsNames: ['x.contoso.com'], ipAddresses: ['10.0.0.1'] },
    });
    expect(draftToPolicy(policyToDraft(policy))).toEqual(policy);
  });
  it('switches the default KU for EC, HSM is never exportable, other issuers notify', () => {
    const ec = withKeyType(defaultDraft(), 'EC');
    expect(ec.keyUsage).toEqual(['digitalSignature']);
    expect(draftToPolicy(ec)).toMatchObject({ keyType: 'EC', keyCurveName: 'P-256' });
    expect(draftToPolicy(ec).keySize).toBeUndefined();
    expect(withKeyType(defaultDraft(), 'RSA-HSM').exportable).toBe(false);
    expect(withIssuer(defaultDraft(), 'Unknown').lifetimeAction).toBe('EmailContacts');
  });
  it('checks ranges the vault also checks', () => {
    expect(draftErrors({ ...defaultDraft(), subject: 'CN=x', validityInMonths: '0' })).toEqual({
      validityInMonths: 'Validity must be a whole number of months, 1 or more.',
    });
    expect(draftErrors({ ...defaultDraft(), subject: 'CN=x', lifetimeValue: '100' })).toEqual({
      lifetimeActions: 'The lifetime percentage must be between 1 and 99.',
    });
    expect(
      draftErrors({ ...defaultDraft(), subject: 'CN=x', lifetimeTrigger: 'days', lifetimeValue: '325' })
        .lifetimeActions,
    ).toMatch(/1 and 324/);
    expect(draftErrors({ ...defaultDraft(), subject: '' })).toEqual({
      subject: 'Give a subject (e.g. CN=www.contoso.com) or at least one subject alternative name.',
    });
    expect(draftErrors({ ...defaultDraft(), subject: 'CN=ok' })).toEqual({});
  });
});

describe('derivedPolicy', () => {
  it('rounds the validity to the nearest month and keeps the key and issuer kind', async () => {
    const { derivedPolicy } = await import('../../../src/ui/state/import-naming');
    const base = {
      subject: 'CN=x',
      issuer: 'CN=x',
      subjectAlternativeNames: {},
      keyUsage: [],
      enhancedKeyUsage: [],
      selfSigned: true,
      keySpec: { kty: 'EC' as const, curve: 'P-384' as const },
    };
    const p90 = derivedPolicy({ ...base, notBefore: d('2026-11-23'), notAfter: d('2027-02-21') } as never);
    expect(p90).toMatchObject({ validityInMonths: 3, keyType: 'EC', keyCurveName: 'P-384', issuerName: 'Self' });
    const p1y = derivedPolicy({
      ...base,
      selfSigned: false,
      keySpec: { kty: 'RSA', size: 3072 },
      notBefore: d('2026-01-01'),
      notAfter: d('2027-01-01'),
    } as never);
    expect(p1y).toMatchObject({
      validityInMonths: 12,
      keyType: 'RSA',
      keySize: 3072,
      issuerName: 'Unknown',
      lifetimeActions: [{ action: 'EmailContacts', lifetimePercentage: 80 }],
    });
  });
});
