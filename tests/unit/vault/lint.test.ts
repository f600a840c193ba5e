/**
 * The vault's lint API (ARCHITECTURE §8 "Lint"): policies that should and should not pass at
 * each SC-081 step, a request linted as the certificate it plus a policy would make, stored
 * certificates carrying a lint summary the list shows, bad input refused as BadParameter, and a
 * principal with no permission still able to lint (the methods read no vault data).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { EKU } from '../../../src/vault';
import type { CertificatePolicy, LintFinding } from '../../../src/vault/types';
import { openssl, tempDir } from '../../support/openssl';
import { NO_PERMISSIONS, protectedVault } from './access/access-fixture';
import { collect, makeVault } from './vault-fixture';

const tmp = tempDir('certkeep-vault-lint-');
afterAll(() => tmp.cleanup());

const ids = (findings: LintFinding[]): string[] => findings.map((f) => f.id).sort();
const publicTls = (p: CertificatePolicy): CertificatePolicy => ({
  subject: '',
  subjectAlternativeNames: { dnsNames: ['www.contoso.com'] },
  issuerName: 'Unknown',
  enhancedKeyUsage: [EKU.serverAuth],
  ...p,
});

const POLICY_CASES: { name: string; now: string; policy: CertificatePolicy; want: string[] }[] = [
  {
    name: 'Azure default 12 months, public, before SC-081',
    now: '2026-03-14T10:00:00Z',
    policy: publicTls({ validityInMonths: 12 }),
    want: [],
  },
  {
    name: '12 months on 2026-03-15',
    now: '2026-03-15T10:00:00Z',
    policy: publicTls({ validityInMonths: 12 }),
    want: ['e_tls_server_cert_valid_time_longer_than_200_days'],
  },
  {
    name: '198 days on 2026-03-15 (the default)',
    now: '2026-03-15T10:00:00Z',
    policy: publicTls({ validityInDays: 198 }),
    want: [],
  },
  {
    name: '199 days on 2026-03-15: the maximum by the BR count',
    now: '2026-03-15T10:00:00Z',
    policy: publicTls({ validityInDays: 199 }),
    want: ['w_tls_server_cert_valid_time_longer_than_199_days'],
  },
  {
    name: '198 days the day before 2027-03-15',
    now: '2027-03-14T10:00:00Z',
    policy: publicTls({ validityInDays: 198 }),
    want: [],
  },
  {
    name: '198 days on 2027-03-15',
    now: '2027-03-15T10:00:00Z',
    policy: publicTls({ validityInDays: 198 }),
    want: ['e_tls_server_cert_valid_time_longer_than_100_days'],
  },
  { name: '98 days on 2027-03-15', now: '2027-03-15T10:00:00Z', policy: publicTls({ validityInDays: 98 }), want: [] },
  {
    name: '98 days the day before 2029-03-15',
    now: '2029-03-14T10:00:00Z',
    policy: publicTls({ validityInDays: 98 }),
    want: [],
  },
  {
    name: '98 days on 2029-03-15',
    now: '2029-03-15T10:00:00Z',
    policy: publicTls({ validityInDays: 98 }),
    want: ['e_tls_server_cert_valid_time_longer_than_47_days'],
  },
  { name: '45 days on 2029-03-15', now: '2029-03-15T10:00:00Z', policy: publicTls({ validityInDays: 45 }), want: [] },
  {
    name: 'clientAuth from 2027-03-15',
    now: '2027-03-15T10:00:00Z',
    policy: publicTls({ validityInDays: 98, enhancedKeyUsage: [EKU.serverAuth, EKU.clientAuth] }),
    want: ['e_sub_cert_eku_client_auth_present'],
  },
  {
    name: 'a CN that is not a SAN, an email SAN and an internal name',
    now: '2026-12-01T10:00:00Z',
    policy: publicTls({
      validityInDays: 90,
      subject: 'CN=portal.contoso.com',
      subjectAlternativeNames: { dnsNames: ['www.contoso.com', 'nas.local'], emails: ['pki@contoso.com'] },
    }),
    want: [
      'e_dnsname_internal_name',
      'e_ext_san_rfc822_name_present',
      'e_subject_common_name_not_from_san',
      'n_subject_common_name_included',
    ],
  },
  {
    name: 'a CA policy is judged as a CA (no subscriber rules)',
    now: '2026-12-01T10:00:00Z',
    policy: { subject: 'CN=Contoso Root, O=Contoso, C=US', basicConstraints: { ca: true }, validityInMonths: 120 },
    want: [],
  },
];

describe('lintPolicy', () => {
  it.each(POLICY_CASES)('$name', async ({ now, policy, want }) => {
    const { vault } = await makeVault();
    expect(ids(await vault.lintPolicy(policy, { now: new Date(now) }))).toEqual([...want].sort());
  });

  it('a Self policy gets the public-TLS findings as notices; the field names where they belong', async () => {
    const { vault } = await makeVault();
    const findings = await vault.lintPolicy(
      { subject: 'CN=www.contoso.com', issuerName: 'Self', validityInMonths: 12 },
      { now: new Date('2026-12-01T00:00:00Z') },
    );
    const validity = findings.find((f) => f.id === 'e_tls_server_cert_valid_time_longer_than_200_days');
    expect(validity).toMatchObject({ severity: 'notice', field: 'validity', reference: 'BR 6.3.2 (SC-081)' });
    expect(validity?.message).toContain('198 days');
    // Clients need a SAN whoever issued the certificate: that one stays an error.
    expect(findings.filter((f) => f.severity !== 'notice').map((f) => f.id)).toEqual(['e_ext_san_missing']);
    // The same policy for a public CA: errors.
    const pub = await vault.lintPolicy(
      { subject: 'CN=www.contoso.com', issuerName: 'Unknown', validityInMonths: 12 },
      { now: new Date('2026-12-01T00:00:00Z') },
    );
    expect(pub.find((f) => f.id === validity?.id)?.severity).toBe('error');
    expect(pub.find((f) => f.id === 'e_ext_san_missing')).toMatchObject({
      severity: 'error',
      field: 'subjectAlternativeNames',
    });
  });

  it('refuses what is no policy, and a policy that does not validate, as BadParameter', async () => {
    const { vault } = await makeVault();
    await expect(vault.lintPolicy(null as unknown as CertificatePolicy)).rejects.toMatchObject({
      name: 'VaultError',
      code: 'BadParameter',
    });
    await expect(vault.lintPolicy({ keySize: 1000 })).rejects.toMatchObject({ code: 'BadParameter', field: 'keySize' });
    await expect(vault.lintPolicy({ subject: 'CN' })).rejects.toMatchObject({ code: 'BadParameter', field: 'subject' });
    await expect(vault.lintPolicy({}, { now: new Date('x') })).rejects.toMatchObject({ code: 'BadParameter' });
  });
});

describe('lintCertificateRequest', () => {
  const csr = (subject: string, san?: string): Uint8Array => {
    const args = ['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
    args.push('-keyout', tmp.path('k.pem'), '-subj', subject, '-outform', 'DER');
    if (san) args.push('-addext', `subjectAltName=${san}`, '-addext', 'extendedKeyUsage=serverAuth');
    return new Uint8Array(openssl(args));
  };

  it('lints the request as it stands, and with a policy its validity and stated fields', async () => {
    const { vault } = await makeVault({ now: new Date('2026-12-01T00:00:00Z') });
    const good = csr('/O=Contoso Ltd/C=US', 'DNS:www.contoso.com');
    expect(await vault.lintCertificateRequest(good)).toEqual([]);
    const bad = csr('/CN=intranet/OU=IT', 'DNS:intranet');
    expect(ids(await vault.lintCertificateRequest(bad))).toEqual([
      'e_dnsname_internal_name',
      'e_subj_orgunit_in_cert',
      'n_subject_common_name_included',
    ]);
    const long = await vault.lintCertificateRequest(good, { policy: { issuerName: 'Unknown', validityInMonths: 12 } });
    expect(ids(long)).toEqual(['e_tls_server_cert_valid_time_longer_than_200_days']);
    const renamed = await vault.lintCertificateRequest(good, {
      policy: { issuerName: 'Unknown', validityInDays: 90, subjectAlternativeNames: { dnsNames: ['a_b.contoso.com'] } },
    });
    expect(ids(renamed)).toEqual(['e_dnsname_underscore_in_trd']);
  });

  it('reads PEM too, and refuses what is no request as BadParameter or Malformed', async () => {
    const { vault } = await makeVault();
    const pem = new TextEncoder().encode(
      openssl(['req', '-in', '-', '-inform', 'DER'], csr('/O=Contoso Ltd/C=US', 'DNS:www.contoso.com')).toString(),
    );
    expect(await vault.lintCertificateRequest(pem)).toEqual([]);
    await expect(vault.lintCertificateRequest(new Uint8Array())).rejects.toMatchObject({
      code: 'BadParameter',
      field: 'csr',
    });
    await expect(vault.lintCertificateRequest(new Uint8Array([1, 2, 3]))).rejects.toMatchObject({
      name: 'VaultError',
      code: 'Malformed',
    });
  });
});

describe('lintCertificate and the stored summary', () => {
  it('a created certificate carries its lint counts to the list; lintCertificate gives the findings', async () => {
    const { vault } = await makeVault({ now: new Date('2026-12-01T00:00:00Z') });
    await vault.createCertificate('dev', { subject: 'CN=dev.local', validityInMonths: 12 });
    await vault.createCertificate('clean', {
      subject: 'O=Contoso Ltd, C=US',
      subjectAlternativeNames: { dnsNames: ['www.contoso.com'] },
      enhancedKeyUsage: [EKU.serverAuth],
      validityInDays: 90,
    });
    const listed = await collect(vault.listPropertiesOfCertificates());
    const byName = Object.fromEntries(listed.map((p) => [p.name, p.lintSummary]));
    // Self-signed: the public-TLS rules are notices; e_ext_san_missing stays an error.
    expect(byName.dev).toEqual({ errors: 1, warnings: 0, notices: 4 });
    expect(byName.clean).toEqual({ errors: 0, warnings: 0, notices: 0 });
    const dev = await vault.getCertificate('dev');
    expect(dev.properties.lintSummary).toEqual(byName.dev);
    const findings = await vault.lintCertificate(dev.cer);
    expect(findings.filter((f) => f.severity === 'error').map((f) => f.id)).toEqual(['e_ext_san_missing']);
    await expect(vault.lintCertificate(new Uint8Array([0x30, 0x03, 1, 2, 3]))).rejects.toMatchObject({
      name: 'VaultError',
      code: 'Malformed',
    });
    await expect(vault.lintCertificate('x' as unknown as Uint8Array)).rejects.toMatchObject({ code: 'BadParameter' });
  });

  it('a principal without any permission may lint; a locked vault may not', async () => {
    const t = await protectedVault();
    await t.vault.setAccessPolicy('guest', { passphrase: 'guest passphrase long', permissions: NO_PERMISSIONS });
    const guest = await t.reopen();
    await expect(guest.lintPolicy({})).rejects.toMatchObject({ code: 'Locked' });
    await guest.unlock({ principal: 'guest', passphrase: 'guest passphrase long' });
    expect(Array.isArray(await guest.lintPolicy({ subject: 'CN=x' }))).toBe(true);
    await expect(guest.getCertificate('x')).rejects.toMatchObject({ code: 'Forbidden' });
  });
});
