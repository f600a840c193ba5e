import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readPkcs12 } from '../../../src/pki';
import { pbkdf2Passwords } from '../../../src/pki/pbe/bmp-password';
import { decryptPrivateKeyInfo } from '../../../src/pki/pbe/decrypt-private-key';
import { openssl, tempDir } from '../../support/openssl';

/*
 * The vectors: openssl run the way a Latin-1 (or Windows-1252) console runs it. openssl hands
 * the password octets to PBKDF2 as they are, so `-passout file:` over the ISO-8859-1 bytes of
 * "pässwörd" (70 e4 73 73 77 f6 72 64) writes exactly such a file. Its PKCS#12 MAC is over the
 * BMPString, where openssl reads non-UTF-8 input as Latin-1, so the MAC matches "pässwörd"
 * while the PBES2 safes need the Latin-1 octets. keytool cannot make one: Java 17 refuses a
 * non-ASCII PBES2 password outright ("Password is not ASCII").
 */
const PASSWORD = 'pässwörd';
const tmp = tempDir('certkeep-latin1-');
let keyDer: Uint8Array;
let latin1Pkcs8: Uint8Array;
let utf8Pkcs8: Uint8Array;
let latin1Pfx: Uint8Array;
let latin1NoMacPfx: Uint8Array;

beforeAll(() => {
  const key = tmp.path('key.pem');
  const cert = tmp.path('cert.pem');
  const pass = tmp.path('pass.latin1');
  writeFileSync(pass, Buffer.from(PASSWORD, 'latin1'));
  openssl(
    ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', key].concat([
      '-out',
      cert,
      '-subj',
      '/CN=latin1',
      '-days',
      '30',
    ]),
  );
  keyDer = new Uint8Array(openssl(['pkcs8', '-topk8', '-nocrypt', '-in', key, '-outform', 'DER']));
  const topk8 = (passout: string) =>
    new Uint8Array(
      openssl(['pkcs8', '-topk8', '-v2', 'aes-256-cbc', '-in', key, '-outform', 'DER', '-passout', passout]),
    );
  latin1Pkcs8 = topk8(`file:${pass}`);
  utf8Pkcs8 = topk8(`pass:${PASSWORD}`);
  const pfx = (extra: string[]) => {
    const out = tmp.path(`p${Math.random().toString(36).slice(2)}.p12`);
    openssl(['pkcs12', '-export', '-inkey', key, '-in', cert, '-passout', `file:${pass}`, ...extra, '-out', out]);
    return new Uint8Array(readFileSync(out));
  };
  latin1Pfx = pfx([]);
  latin1NoMacPfx = pfx(['-nomac']);
});
afterAll(() => tmp.cleanup());

const invalidPassword = { name: 'PkiError', code: 'invalid-password' };

describe('PBES2 with a Latin-1 password (openssl on a Latin-1 console)', () => {
  test('the vector really is Latin-1: openssl itself fails it with the UTF-8 password', () => {
    const f = tmp.path('latin1.der');
    writeFileSync(f, latin1Pkcs8);
    const r = spawnSync('openssl', ['pkcs8', '-inform', 'DER', '-in', f, '-passin', `pass:${PASSWORD}`]);
    expect(r.status).not.toBe(0);
  });

  test('encrypted PKCS#8: opens with the password as typed, and gives the same key', async () => {
    expect(await decryptPrivateKeyInfo(latin1Pkcs8, PASSWORD)).toEqual(keyDer);
    expect(await decryptPrivateKeyInfo(utf8Pkcs8, PASSWORD)).toEqual(keyDer);
  });

  test.each(['passwort', 'pässwört', 'PÄSSWÖRD', ''])(
    'encrypted PKCS#8, wrong password %j → invalid-password',
    async (p) => {
      await expect(decryptPrivateKeyInfo(latin1Pkcs8, p)).rejects.toMatchObject(invalidPassword);
    },
  );

  test('PFX: the MAC matches the typed password and the safes open with the Latin-1 octets', async () => {
    const got = await readPkcs12(latin1Pfx, PASSWORD);
    expect(got.keys.map((k) => k.pkcs8)).toEqual([keyDer]);
    expect(got.certificates).toHaveLength(1);
    await expect(readPkcs12(latin1Pfx, 'pässwört')).rejects.toMatchObject(invalidPassword);
  });

  test('PFX without a MAC: only decryption can judge, and a wrong password still fails', async () => {
    expect((await readPkcs12(latin1NoMacPfx, PASSWORD)).keys.map((k) => k.pkcs8)).toEqual([keyDer]);
    await expect(readPkcs12(latin1NoMacPfx, 'pässwört')).rejects.toMatchObject(invalidPassword);
    await expect(readPkcs12(latin1NoMacPfx, 'passwort')).rejects.toMatchObject(invalidPassword);
  });
});

describe('pbkdf2Passwords', () => {
  const hex = (list: Uint8Array[]) => list.map((b) => Buffer.from(b).toString('hex'));
  test.each([
    { password: undefined, want: [''] },
    { password: 'ascii', want: ['6173636969'] },
    { password: 'ä', want: ['c3a4', 'e4'] },
    // U+65E5 has no Latin-1 byte: UTF-8 only, no lossy guess.
    { password: 'ä日', want: ['c3a4e697a5'] },
  ])('$password → $want', ({ password, want }) => {
    expect(hex(pbkdf2Passwords(password))).toEqual(want);
  });
});
