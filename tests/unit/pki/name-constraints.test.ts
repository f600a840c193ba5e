import { describe, expect, it } from 'vitest';
import {
  decodeNameConstraints,
  encodeNameConstraints,
  findNameViolation,
  type NameConstraints,
} from '../../../src/pki';
import { formatCidr, parseCidr } from '../../../src/pki/ip-address';
import { openssl } from '../../support/openssl';

const none = { dnsNames: [], emails: [], ipAddresses: [] };

describe('name constraints: encoding', () => {
  it('round-trips DNS, email and IP subtrees, and openssl reads the same', () => {
    const nc: NameConstraints = {
      permitted: {
        dnsNames: ['contoso.com', '.corp.example'],
        emails: ['contoso.com'],
        ipAddresses: ['10.0.0.0/8', 'fd00::/8'],
      },
      excluded: { dnsNames: ['secret.contoso.com'], ipAddresses: ['10.66.0.0/16'] },
    };
    const der = encodeNameConstraints(nc);
    expect(decodeNameConstraints(der)).toEqual(nc);
    // openssl asn1parse shows the [0]/[1] IMPLICIT subtrees and the 8- and 32-octet IP forms.
    const parsed = openssl(['asn1parse', '-inform', 'DER'], der).toString();
    expect(parsed).toMatch(/cont \[ 0 \]/);
    expect(parsed).toMatch(/cont \[ 1 \]/);
  });

  it('refuses an empty constraint and names that are not ASCII', () => {
    expect(() => encodeNameConstraints({ permitted: {} })).toThrow(/name nothing/);
    expect(() => encodeNameConstraints({ permitted: { dnsNames: ['bücher.de'] } })).toThrow(/bad dns/);
  });

  it.each([
    ['10.0.0.0/8', '10.0.0.0/8', 8],
    ['192.168.1.7', '192.168.1.7/32', 32],
    ['fd00::/8', 'fd00::/8', 8],
    ['2001:db8::/32', '2001:db8::/32', 32],
  ])('CIDR %s', (text, back, prefix) => {
    const r = parseCidr(text);
    expect(r.prefix).toBe(prefix);
    expect(formatCidr(new Uint8Array([...r.address, ...r.mask]))).toBe(back);
  });

  it.each(['10.1.0.0/8', '10.0.0.0/33', '10.0.0.0/x', 'fd00::1/8'])('CIDR %s is refused', (text) => {
    expect(() => parseCidr(text)).toThrow();
  });
});

describe('name constraints: matching (openssl rules)', () => {
  const permitted: NameConstraints = {
    permitted: { dnsNames: ['contoso.com'], emails: ['.contoso.com', 'ops@fabrikam.com'], ipAddresses: ['10.0.0.0/8'] },
    excluded: { dnsNames: ['secret.contoso.com'] },
  };
  it.each([
    ['the apex', { dnsNames: ['contoso.com'] }, undefined],
    ['a host under it', { dnsNames: ['www.Contoso.com.'] }, undefined],
    ['a look-alike', { dnsNames: ['badcontoso.com'] }, 'not permitted'],
    ['an excluded host', { dnsNames: ['a.secret.contoso.com'] }, 'excluded'],
    ['a wildcard over an excluded subtree', { dnsNames: ['*.contoso.com'] }, 'excluded'],
    ['an address in range', { ipAddresses: ['10.9.8.7'] }, undefined],
    ['an address out of range', { ipAddresses: ['192.168.0.1'] }, 'not permitted'],
    ['an IPv6 address (no IPv6 subtree permitted)', { ipAddresses: ['fd00::1'] }, 'not permitted'],
    ['a mailbox at a subdomain', { emails: ['a@mail.contoso.com'] }, undefined],
    ['a mailbox at the apex (".contoso.com" is subdomains only)', { emails: ['a@contoso.com'] }, 'not permitted'],
    ['the one permitted mailbox', { emails: ['ops@FABRIKAM.com'] }, undefined],
    ['another mailbox there', { emails: ['dev@fabrikam.com'] }, 'not permitted'],
    ['a host-like CN without DNS SANs', { commonNames: ['evil.example'] }, 'not permitted'],
  ])('%s', (_name, names, want) => {
    expect(findNameViolation({ ...none, ...names }, permitted)?.reason).toBe(want);
  });

  it('says which name and form is at fault', () => {
    expect(findNameViolation({ ...none, dnsNames: ['ok.contoso.com', 'x.org'] }, permitted)).toEqual({
      form: 'DNS name',
      name: 'x.org',
      reason: 'not permitted',
    });
  });
});
