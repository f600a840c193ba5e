/**
 * Every lint against certificates openssl made (`openssl ca` with one extension file each, so a
 * case differs from the clean certificate in one thing), and the SC-081 steps with issuance the
 * day before and on 2026-03-15, 2027-03-15 and 2029-03-15 at, under and over each maximum.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { certificateLintTarget, lintTarget } from '../../../src/pki/lint';
import { decodePem } from '../../../src/pki/pem';
import { openssl, tempDir } from '../../support/openssl';

const tmp = tempDir('certkeep-lint-');
afterAll(() => tmp.cleanup());
const f = (name: string): string => tmp.path(name);

const CLEAN_EXT = {
  basicConstraints: 'critical,CA:FALSE',
  keyUsage: 'critical,digitalSignature',
  extendedKeyUsage: 'serverAuth',
  subjectAltName: 'DNS:www.contoso.com,DNS:contoso.com',
};

beforeAll(() => {
  openssl(['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', f('ca.key')]);
  openssl([
    'req',
    '-x509',
    '-new',
    '-key',
    f('ca.key'),
    '-subj',
    '/C=US/O=Lint Test CA/CN=Lint Test CA',
    '-days',
    '9000',
    '-out',
    f('ca.pem'),
  ]);
  openssl(['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', f('leaf.key')]);
  writeFileSync(f('index.txt'), '');
  writeFileSync(f('index.txt.attr'), 'unique_subject = no\n');
  writeFileSync(
    f('ca.cnf'),
    [
      '[ca]',
      'default_ca = lint',
      '[lint]',
      `dir = ${tmp.dir}`,
      'database = $dir/index.txt',
      'new_certs_dir = $dir',
      'serial = $dir/serial',
      'rand_serial = yes',
      'unique_subject = no',
      'policy = anything',
      'default_md = sha256',
      'email_in_dn = yes',
      '[anything]',
      'countryName = optional',
      'organizationName = optional',
      'commonName = optional',
      '',
    ].join('\n'),
  );
});

interface Case {
  name: string;
  subject?: string;
  ext?: Partial<Record<keyof typeof CLEAN_EXT, string | undefined>>;
  /** openssl genpkey arguments for the leaf key; default EC P-256 */
  key?: string[];
  start?: string;
  days?: number;
  md?: string;
  want: string[];
}

let serial = 0;
/** A certificate `openssl ca` issues for the case; start is an ISO date, days the exact validity period. */
function issue(c: Case): Uint8Array {
  const n = serial++;
  let key = f('leaf.key');
  if (c.key) {
    key = f(`k${n}.key`);
    openssl(['genpkey', ...c.key, '-out', key]);
  }
  const ext: Record<string, string | undefined> = { ...CLEAN_EXT, ...c.ext };
  writeFileSync(
    f(`e${n}.cnf`),
    `[x]\n${Object.entries(ext)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k} = ${v}`)
      .join('\n')}\n`,
  );
  openssl([
    'req',
    '-new',
    '-key',
    key,
    '-subj',
    c.subject ?? '/C=US/O=Contoso Ltd',
    '-multivalue-rdn',
    '-out',
    f(`r${n}.csr`),
  ]);
  const start = new Date(c.start ?? '2026-06-01T00:00:00Z');
  // notAfter = start + days − 1 s: a validity period (notAfter − notBefore + 1 s) of exactly `days`.
  const end = new Date(start.getTime() + (c.days ?? 90) * 86_400_000 - 1000);
  const t = (d: Date): string => d.toISOString().replace(/[-:T]/g, '').slice(0, 14) + 'Z';
  openssl([
    'ca',
    '-batch',
    '-config',
    f('ca.cnf'),
    '-cert',
    f('ca.pem'),
    '-keyfile',
    f('ca.key'),
    '-preserveDN',
    '-startdate',
    t(start),
    '-enddate',
    t(end),
    '-md',
    c.md ?? 'sha256',
    '-extfile',
    f(`e${n}.cnf`),
    '-extensions',
    'x',
    '-notext',
    '-in',
    f(`r${n}.csr`),
    '-out',
    f(`c${n}.pem`),
  ]);
  return decodePem(readFileSync(f(`c${n}.pem`), 'latin1'))[0].der;
}

async function idsOf(c: Case): Promise<string[]> {
  const target = certificateLintTarget(issue(c));
  const findings = await lintTarget(target, target.validity?.notBefore ?? new Date());
  for (const x of findings) {
    expect(x.message.length).toBeGreaterThan(20);
    expect(x.reference).toMatch(/^(BR|RFC|Mozilla|Chrome)/);
  }
  return findings.map((x) => x.id).sort();
}

const RULE_CASES: Case[] = [
  { name: 'a clean TLS server certificate', want: [] },
  { name: 'no SAN', ext: { subjectAltName: undefined }, want: ['e_ext_san_missing'] },
  {
    name: 'RSA 1024',
    key: ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:1024'],
    want: ['e_rsa_mod_less_than_2048_bits'],
  },
  {
    name: 'RSA 2052 bits',
    key: ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2052'],
    want: ['e_mp_modulus_must_be_divisible_by_8'],
  },
  {
    name: 'RSA 2048 exponent 3 is allowed',
    key: ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-pkeyopt', 'rsa_keygen_pubexp:3'],
    want: [],
  },
  {
    name: 'secp256k1',
    key: ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:secp256k1'],
    want: ['e_ec_improper_curves'],
  },
  {
    name: 'CN in the SAN',
    subject: '/C=US/O=Contoso Ltd/CN=www.contoso.com',
    want: ['n_subject_common_name_included'],
  },
  {
    name: 'CN not in the SAN',
    subject: '/C=US/O=Contoso Ltd/CN=mail.contoso.com',
    want: ['e_subject_common_name_not_from_san', 'n_subject_common_name_included'],
  },
  {
    name: 'label over 63',
    ext: { subjectAltName: `DNS:${'a'.repeat(64)}.contoso.com` },
    want: ['e_dnsname_label_too_long'],
  },
  { name: 'bad character', ext: { subjectAltName: 'DNS:www.con!oso.com' }, want: ['e_dnsname_bad_character_in_label'] },
  { name: 'empty label', ext: { subjectAltName: 'DNS:www..contoso.com' }, want: ['e_dnsname_contains_empty_label'] },
  { name: 'hyphen at a label end', ext: { subjectAltName: 'DNS:www.contoso-.com' }, want: ['e_dnsname_hyphen_in_sld'] },
  {
    name: 'bad punycode',
    ext: { subjectAltName: 'DNS:xn--zz.contoso.com' },
    want: ['e_international_dns_name_not_unicode'],
  },
  { name: 'good punycode', ext: { subjectAltName: 'DNS:xn--bcher-kva.contoso.com' }, want: [] },
  {
    name: 'reserved IDN prefix',
    ext: { subjectAltName: 'DNS:ab--cd.contoso.com' },
    want: ['e_dnsname_contains_prohibited_reserved_label'],
  },
  { name: 'unknown TLD', ext: { subjectAltName: 'DNS:www.contoso.notatld' }, want: ['e_dnsname_not_valid_tld'] },
  { name: 'bare public suffix', ext: { subjectAltName: 'DNS:co.uk' }, want: ['e_dnsname_contains_bare_iana_suffix'] },
  {
    name: 'wildcard not left-most',
    ext: { subjectAltName: 'DNS:www.*.contoso.com' },
    want: ['e_dnsname_wildcard_only_in_left_label'],
  },
  {
    name: 'wildcard inside a label',
    ext: { subjectAltName: 'DNS:w*.contoso.com' },
    want: ['e_dnsname_left_label_wildcard_correct'],
  },
  { name: 'a proper wildcard', ext: { subjectAltName: 'DNS:*.contoso.com' }, want: [] },
  {
    name: 'wildcard left of a public suffix',
    ext: { subjectAltName: 'DNS:*.co.uk' },
    want: ['w_dnsname_wildcard_left_of_public_suffix'],
  },
  {
    name: 'underscore in the registered label',
    ext: { subjectAltName: 'DNS:www.con_toso.com' },
    want: ['e_dnsname_underscore_in_sld'],
  },
  {
    name: 'underscore in a subdomain',
    ext: { subjectAltName: 'DNS:_acme.contoso.com' },
    want: ['e_dnsname_underscore_in_trd'],
  },
  { name: '.local name', ext: { subjectAltName: 'DNS:printer.local' }, want: ['e_dnsname_internal_name'] },
  { name: '.internal name', ext: { subjectAltName: 'DNS:db.corp.internal' }, want: ['e_dnsname_internal_name'] },
  { name: 'single-label name', ext: { subjectAltName: 'DNS:intranet' }, want: ['e_dnsname_internal_name'] },
  {
    name: 'reserved IPv4',
    ext: { subjectAltName: 'DNS:www.contoso.com,IP:10.1.2.3' },
    want: ['e_ext_san_contains_reserved_ip'],
  },
  {
    name: 'reserved IPv6',
    ext: { subjectAltName: 'DNS:www.contoso.com,IP:fd00::1' },
    want: ['e_ext_san_contains_reserved_ip'],
  },
  { name: 'public IP', ext: { subjectAltName: 'DNS:www.contoso.com,IP:20.1.2.3' }, want: [] },
  {
    name: 'email SAN',
    ext: { subjectAltName: 'DNS:www.contoso.com,email:pki@contoso.com' },
    want: ['e_ext_san_rfc822_name_present'],
  },
  {
    name: 'URI SAN',
    ext: { subjectAltName: 'DNS:www.contoso.com,URI:https://contoso.com/' },
    want: ['e_ext_san_uniform_resource_identifier_present'],
  },
  {
    name: 'UPN otherName',
    ext: { subjectAltName: 'DNS:www.contoso.com,otherName:1.3.6.1.4.1.311.20.2.3;UTF8:u@contoso.com' },
    want: ['e_ext_san_other_name_present'],
  },
  { name: 'no EKU', ext: { extendedKeyUsage: undefined }, want: ['e_sub_cert_eku_missing'] },
  {
    name: 'anyExtendedKeyUsage',
    ext: { extendedKeyUsage: 'serverAuth,anyExtendedKeyUsage' },
    want: ['e_sub_cert_eku_any_eku_present'],
  },
  {
    name: 'codeSigning beside serverAuth',
    ext: { extendedKeyUsage: 'serverAuth,codeSigning' },
    want: ['e_sub_cert_eku_extra_values'],
  },
  {
    name: 'clientAuth only: no TLS server, no TLS rules',
    ext: { extendedKeyUsage: 'clientAuth', subjectAltName: 'DNS:printer.local' },
    want: [],
  },
  {
    name: 'clientAuth the day before 2027-03-15',
    ext: { extendedKeyUsage: 'serverAuth,clientAuth' },
    start: '2027-03-14T00:00:00Z',
    days: 90,
    want: ['n_sub_cert_eku_client_auth_present'],
  },
  {
    name: 'clientAuth on 2027-03-15',
    ext: { extendedKeyUsage: 'serverAuth,clientAuth' },
    start: '2027-03-15T00:00:00Z',
    days: 90,
    want: ['e_sub_cert_eku_client_auth_present'],
  },
  {
    name: 'keyCertSign on a leaf',
    ext: { keyUsage: 'critical,digitalSignature,keyCertSign' },
    want: ['e_sub_cert_key_usage_cert_sign_bit_set'],
  },
  {
    name: 'cRLSign on a leaf',
    ext: { keyUsage: 'critical,digitalSignature,cRLSign' },
    want: ['e_sub_cert_key_usage_crl_sign_bit_set'],
  },
  { name: 'CA:TRUE on a leaf', ext: { basicConstraints: 'critical,CA:TRUE' }, want: ['e_sub_cert_not_is_ca'] },
  { name: 'SHA-1 signature', md: 'sha1', want: ['e_sub_cert_or_sub_ca_using_sha1'] },
  { name: 'country not ISO', subject: '/C=UK/O=Contoso Ltd', want: ['e_subject_country_not_iso'] },
  { name: 'OU after 2022-09-01', subject: '/C=US/O=Contoso Ltd/OU=IT', want: ['e_subj_orgunit_in_cert'] },
  {
    name: 'OU before 2022-09-01',
    subject: '/C=US/O=Contoso Ltd/OU=IT',
    start: '2022-08-31T00:00:00Z',
    want: ['w_subj_orgunit_in_cert'],
  },
  { name: 'duplicate attribute', subject: '/C=US/O=Contoso Ltd/O=Fabrikam', want: ['e_subject_dn_repeated_attribute'] },
  { name: 'placeholder "-"', subject: '/C=US/O=Contoso Ltd/ST=-', want: ['e_subject_contains_noninformational_value'] },
  {
    name: 'placeholder "N/A"',
    subject: '/C=US/O=Contoso Ltd/L=N\\/A',
    want: ['e_subject_contains_noninformational_value'],
  },
];

describe('each lint on an openssl certificate', () => {
  it.each(RULE_CASES)('$name', async (c) => {
    expect(await idsOf(c)).toEqual([...c.want].sort());
  });
});

const step = (max: number, kind: 'w' | 'e'): string =>
  kind === 'w'
    ? `w_tls_server_cert_valid_time_longer_than_${max - 1}_days`
    : `e_tls_server_cert_valid_time_longer_than_${max}_days`;

const VALIDITY_CASES: Case[] = [
  { name: 'before 2026-03-15: 397 days', start: '2026-03-14T12:00:00Z', days: 397, want: [] },
  { name: 'before 2026-03-15: 398 days', start: '2026-03-14T12:00:00Z', days: 398, want: [step(398, 'w')] },
  { name: 'before 2026-03-15: 398 days and 1 s', start: '2026-03-14T12:00:00Z', days: 399, want: [step(398, 'e')] },
  { name: 'on 2026-03-15: 199 days', start: '2026-03-15T00:00:00Z', days: 199, want: [] },
  { name: 'on 2026-03-15: 200 days', start: '2026-03-15T00:00:00Z', days: 200, want: [step(200, 'w')] },
  { name: 'on 2026-03-15: 201 days', start: '2026-03-15T00:00:00Z', days: 201, want: [step(200, 'e')] },
  { name: 'on 2026-03-15: 398 days', start: '2026-03-15T00:00:00Z', days: 398, want: [step(200, 'e')] },
  { name: 'before 2027-03-15: 199 days', start: '2027-03-14T23:59:59Z', days: 199, want: [] },
  { name: 'on 2027-03-15: 99 days', start: '2027-03-15T00:00:00Z', days: 99, want: [] },
  { name: 'on 2027-03-15: 100 days', start: '2027-03-15T00:00:00Z', days: 100, want: [step(100, 'w')] },
  { name: 'on 2027-03-15: 199 days', start: '2027-03-15T00:00:00Z', days: 199, want: [step(100, 'e')] },
  { name: 'before 2029-03-15: 99 days', start: '2029-03-14T00:00:00Z', days: 99, want: [] },
  { name: 'on 2029-03-15: 46 days', start: '2029-03-15T00:00:00Z', days: 46, want: [] },
  { name: 'on 2029-03-15: 47 days', start: '2029-03-15T00:00:00Z', days: 47, want: [step(47, 'w')] },
  { name: 'on 2029-03-15: 99 days', start: '2029-03-15T00:00:00Z', days: 99, want: [step(47, 'e')] },
];

describe('SC-081 validity by issuance date (notAfter − notBefore + 1 s)', () => {
  it.each(VALIDITY_CASES)('$name', async (c) => {
    expect(await idsOf(c)).toEqual(c.want);
  });
});

describe('audience', () => {
  it('a self-signed leaf gets public-TLS rules as notices, general ones as they are', async () => {
    writeFileSync(
      f('self.cnf'),
      '[req]\ndistinguished_name = dn\nx509_extensions = x\n[dn]\n[x]\nbasicConstraints = CA:FALSE\nextendedKeyUsage = serverAuth\nsubjectAltName = DNS:printer.local\n',
    );
    openssl([
      'req',
      '-x509',
      '-new',
      '-config',
      f('self.cnf'),
      '-key',
      f('leaf.key'),
      '-subj',
      '/CN=printer.local',
      '-days',
      '365',
      '-sha1',
      '-out',
      f('self.pem'),
    ]);
    const target = certificateLintTarget(decodePem(readFileSync(f('self.pem'), 'latin1'))[0].der);
    expect(target.audience).toBe('private');
    const findings = await lintTarget(target, new Date());
    const sev = Object.fromEntries(findings.map((x) => [x.id, x.severity]));
    expect(sev.e_dnsname_internal_name).toBe('notice');
    expect(sev.e_sub_cert_or_sub_ca_using_sha1).toBe('error');
  });
});
