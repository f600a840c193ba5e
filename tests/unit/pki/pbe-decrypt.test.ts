import * as asn1js from 'asn1js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bmpPassword } from '../../../src/pki/pbe/bmp-password';
import { decryptPrivateKeyInfo } from '../../../src/pki/pbe/decrypt-private-key';
import { PBE } from '../../../src/pki/asn1/oids';
import { encryptPkcs12Pbe } from '../../../src/pki/pbe/pkcs12-pbe';
import { encryptPbes2Aes256 } from '../../../src/pki/pbe/pbes2';
import { describeCorpus, CORPUS_DIR, isInvalidOnPurpose, readCatalog } from '../../support/shared-corpus';
import { openssl, tempDir } from '../../support/openssl';
import { stringMatching } from '../../support/match';

const LEGACY = ['-provider', 'legacy', '-provider', 'default'];
const toHex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

/** The DER of the first `label` PEM block, wherever it sits in the file (some have text before). */
function pemBlock(text: string, label: string): Uint8Array {
  const m = new RegExp(`-----BEGIN ${label}-----([^-]+)-----END ${label}-----`).exec(text);
  if (!m) throw new Error(`no ${label} block`);
  return new Uint8Array(Buffer.from(m[1].replace(/\s/g, ''), 'base64'));
}

/** openssl's own normal form of a PKCS#8 key, so two encodings of one key compare equal. */
const normalize = (pkcs8: Uint8Array): string => toHex(openssl(['pkey', '-inform', 'DER', '-outform', 'DER'], pkcs8));

describe('bmpPassword (RFC 7292 B.1)', () => {
  test.each([
    { password: undefined, want: '' },
    { password: '', want: '0000' },
    { password: 'ab', want: '006100620000' },
    { password: 'ä日', want: '00e465e50000' },
    { password: '😀', want: 'd83dde000000' },
  ])('$password → $want', ({ password, want }) => {
    expect(toHex(bmpPassword(password))).toBe(want);
  });
});

describe('decryptPrivateKeyInfo against openssl pkcs8 -topk8', () => {
  const tmp = tempDir('certkeep-pbe-');
  let plain: Uint8Array;
  beforeAll(() => {
    openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', tmp.path('key.pem')]);
    plain = new Uint8Array(openssl(['pkcs8', '-topk8', '-nocrypt', '-in', tmp.path('key.pem'), '-outform', 'DER']));
  });
  afterAll(() => tmp.cleanup());

  const encrypt = (scheme: string[], password: string): Uint8Array =>
    new Uint8Array(
      openssl(
        ['pkcs8', '-topk8', '-inform', 'DER', '-outform', 'DER', ...scheme, '-passout', `pass:${password}`],
        plain,
      ),
    );

  test.each([
    { name: 'PBE-SHA1-3DES', scheme: ['-v1', 'PBE-SHA1-3DES'] },
    { name: 'PBE-SHA1-2DES', scheme: ['-v1', 'PBE-SHA1-2DES'] },
    { name: 'PBE-SHA1-RC2-40', scheme: ['-v1', 'PBE-SHA1-RC2-40', ...LEGACY] },
    { name: 'PBE-SHA1-RC2-128', scheme: ['-v1', 'PBE-SHA1-RC2-128', ...LEGACY] },
    { name: 'PBE-MD5-DES (PBES1)', scheme: ['-v1', 'PBE-MD5-DES', ...LEGACY] },
    { name: 'PBE-SHA1-DES (PBES1)', scheme: ['-v1', 'PBE-SHA1-DES', ...LEGACY] },
    { name: 'PBES2 aes-128-cbc sha1', scheme: ['-v2', 'aes-128-cbc', '-v2prf', 'hmacWithSHA1'] },
    { name: 'PBES2 aes-192-cbc sha224', scheme: ['-v2', 'aes-192-cbc', '-v2prf', 'hmacWithSHA224'] },
    { name: 'PBES2 aes-256-cbc sha256', scheme: ['-v2', 'aes-256-cbc', '-v2prf', 'hmacWithSHA256'] },
    { name: 'PBES2 aes-256-cbc sha384', scheme: ['-v2', 'aes-256-cbc', '-v2prf', 'hmacWithSHA384'] },
    { name: 'PBES2 aes-256-cbc sha512', scheme: ['-v2', 'aes-256-cbc', '-v2prf', 'hmacWithSHA512'] },
    { name: 'PBES2 des-ede3-cbc', scheme: ['-v2', 'des-ede3-cbc'] },
    { name: 'PBES2 rc2-cbc', scheme: ['-v2', 'rc2-cbc', ...LEGACY] },
  ])('$name: password, unicode password and wrong password', async ({ scheme }) => {
    for (const password of ['password', 'pässwörd-日本']) {
      const der = encrypt(scheme, password);
      expect(toHex(await decryptPrivateKeyInfo(der, password))).toBe(toHex(plain));
      await expect(decryptPrivateKeyInfo(der, `${password}x`)).rejects.toMatchObject({
        name: 'PkiError',
        code: 'invalid-password',
      });
    }
  });

  test('empty password (PKCS#12 PBE: the two-zero-byte BMPString)', async () => {
    const der = encrypt(['-v1', 'PBE-SHA1-3DES'], '');
    expect(toHex(await decryptPrivateKeyInfo(der, ''))).toBe(toHex(plain));
  });

  test('what we encrypt, openssl decrypts (legacy 3DES and PBES2 AES-256)', async () => {
    for (const { algorithm, ciphertext } of [
      encryptPkcs12Pbe(
        PBE.pbeWithSHAAnd3KeyTripleDesCbc,
        plain,
        'pässwörd',
        2048,
        crypto.getRandomValues(new Uint8Array(8)),
      ),
      await encryptPbes2Aes256(plain, 'pässwörd', 2048),
    ]) {
      const epki = new asn1js.Sequence({
        value: [algorithm, new asn1js.OctetString({ valueHex: ciphertext.slice().buffer })],
      });
      const out = openssl(
        ['pkcs8', '-inform', 'DER', '-outform', 'DER', '-passin', 'pass:pässwörd'],
        new Uint8Array(epki.toBER()),
      );
      expect(normalize(out)).toBe(normalize(plain));
    }
  });
});

describe('decryptPrivateKeyInfo: refusals', () => {
  const pbe = (oid: string, iterations: number): Uint8Array =>
    new Uint8Array(
      new asn1js.Sequence({
        value: [
          new asn1js.Sequence({
            value: [
              new asn1js.ObjectIdentifier({ value: oid }),
              new asn1js.Sequence({
                value: [
                  new asn1js.OctetString({ valueHex: new Uint8Array(8).buffer }),
                  new asn1js.Integer({ value: iterations }),
                ],
              }),
            ],
          }),
          new asn1js.OctetString({ valueHex: new Uint8Array(64).buffer }),
        ],
      }).toBER(),
    );

  test.each([
    { name: 'not DER at all', der: new Uint8Array([1, 2, 3]), code: 'malformed' },
    { name: 'an empty sequence', der: new Uint8Array([0x30, 0]), code: 'malformed' },
    { name: 'iteration count 0', der: pbe(PBE.pbeWithSHAAnd3KeyTripleDesCbc, 0), code: 'malformed' },
    {
      name: 'an absurd iteration count (would hang)',
      der: pbe(PBE.pbeWithSHAAnd3KeyTripleDesCbc, 2 ** 31 - 1),
      code: 'unsupported',
    },
    {
      name: 'RC4',
      der: pbe(PBE.pbeWithSHAAnd128BitRC4, 2048),
      code: 'unsupported',
      message: /1\.2\.840\.113549\.1\.12\.1\.1/,
    },
    { name: 'an unknown OID', der: pbe('1.2.3.4', 2048), code: 'unsupported', message: /1\.2\.3\.4/ },
  ])('$name → $code', async ({ der, code, message }) => {
    await expect(decryptPrivateKeyInfo(der, 'x')).rejects.toMatchObject({
      name: 'PkiError',
      code,
      ...(message ? { message: stringMatching(message) } : {}),
    });
  });
});

describeCorpus('decryptPrivateKeyInfo: pyca PKCS#8 corpus', () => {
  const rows = readCatalog().filter((r) => r.path.startsWith('pyca/asymmetric/PKCS8/') && r.encryption !== 'none');
  // Not done on purpose: RC4 is broken and scrypt is not in WebCrypto; they must say 'unsupported'.
  const unsupported = (r: (typeof rows)[number]) => /RC4|scrypt/i.test(r.encryption);
  const passwordOf = (r: (typeof rows)[number]): string => {
    if (r.password === undefined) throw new Error(`${r.path}: the catalog gives no password`);
    return r.password;
  };

  test('the catalog lists encrypted keys', () => {
    expect(rows.length).toBeGreaterThanOrEqual(15);
  });

  test.each(rows.filter((r) => !isInvalidOnPurpose(r) && !unsupported(r)).map((r) => [r.path, r]))(
    '%s decrypts to what openssl reads',
    async (_, row) => {
      const file = join(CORPUS_DIR, row.path);
      const der = pemBlock(readFileSync(file, 'utf8'), 'ENCRYPTED PRIVATE KEY');
      const extra = /legacy/.test(row.opensslOk) ? LEGACY : [];
      const theirs = openssl(['pkey', ...extra, '-in', file, '-passin', `pass:${row.password}`, '-outform', 'DER']);
      const ours = await decryptPrivateKeyInfo(der, passwordOf(row));
      expect(normalize(ours)).toBe(toHex(theirs));
      await expect(decryptPrivateKeyInfo(der, `${row.password}-wrong`)).rejects.toMatchObject({
        code: 'invalid-password',
      });
    },
  );

  test.each(rows.filter(unsupported).map((r) => [r.path, r]))(
    '%s (RC4 / scrypt) is unsupported, naming the algorithm',
    async (_, row) => {
      const der = pemBlock(readFileSync(join(CORPUS_DIR, row.path), 'utf8'), 'ENCRYPTED PRIVATE KEY');
      await expect(decryptPrivateKeyInfo(der, passwordOf(row))).rejects.toMatchObject({
        name: 'PkiError',
        code: 'unsupported',
        message: stringMatching(/RC4|scrypt/),
      });
    },
  );

  test.each(rows.filter(isInvalidOnPurpose).map((r) => [r.path, r]))(
    '%s (invalid on purpose) gives a PkiError',
    async (_, row) => {
      const der = pemBlock(readFileSync(join(CORPUS_DIR, row.path), 'utf8'), 'ENCRYPTED PRIVATE KEY');
      await expect(decryptPrivateKeyInfo(der, 'password')).rejects.toMatchObject({
        name: 'PkiError',
        code: stringMatching(/^(unsupported|malformed)$/),
      });
    },
  );
});
