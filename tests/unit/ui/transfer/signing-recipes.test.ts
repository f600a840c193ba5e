import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { openssl, tempDir } from '../../../support/openssl';
import { sanText, signingRecipes, validityDays } from '../../../../src/ui/transfer/signing-recipes';

const NOW = new Date('2025-03-01T12:00:00Z');
const POLICY = {
  subjectAlternativeNames: { dnsNames: ['www.contoso.com', 'contoso.com'], emails: ['ops@contoso.com'] },
  validityInMonths: 12,
};

describe('signing recipes', () => {
  it.each([
    { policy: { validityInMonths: 12 }, want: 365 },
    { policy: { validityInMonths: 1 }, want: 31 },
    { policy: { validityInMonths: 24 }, want: 730 },
    { policy: { validityInDays: 90, validityInMonths: 12 }, want: 90 },
    { policy: {}, want: 365 },
  ])('validity $policy → $want days', ({ policy, want }) => {
    expect(validityDays(policy, NOW)).toBe(want);
  });

  it('names the SANs as openssl prints them', () => {
    expect(sanText(POLICY)).toBe('DNS:www.contoso.com, DNS:contoso.com, email:ops@contoso.com');
    expect(sanText({})).toBe('');
  });

  it('the openssl recipe, run as written, signs the CSR with its SANs for the policy lifetime and writes the chain', () => {
    const tmp = tempDir('certkeep-recipe-');
    try {
      openssl([
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        tmp.path('ca.key'),
        '-out',
        tmp.path('ca.pem'),
        '-subj',
        '/CN=Recipe CA',
        '-days',
        '800',
      ]);
      openssl([
        'req',
        '-new',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:P-256',
        '-nodes',
        '-keyout',
        tmp.path('web.key'),
        '-out',
        tmp.path('web.csr'),
        '-subj',
        '/CN=www.contoso.com',
        '-addext',
        'subjectAltName=DNS:www.contoso.com,DNS:contoso.com,email:ops@contoso.com',
      ]);
      const recipe = signingRecipes('web', POLICY, NOW).find((r) => r.tool === 'openssl');
      expect(recipe?.lines).toHaveLength(2);
      for (const line of recipe?.lines ?? []) {
        const [tool, ...args] = line.split(' ');
        expect(tool).toBe('openssl');
        const run = spawnSync('openssl', args, { cwd: tmp.dir });
        expect(run.status, run.stderr.toString()).toBe(0);
      }
      const text = openssl(['x509', '-in', tmp.path('web.pem'), '-noout', '-text']).toString();
      expect(text).toContain('DNS:www.contoso.com, DNS:contoso.com, email:ops@contoso.com');
      const dates = openssl(['x509', '-in', tmp.path('web.pem'), '-noout', '-startdate', '-enddate']).toString();
      const [start, end] = [...dates.matchAll(/=(.+)$/gm)].map((m) => Date.parse(m[1]));
      expect(Math.round((end - start) / 86_400_000)).toBe(365);
      const chain = openssl([
        'pkcs7',
        '-inform',
        'DER',
        '-in',
        tmp.path('web.p7b'),
        '-print_certs',
        '-noout',
      ]).toString();
      expect(chain.match(/subject=/g)).toHaveLength(2);
      expect(readFileSync(tmp.path('web.p7b')).length).toBeGreaterThan(0);
    } finally {
      tmp.cleanup();
    }
  });

  it('certreq and step name the file, the template and the lifetime', () => {
    const [, certreq, step] = signingRecipes('web', POLICY, NOW);
    expect(certreq.lines[0]).toBe(
      'certreq -submit -attrib "CertificateTemplate:WebServer\\nValidityPeriod:Days\\nValidityPeriodUnits:365" web.csr web.cer web.p7b',
    );
    expect(step.lines).toEqual([
      'step ca sign web.csr web.crt --not-after 8760h',
      'step certificate sign web.csr ca.crt ca.key --not-after 8760h --bundle > web.crt',
    ]);
    expect(certreq.note).toContain('DNS:www.contoso.com');
  });
});
