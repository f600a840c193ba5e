import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readPkcs12 } from '../../../src/pki';
import { runTool, tempDir } from '../../support/openssl';
import { pemCertificates, spkiOfCert, spkiOfKey, toHex } from './pkcs12-fixtures';

// Java writes PKCS#12 its own way (PBES2 with HmacPBESHA256 MAC since 12; RC2-40/3DES with
// -Dkeystore.pkcs12.legacy: 3DES key, RC2-40 certs, SHA-1 MAC at 100 000 iterations): a second
// writer nobody here wrote.
const tmp = tempDir('certkeep-keytool-');
const STOREPASS = 'changeit-123';
afterAll(() => tmp.cleanup());

function keytool(args: string[], legacy = false): string {
  return runTool('keytool', [...(legacy ? ['-J-Dkeystore.pkcs12.legacy'] : []), ...args]).toString();
}

function genkeypair(file: string, legacy: boolean): void {
  keytool(
    [
      '-genkeypair',
      '-alias',
      'web',
      '-keyalg',
      'EC',
      '-groupname',
      'secp256r1',
      '-dname',
      'CN=keytool.example',
      '-validity',
      '30',
      '-storetype',
      'pkcs12',
      '-keystore',
      file,
      '-storepass',
      STOREPASS,
      '-keypass',
      STOREPASS,
    ],
    legacy,
  );
}

describe('readPkcs12 of keytool keystores', () => {
  beforeAll(() => {
    genkeypair(tmp.path('modern.p12'), false);
    genkeypair(tmp.path('legacy.p12'), true);
  }, 120_000);

  test.each(['modern', 'legacy'])('%s PrivateKeyEntry: key, certificate and alias', async (kind) => {
    const file = tmp.path(`${kind}.p12`);
    const got = await readPkcs12(new Uint8Array(readFileSync(file)), STOREPASS);
    expect(got.keys).toHaveLength(1);
    expect(got.keys[0].friendlyName).toBe('web');
    const theirs = pemCertificates(
      keytool([
        '-exportcert',
        '-rfc',
        '-alias',
        'web',
        '-storetype',
        'pkcs12',
        '-keystore',
        file,
        '-storepass',
        STOREPASS,
      ]),
    );
    expect(got.certificates.map((c) => toHex(c.der))).toEqual(theirs.map(toHex));
    expect(spkiOfKey(got.keys[0].pkcs8)).toBe(spkiOfCert(got.certificates[0].der));
    expect(toHex(got.keys[0].localKeyId)).toBe(toHex(got.certificates[0].localKeyId));
    await expect(readPkcs12(new Uint8Array(readFileSync(file)), 'changeit')).rejects.toMatchObject({
      code: 'invalid-password',
    });
  });

  test('a truststore (trustedCertEntry only) gives its certificates and no key', async () => {
    const cert = tmp.path('web.crt');
    keytool([
      '-exportcert',
      '-rfc',
      '-alias',
      'web',
      '-storetype',
      'pkcs12',
      '-keystore',
      tmp.path('modern.p12'),
      '-storepass',
      STOREPASS,
      '-file',
      cert,
    ]);
    const store = tmp.path('trust.p12');
    keytool([
      '-importcert',
      '-noprompt',
      '-alias',
      'ca',
      '-file',
      cert,
      '-storetype',
      'pkcs12',
      '-keystore',
      store,
      '-storepass',
      STOREPASS,
    ]);
    const got = await readPkcs12(new Uint8Array(readFileSync(store)), STOREPASS);
    expect(got.keys).toHaveLength(0);
    expect(got.certificates.map((c) => toHex(c.der))).toEqual(pemCertificates(readFileSync(cert, 'utf8')).map(toHex));
    expect(got.certificates[0].friendlyName).toBe('ca');
  });
});
