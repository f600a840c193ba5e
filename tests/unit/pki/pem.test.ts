import { describe, expect, it } from 'vitest';
import { decodePem, encodePem, looksLikePem, readCertificates, type PemBlock } from '../../../src/pki';
import { openssl } from '../../support/openssl';
import { scanCost } from '../../support/scan-cost';

const der = new Uint8Array(Array.from({ length: 200 }, (_, i) => (i * 37) & 0xff));
const pem = encodePem('CERTIFICATE', der);

describe('decodePem', () => {
  const cases: { name: string; text: string; want: { label: string; size: number }[] | 'malformed' }[] = [
    { name: 'one block LF', text: pem, want: [{ label: 'CERTIFICATE', size: 200 }] },
    { name: 'one block CRLF', text: pem.replace(/\n/g, '\r\n'), want: [{ label: 'CERTIFICATE', size: 200 }] },
    {
      name: 'text around, as openssl x509 -text prints',
      text: `Certificate:\n    Data: x\n${pem}trailing words\n`,
      want: [{ label: 'CERTIFICATE', size: 200 }],
    },
    {
      name: 'several blocks and labels',
      text: `${encodePem('PRIVATE KEY', der.slice(0, 10))}\n${pem}${encodePem('CERTIFICATE REQUEST', der.slice(0, 3))}`,
      want: [
        { label: 'PRIVATE KEY', size: 10 },
        { label: 'CERTIFICATE', size: 200 },
        { label: 'CERTIFICATE REQUEST', size: 3 },
      ],
    },
    { name: 'bare base64', text: `  ${btoa(String.fromCharCode(...der))}\n`, want: [{ label: '', size: 200 }] },
    {
      name: 'RFC 1421 headers',
      text: '-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00\n\nAAEC\n-----END RSA PRIVATE KEY-----\n',
      want: [{ label: 'RSA PRIVATE KEY', size: 3 }],
    },
    { name: 'no pem at all', text: 'hello, world!', want: [] },
    {
      name: 'bad base64 in a block',
      text: '-----BEGIN CERTIFICATE-----\nAB!D\n-----END CERTIFICATE-----\n',
      want: 'malformed',
    },
    { name: 'bare base64 of the wrong length', text: 'QUJDRA=', want: 'malformed' },
    { name: 'mismatched END', text: '-----BEGIN CERTIFICATE-----\nAAAA\n-----END PKCS7-----\n', want: 'malformed' },
    { name: 'missing END', text: `-----BEGIN CERTIFICATE-----\nAAAA\n${pem}`, want: 'malformed' },
  ];
  it.each(cases)('$name', ({ text, want }) => {
    if (want === 'malformed') {
      expect(() => decodePem(text)).toThrow(expect.objectContaining({ name: 'PkiError', code: 'malformed' }));
      return;
    }
    const blocks = decodePem(text);
    expect(blocks.map((b: PemBlock) => ({ label: b.label, size: b.der.length }))).toEqual(want);
  });

  it('round-trips encodePem for any length', () => {
    for (let n = 1; n < 150; n += 13) {
      const bytes = crypto.getRandomValues(new Uint8Array(n));
      const text = encodePem('X', bytes);
      expect(text.split('\n').every((l) => l.length <= 64)).toBe(true);
      expect(decodePem(text)[0].der).toEqual(bytes);
    }
  });

  it('agrees with openssl base64', () => {
    const text = encodePem('CERTIFICATE', der);
    const body = text.split('\n').slice(1, -2).join('\n');
    expect(new Uint8Array(openssl(['base64', '-d'], `${body}\n`))).toEqual(der);
  });
});

describe('looksLikePem', () => {
  it.each([
    ['PEM', new TextEncoder().encode(pem), true],
    ['PEM after a BOM and text', new TextEncoder().encode(`\ufeffhello\n${pem}`), true],
    ['DER', der, false],
    ['DER starting with 0x30', new Uint8Array([0x30, 0x82, 0x01, 0x0a]), false],
    ['empty', new Uint8Array(), false],
  ])('%s → %s', (_n, bytes, want) => {
    expect(looksLikePem(bytes)).toBe(want);
  });
});

describe('readCertificates', () => {
  const certPem = openssl([
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-keyout',
    '/dev/null',
    '-subj',
    '/CN=pem',
    '-days',
    '1',
  ]);
  const certDer = new Uint8Array(openssl(['x509', '-outform', 'DER'], certPem));
  const text = openssl(['x509', '-text'], certPem).toString();
  it.each([
    ['DER', certDer, 1],
    ['PEM', new Uint8Array(certPem), 1],
    ['openssl x509 -text output', new TextEncoder().encode(text), 1],
    ['CRLF PEM twice', new TextEncoder().encode((certPem.toString() + certPem.toString()).replace(/\n/g, '\r\n')), 2],
    ['bare base64', new TextEncoder().encode(btoa(String.fromCharCode(...certDer))), 1],
    ['old X509 CERTIFICATE label', new TextEncoder().encode(encodePem('X509 CERTIFICATE', certDer)), 1],
  ])('%s', (_n, bytes, count) => {
    const certs = readCertificates(bytes);
    expect(certs).toHaveLength(count);
    for (const c of certs) expect(c).toEqual(certDer);
  });

  it.each([
    ['a key only', new TextEncoder().encode(encodePem('PRIVATE KEY', der))],
    ['random bytes', crypto.getRandomValues(new Uint8Array(64))],
    ['empty', new Uint8Array()],
  ])('%s → malformed', (_n, bytes) => {
    expect(() => readCertificates(bytes)).toThrow(expect.objectContaining({ name: 'PkiError', code: 'malformed' }));
  });

  it('round-trips readCertificates(encodePem(...)) for several certificates', () => {
    const many = [certDer, certDer.slice(), certDer.slice()];
    const joined = many.map((c) => encodePem('CERTIFICATE', c)).join('junk between\n');
    expect(readCertificates(new TextEncoder().encode(joined))).toEqual(many);
  });
});

// Linear time as a counted property (tests/support/scan-cost.ts), not a stopwatch: how long
// these take is bench/hostile-input.mjs's business.
describe('decodePem on hostile input', () => {
  it.each([
    ['5 000 BEGIN lines without END', '-----BEGIN CERTIFICATE-----\nAAAA\n'.repeat(5_000)],
    [
      '5 000 BEGIN lines, then one END',
      `${'-----BEGIN CERTIFICATE-----\nAAAA\n'.repeat(5_000)}-----END CERTIFICATE-----\n`,
    ],
  ])('%s: refused at the first block after one pass over the text', (_name, text) => {
    const { error, cost } = scanCost(() => decodePem(text));
    expect(error).toMatchObject({
      name: 'PkiError',
      code: 'malformed',
      message: 'pem block CERTIFICATE has no end line',
    });
    expect(cost).toBeLessThanOrEqual(2 * text.length);
  });

  it('reads 5 000 blocks with a constant number of passes, and twice the blocks cost twice the work', () => {
    const blocks = (n: number) => encodePem('CERTIFICATE', der).repeat(n);
    const many = scanCost(() => decodePem(blocks(5_000)));
    expect(many.result).toHaveLength(5_000);
    expect(many.result?.every((b) => b.label === 'CERTIFICATE' && b.der.length === 200)).toBe(true);
    expect(many.cost).toBeLessThanOrEqual(8 * blocks(5_000).length);
    const [one, two] = [500, 1_000].map((n) => scanCost(() => decodePem(blocks(n))).cost);
    expect(two / one).toBeGreaterThan(1.9);
    expect(two / one).toBeLessThan(2.1);
  });
});
