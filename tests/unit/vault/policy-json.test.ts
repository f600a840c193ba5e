/**
 * Key Vault policy JSON both ways (ARCHITECTURE §8). The round trips run on documents published by
 * Key Vault's REST spec and by the az CLI, copied verbatim into tests/fixtures/key-vault (their
 * sources are in SOURCES.md there), not on documents written here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { policyFromKeyVaultJson, policyToKeyVaultJson, type CertificatePolicy } from '../../../src/vault';
import { makeVault } from './vault-fixture';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../fixtures/key-vault/${name}`, import.meta.url), 'utf8');
const specExample = (name: string) =>
  JSON.parse(fixture(name)) as {
    parameters: { certificatePolicy?: Record<string, unknown> };
    responses: { 200: { body: Record<string, unknown> } };
  };

/** The document without the members a policy cannot carry: `id` and null members (absent). */
function carried(doc: Record<string, unknown>): Record<string, unknown> {
  const strip = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(strip)
      : typeof v === 'object' && v !== null
        ? Object.fromEntries(
            Object.entries(v)
              .filter(([, x]) => x !== null)
              .map(([k, x]) => [k, strip(x)]),
          )
        : v;
  const rest = { ...doc };
  delete rest.id;
  return strip(rest) as Record<string, unknown>;
}

/** The problems of a refused document, one per line after the count. */
function problemsOf(json: unknown): string[] {
  try {
    policyFromKeyVaultJson(json);
  } catch (e) {
    expect(e).toMatchObject({ name: 'VaultError', code: 'BadParameter' });
    const [head, ...lines] = (e as Error).message.split('\n');
    expect(head).toMatch(/^The Key Vault policy JSON (has (a problem|\d+ problems):|is)/);
    return lines.length ? lines : [head];
  }
  throw new Error('the document was accepted');
}

describe('the REST spec examples', () => {
  const body = specExample('get-certificate-policy-example.json').responses[200].body;

  it('GetCertificatePolicy reads into the policy it describes', () => {
    expect(policyFromKeyVaultJson(body)).toStrictEqual({
      exportable: true,
      keyType: 'RSA',
      keySize: 2048,
      reuseKey: false,
      contentType: 'application/x-pkcs12',
      subject: 'CN=KeyVaultTest',
      enhancedKeyUsage: [],
      keyUsage: [],
      validityInMonths: 297,
      lifetimeActions: [{ action: 'EmailContacts', lifetimePercentage: 80 }],
      issuerName: 'Unknown',
      enabled: true,
      createdOn: new Date(1482188947_000),
      updatedOn: new Date(1482188947_000),
    } satisfies CertificatePolicy);
  });

  it('GetCertificatePolicy round-trips: JSON → policy → JSON is the same JSON but the read-only id', () => {
    expect(policyToKeyVaultJson(policyFromKeyVaultJson(body))).toStrictEqual(carried(body));
    // …and as text, as a person would paste it.
    expect(policyToKeyVaultJson(policyFromKeyVaultJson(JSON.stringify(body, null, 2)))).toStrictEqual(carried(body));
  });

  it('UpdateCertificatePolicy: the request body and the response round-trip', () => {
    const example = specExample('update-certificate-policy-example.json');
    const request = example.parameters.certificatePolicy ?? {};
    expect(policyToKeyVaultJson(policyFromKeyVaultJson(request))).toStrictEqual(request);
    const response = example.responses[200].body;
    expect(policyToKeyVaultJson(policyFromKeyVaultJson(response))).toStrictEqual(carried(response));
  });
});

describe('the az CLI default policy', () => {
  const text = fixture('az-get-default-policy.json');

  it('reads as printed, null members as absent', () => {
    expect(policyFromKeyVaultJson(text)).toStrictEqual({
      issuerName: 'Self',
      exportable: true,
      keySize: 2048,
      keyType: 'RSA',
      reuseKey: true,
      lifetimeActions: [{ action: 'AutoRenew', daysBeforeExpiry: 90 }],
      contentType: 'application/x-pkcs12',
      keyUsage: ['cRLSign', 'dataEncipherment', 'digitalSignature', 'keyEncipherment', 'keyAgreement', 'keyCertSign'],
      subject: 'CN=CLIGetDefaultPolicy',
      validityInMonths: 12,
    } satisfies CertificatePolicy);
  });

  it('round-trips in the CLI form to the same text, less the null lines', () => {
    const out = JSON.stringify(policyToKeyVaultJson(policyFromKeyVaultJson(text), { form: 'cli' }), null, 2);
    expect(out + '\n').toBe(text.replace(/^ *"[A-Za-z]+": null,\n/gm, ''));
  });

  it('is the same policy in the REST form', () => {
    const rest = policyToKeyVaultJson(policyFromKeyVaultJson(text));
    expect(rest).toStrictEqual({
      key_props: { exportable: true, kty: 'RSA', key_size: 2048, reuse_key: true },
      secret_props: { contentType: 'application/x-pkcs12' },
      x509_props: {
        subject: 'CN=CLIGetDefaultPolicy',
        key_usage: [
          'cRLSign',
          'dataEncipherment',
          'digitalSignature',
          'keyEncipherment',
          'keyAgreement',
          'keyCertSign',
        ],
        validity_months: 12,
      },
      lifetime_actions: [{ trigger: { days_before_expiry: 90 }, action: { action_type: 'AutoRenew' } }],
      issuer: { name: 'Self' },
    });
    expect(policyFromKeyVaultJson(rest)).toStrictEqual(policyFromKeyVaultJson(text));
  });
});

/** Every field Key Vault has, set to a value that is not a default. */
const EVERY_FIELD: CertificatePolicy = {
  subject: 'CN=www.contoso.com, OU="Docs, Contoso", O=Contoso',
  subjectAlternativeNames: {
    emails: ['admin@contoso.com'],
    dnsNames: ['www.contoso.com', '*.contoso.com'],
    userPrincipalNames: ['svc@contoso.com'],
  },
  keyType: 'EC-HSM',
  keySize: 384,
  keyCurveName: 'P-384',
  exportable: false,
  reuseKey: true,
  contentType: 'application/x-pem-file',
  keyUsage: ['digitalSignature', 'keyCertSign', 'cRLSign'],
  enhancedKeyUsage: ['1.3.6.1.5.5.7.3.1', '1.3.6.1.4.1.311.20.2.2'],
  validityInMonths: 36,
  lifetimeActions: [{ action: 'EmailContacts', daysBeforeExpiry: 972 }],
  issuerName: 'DigiCertIssuer',
  certificateType: 'OV-SSL',
  certificateTransparency: false,
  enabled: false,
  createdOn: new Date('2026-01-15T10:00:00Z'),
  updatedOn: new Date('2026-02-01T08:30:15Z'),
};

describe('a policy using every field', () => {
  for (const form of ['rest', 'cli'] as const) {
    it(`round-trips both ways in the ${form} form`, () => {
      const json = policyToKeyVaultJson(EVERY_FIELD, { form });
      expect(policyFromKeyVaultJson(json)).toStrictEqual(EVERY_FIELD);
      expect(policyToKeyVaultJson(policyFromKeyVaultJson(JSON.stringify(json)), { form })).toStrictEqual(json);
    });
  }

  it('writes the REST wire names', () => {
    expect(policyToKeyVaultJson(EVERY_FIELD)).toStrictEqual({
      key_props: { exportable: false, kty: 'EC-HSM', key_size: 384, reuse_key: true, crv: 'P-384' },
      secret_props: { contentType: 'application/x-pem-file' },
      x509_props: {
        subject: 'CN=www.contoso.com, OU="Docs, Contoso", O=Contoso',
        ekus: ['1.3.6.1.5.5.7.3.1', '1.3.6.1.4.1.311.20.2.2'],
        sans: {
          emails: ['admin@contoso.com'],
          dns_names: ['www.contoso.com', '*.contoso.com'],
          upns: ['svc@contoso.com'],
        },
        key_usage: ['digitalSignature', 'keyCertSign', 'cRLSign'],
        validity_months: 36,
      },
      lifetime_actions: [{ trigger: { days_before_expiry: 972 }, action: { action_type: 'EmailContacts' } }],
      issuer: { name: 'DigiCertIssuer', cty: 'OV-SSL', cert_transparency: false },
      attributes: { enabled: false, created: 1768471200, updated: 1769934615 },
    });
  });

  it('writes the CLI times as the CLI prints them', () => {
    expect(policyToKeyVaultJson(EVERY_FIELD, { form: 'cli' }).attributes).toStrictEqual({
      created: '2026-01-15T10:00:00+00:00',
      enabled: false,
      updated: '2026-02-01T08:30:15+00:00',
    });
  });
});

describe('what Key Vault JSON cannot carry', () => {
  it('refuses IP and URI alternative names and Certkeep-only fields, naming each', () => {
    const policy = {
      subject: 'CN=a',
      subjectAlternativeNames: { ipAddresses: ['10.0.0.1'], uniformResourceIdentifiers: ['spiffe://a/b'] },
      basicConstraints: { ca: true },
    } as CertificatePolicy;
    let error: unknown;
    try {
      policyToKeyVaultJson(policy);
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ name: 'VaultError', code: 'BadParameter' });
    expect((error as Error).message).toMatch(
      /ipAddresses \(10\.0\.0\.1\)[^]*uniformResourceIdentifiers[^]*basicConstraints/,
    );
  });

  it('accepts empty IP and URI lists and the read-only members Key Vault reports', () => {
    expect(() => policyToKeyVaultJson({ subject: 'CN=a', subjectAlternativeNames: { ipAddresses: [] } })).not.toThrow();
    const shown = {
      id: 'https://v.vault.azure.net/certificates/a/policy',
      x509CertificateProperties: { subject: 'CN=a', subjectAlternativeNames: null, ekus: null },
      attributes: { enabled: true, expires: null, notBefore: null, recoverableDays: 90, recoveryLevel: 'Recoverable' },
    };
    expect(policyFromKeyVaultJson(shown)).toStrictEqual({ subject: 'CN=a', enabled: true });
  });
});

describe('problems, all of them, each at its JSON path', () => {
  it('names malformed JSON text by line and column', () => {
    const [message] = problemsOf('{\n  "key_props": {\n    "kty": "RSA",\n  }\n}');
    expect(message).toMatch(/^The Key Vault policy JSON is not valid JSON at line 4, column 3: /);
    expect(problemsOf('   ')[0]).toMatch(/is empty/);
    expect(problemsOf('[1, 2]')[0]).toBe('The policy must be a JSON object ({ … }), not [1,2].');
  });

  it('names unknown members, wrong types and broken rules together', () => {
    const problems = problemsOf({
      key_props: { kty: 'RSA', key_size: 1024, crv: 'P-256', exportable: 'yes', size: 2048 },
      secret_props: { contentType: 'text/plain' },
      x509_props: {
        subject: 'CN=ok',
        validity_months: 1.5,
        key_usage: ['digitalSignature', 'DigitalSignature', 7],
        ekus: ['serverAuth'],
        sans: { dns_names: ['ok.example', 'not a name'], upns: ['nobody'], ip_addresses: ['10.0.0.1'] },
        basicConstraints: { ca: true },
      },
      lifetime_actions: [{ trigger: { lifetime_percentage: 100 }, action: { action_type: 'EmailContacts' } }],
      issuer: { name: 'Self', cty: 5 },
      attributes: { created: 'yesterday' },
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        'key_props.exportable must be true or false, not "yes".',
        'key_props.size is not a Key Vault policy field: key_props has exportable, kty, key_size, reuse_key, crv.',
        'x509_props.validity_months must be a whole number, not 1.5.',
        'x509_props.key_usage[2] must be a string, not 7.',
        'x509_props.sans.ip_addresses is not a Key Vault policy field: x509_props.sans has emails, dns_names, upns.',
        expect.stringMatching(/^x509_props\.basicConstraints is not a Key Vault policy field/),
        'issuer.cty must be a string, not 5.',
        expect.stringMatching(/^attributes\.created must be a time/),
        'key_props.key_size 1024 is not allowed for RSA keys: use 2048, 3072, 4096.',
        'key_props.crv applies to EC keys only; remove it for keyType RSA.',
        expect.stringMatching(/^secret_props\.contentType "text\/plain" is not supported/),
        expect.stringMatching(/^x509_props\.key_usage\[1\] "DigitalSignature" is unknown: use digitalSignature, /),
        expect.stringMatching(/^x509_props\.ekus\[0\] "serverAuth" is not a dotted OID/),
        'x509_props.sans.dns_names[1] "not a name" is not a DNS name.',
        'x509_props.sans.upns[0] "nobody" is not an address of the form name@domain.',
        'lifetime_actions[0].trigger.lifetime_percentage 100 is out of range: use a whole number from 1 to 99.',
      ]),
    );
    expect(problems).toHaveLength(16);
  });

  it('judges rules across fields once each, in the CLI form too', () => {
    expect(
      problemsOf({
        keyProperties: { keyType: 'EC', curve: 'P-256K', exportable: true },
        x509CertificateProperties: { subject: 'not a name', keyUsage: ['keyEncipherment', 'dataEncipherment'] },
        lifetimeActions: [
          { trigger: { daysBeforeExpiry: 10, lifetimePercentage: 50 }, action: { actionType: 'AutoRenew' } },
        ],
        issuerParameters: { name: 'Unknown' },
      }),
    ).toEqual([
      expect.stringMatching(/^keyProperties\.curve "P-256K" is not supported/),
      expect.stringMatching(/^x509CertificateProperties\.keyUsage\[0\] "keyEncipherment" is not possible with EC keys/),
      expect.stringMatching(
        /^x509CertificateProperties\.keyUsage\[1\] "dataEncipherment" is not possible with EC keys/,
      ),
      'lifetimeActions[0].trigger: give exactly one of daysBeforeExpiry or lifetimePercentage.',
      expect.stringMatching(
        /^lifetimeActions\[0\]\.action\.actionType AutoRenew is not possible with issuer "Unknown"/,
      ),
      'x509CertificateProperties.subject: The subject name provided is not a valid X500 name: "not a name".',
    ]);
  });

  it('names a missing action and two spellings of one member', () => {
    expect(
      problemsOf({ lifetime_actions: [{ trigger: { lifetime_percentage: 80 } }], x509_props: { subject: 'CN=a' } }),
    ).toEqual(['lifetime_actions[0].action is missing: say which action to take, EmailContacts or AutoRenew.']);
    expect(problemsOf({ x509_props: { subject: 'CN=a', validity_months: 12, validityInMonths: 12 } })).toEqual([
      'x509_props.validity_months and x509_props.validityInMonths are the same field: give only one of them.',
    ]);
  });

  it('passes a subject-less document with SANs, and refuses one with neither', () => {
    expect(policyFromKeyVaultJson({ x509_props: { sans: { dns_names: ['a.example'] } } })).toStrictEqual({
      subjectAlternativeNames: { dnsNames: ['a.example'] },
    });
    expect(problemsOf({ key_props: { kty: 'RSA' } })).toEqual([
      expect.stringMatching(/^x509_props\.subject is empty and there are no subjectAlternativeNames/),
    ]);
  });
});

describe('applied in a vault', () => {
  it('creates from the REST example (a CSR for issuer Unknown) and exports the same policy back', async () => {
    const { vault } = await makeVault();
    const body = specExample('get-certificate-policy-example.json').responses[200].body;
    const op = await vault.createCertificate('from-azure', policyFromKeyVaultJson(body));
    expect(op.status).toBe('inProgress');
    const back = policyToKeyVaultJson(await vault.getCertificatePolicy('from-azure'));
    const want = carried(body);
    expect(back).toMatchObject({
      key_props: want.key_props,
      secret_props: want.secret_props,
      x509_props: { subject: 'CN=KeyVaultTest', validity_months: 297 },
      lifetime_actions: want.lifetime_actions,
      issuer: want.issuer,
    });
  });

  it('creates a self-signed certificate from the az CLI default policy', async () => {
    const { vault } = await makeVault();
    const op = await vault.createCertificate('from-cli', policyFromKeyVaultJson(fixture('az-get-default-policy.json')));
    expect(op.status).toBe('completed');
    const policy = await vault.getCertificatePolicy('from-cli');
    expect(policyToKeyVaultJson(policy, { form: 'cli' })).toMatchObject({
      keyProperties: { keyType: 'RSA', keySize: 2048, reuseKey: true, exportable: true },
      lifetimeActions: [{ action: { actionType: 'AutoRenew' }, trigger: { daysBeforeExpiry: 90 } }],
      x509CertificateProperties: { subject: 'CN=CLIGetDefaultPolicy', validityInMonths: 12 },
    });
  });
});
