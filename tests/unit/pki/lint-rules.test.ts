/**
 * Lints no openssl command can provoke (it never makes an even modulus or exponent, nor a NUL
 * in a DNS name), on targets built by hand, and the SC-081 helpers the forms use.
 */
import { describe, expect, it } from 'vitest';
import { countedValidityDays, lintTarget, recommendedValidityDays, type LintTarget } from '../../../src/pki/lint';

const base = (over: Partial<LintTarget>): LintTarget => ({
  claimsCa: false,
  key: { kind: 'RSA', modulusBits: 2048, modulusOdd: true, exponent: 65537n },
  subject: [],
  san: { dnsNames: ['www.contoso.com'], ipAddresses: [], emails: [], uris: [], otherNames: 0 },
  keyUsage: ['digitalSignature'],
  enhancedKeyUsage: ['1.3.6.1.5.5.7.3.1'],
  audience: 'public',
  ...over,
});
const ON = new Date('2026-12-01T00:00:00Z');
const idsOf = async (t: LintTarget): Promise<string[]> => (await lintTarget(t, ON)).map((f) => f.id).sort();

describe('hand-built targets', () => {
  it.each([
    { name: 'clean', over: {}, want: [] },
    {
      name: 'even exponent',
      over: { key: { kind: 'RSA', modulusBits: 2048, modulusOdd: true, exponent: 65536n } },
      want: ['e_rsa_public_exponent_not_odd'],
    },
    {
      name: 'exponent 1',
      over: { key: { kind: 'RSA', modulusBits: 2048, modulusOdd: true, exponent: 1n } },
      want: ['e_rsa_public_exponent_too_small'],
    },
    {
      name: 'even modulus',
      over: { key: { kind: 'RSA', modulusBits: 2048, modulusOdd: false, exponent: 65537n } },
      want: ['w_rsa_mod_not_odd'],
    },
    {
      name: 'NUL in a DNS name',
      over: {
        san: { dnsNames: ['www.contoso.com\u0000.evil.com'], ipAddresses: [], emails: [], uris: [], otherNames: 0 },
      },
      want: ['e_san_dns_name_includes_null_char'],
    },
    { name: 'Ed25519', over: { key: { kind: 'other', name: 'Ed25519' } }, want: ['e_key_algorithm_not_allowed'] },
  ] as { name: string; over: Partial<LintTarget>; want: string[] }[])('$name', async ({ over, want }) => {
    expect(await idsOf(base(over))).toEqual(want);
  });

  it('a CA gets the key, signature and name rules but not the subscriber ones', async () => {
    const ca = base({
      claimsCa: true,
      keyUsage: ['keyCertSign', 'cRLSign'],
      enhancedKeyUsage: undefined,
      san: undefined,
      subject: [{ oid: '2.5.4.6', type: 'C', value: 'XX' }],
      key: { kind: 'RSA', modulusBits: 1024, modulusOdd: true, exponent: 65537n },
      validity: { notBefore: ON, notAfter: new Date('2036-12-01T00:00:00Z') },
    });
    expect(await idsOf(ca)).toEqual(['e_rsa_mod_less_than_2048_bits', 'e_subject_country_not_iso']);
  });
});

describe('SC-081 helpers', () => {
  it.each([
    ['2026-03-14T23:59:59Z', 396],
    ['2026-03-15T00:00:00Z', 198],
    ['2027-03-14T23:59:59Z', 198],
    ['2027-03-15T00:00:00Z', 98],
    ['2029-03-14T23:59:59Z', 98],
    ['2029-03-15T00:00:00Z', 45],
  ])('recommended validityInDays issued %s: %i', (at, days) => {
    expect(recommendedValidityDays(new Date(at))).toBe(days);
  });

  it('counts notAfter − notBefore + 1 s, any part of a day as a day', () => {
    const notBefore = new Date('2026-03-15T00:00:00Z');
    const plus = (ms: number) => ({ notBefore, notAfter: new Date(notBefore.getTime() + ms) });
    expect(countedValidityDays(plus(200 * 86_400_000 - 1000))).toBe(200);
    expect(countedValidityDays(plus(200 * 86_400_000))).toBe(201);
    expect(countedValidityDays(plus(198 * 86_400_000))).toBe(199);
  });
});
