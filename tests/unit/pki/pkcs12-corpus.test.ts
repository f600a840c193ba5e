import { join } from 'node:path';
import { expect, test } from 'vitest';
import { readPkcs12 } from '../../../src/pki';
import { isPkiError } from '../../../src/pki/pki-error';
import { openssl } from '../../support/openssl';
import { describeCorpus, CORPUS_DIR, corpusFile, isInvalidOnPurpose, readCatalog } from '../../support/shared-corpus';
import {
  LEGACY_PROVIDERS,
  normalizeKey,
  pemCertificates,
  pemPrivateKey,
  sha1Hex,
  spkiOfCert,
  spkiOfKey,
} from './pkcs12-fixtures';

const rows = readCatalog().filter((r) => r.kind === 'pfx');
const readable = rows.filter((r) => r.opensslOk.startsWith('yes') && !isInvalidOnPurpose(r));

/** openssl pkcs12 on a corpus file; '-' (no password) is passed as pass: which openssl also tries as NULL. */
function opensslPkcs12(path: string, password: string | undefined, what: string[], legacy: boolean): string {
  return openssl([
    'pkcs12',
    '-in',
    join(CORPUS_DIR, path),
    '-passin',
    `pass:${password ?? ''}`,
    ...what,
    ...(legacy ? LEGACY_PROVIDERS : []),
  ]).toString();
}

describeCorpus('readPkcs12: pyca PKCS#12 corpus', () => {
  test('the catalog lists PFX files', () => {
    expect(readable.length).toBeGreaterThanOrEqual(30);
  });

  test.each(readable.map((r) => [r.path, r]))('%s', async (_, row) => {
    const legacy = /legacy/.test(row.opensslOk);
    const got = await readPkcs12(corpusFile(row.path), row.password);

    // Certificates: the same SHA-1 thumbprints, in the same order, as openssl prints them.
    const theirCerts = pemCertificates(opensslPkcs12(row.path, row.password, ['-nokeys'], legacy));
    expect(theirCerts).toHaveLength(row.ncerts);
    expect(got.certificates.map((c) => sha1Hex(c.der))).toEqual(theirCerts.map(sha1Hex));

    // Keys: what openssl extracts, and each key matches a certificate in the file when there is one.
    const keyText = opensslPkcs12(row.path, row.password, ['-nocerts', '-nodes'], legacy);
    const hasKey = keyText.includes('PRIVATE KEY');
    expect(got.keys).toHaveLength(hasKey ? 1 : 0);
    if (hasKey) {
      expect(normalizeKey(got.keys[0].pkcs8)).toBe(normalizeKey(pemPrivateKey(keyText)));
      if (got.certificates.length) {
        const certSpkis = got.certificates.map((c) => spkiOfCert(c.der));
        expect(certSpkis).toContain(spkiOfKey(got.keys[0].pkcs8));
      }
    }

    if (row.password)
      await expect(readPkcs12(corpusFile(row.path), `${row.password}-wrong`)).rejects.toMatchObject({
        code: 'invalid-password',
      });
  });

  test.each(rows.filter(isInvalidOnPurpose).map((r) => [r.path, r]))(
    '%s (invalid on purpose) gives a PkiError',
    async (_, row) => {
      await expect(readPkcs12(corpusFile(row.path), row.password)).rejects.toMatchObject({ name: 'PkiError' });
    },
  );

  // The names pyca's test_pkcs12.py writes (the catalog notes ☺/ä/ç and ☹/ï); openssl -info prints them as Latin-1, so no help there.
  test.each([
    { file: 'name-unicode-pwd.p12', keys: ['☺'], certs: ['☺', 'ä', 'ç'] },
    { file: 'no-cert-name-unicode-pwd.p12', keys: [], certs: ['☹', 'ï'] },
    { file: 'name-all-pwd.p12', keys: ['name'], certs: ['name', 'name2', 'name3'] },
    { file: 'no-name-pwd.p12', keys: [undefined], certs: [undefined, undefined, undefined] },
  ])('friendlyName: $file', async ({ file, keys, certs }) => {
    const got = await readPkcs12(corpusFile(`pyca/pkcs12/${file}`), 'password');
    expect(got.keys.map((k) => k.friendlyName)).toEqual(keys);
    expect(got.certificates.map((c) => c.friendlyName)).toEqual(certs);
  });

  // Damaged files must fail with a PkiError, quickly: never a raw asn1js error, never a hang.
  test('truncated and bit-flipped files give a PkiError', async () => {
    const samples = readable.slice(0, 8);
    let seed = 7;
    const rand = (n: number) => (seed = (seed * 1103515245 + 12345) >>> 0) % n;
    for (const row of samples) {
      const good = corpusFile(row.path);
      const damaged: Uint8Array[] = [
        good.slice(0, 0),
        good.slice(0, 10),
        good.slice(0, good.length >> 1),
        good.slice(0, good.length - 1),
      ];
      for (let i = 0; i < 12; i++) {
        const copy = good.slice();
        copy[rand(copy.length)] ^= 1 << rand(8);
        damaged.push(copy);
      }
      for (const bytes of damaged) {
        try {
          await readPkcs12(bytes, row.password);
        } catch (e) {
          expect(isPkiError(e), String(e)).toBe(true);
          expect(['malformed', 'invalid-password', 'unsupported']).toContain((e as { code: string }).code);
        }
      }
    }
  });
});
