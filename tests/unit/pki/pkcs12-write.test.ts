import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { readPkcs12, writePkcs12 } from '../../../src/pki';
import { openssl, runTool } from '../../support/openssl';
import {
  makeFixtures,
  normalizeKey,
  pemCertificates,
  pemPrivateKey,
  sha1Hex,
  toHex,
  type Fixtures,
} from './pkcs12-fixtures';

let fx: Fixtures;
beforeAll(() => {
  fx = makeFixtures();
  return () => {
    fx.cleanup();
  };
}, 120_000);

function save(pfx: Uint8Array): string {
  const file = fx.path(`ours-${Math.random().toString(36).slice(2)}.p12`);
  writeFileSync(file, pfx);
  return file;
}

const pkcs12 = (file: string, password: string, what: string[]): string =>
  openssl(['pkcs12', '-in', file, '-passin', `pass:${password}`, ...what]).toString();

describe('writePkcs12 → openssl pkcs12 and keytool', () => {
  test.each([
    {
      name: 'default',
      legacy: false,
      password: 'correct horse',
      scheme: /PBES2, PBKDF2, AES-256-CBC, Iteration 10000, PRF hmacWithSHA256/,
      mac: /MAC: sha256, Iteration 10000/,
    },
    {
      name: 'legacy',
      legacy: true,
      password: 'correct horse',
      scheme: /pbeWithSHA1And3-KeyTripleDES-CBC, Iteration 2048/,
      mac: /MAC: sha1, Iteration 2048/,
    },
    {
      name: 'default, unicode password',
      legacy: false,
      password: 'pässwörd-日本',
      scheme: /AES-256-CBC/,
      mac: /MAC: sha256/,
    },
    {
      name: 'legacy, unicode password',
      legacy: true,
      password: 'pässwörd-日本',
      scheme: /3-KeyTripleDES/,
      mac: /MAC: sha1/,
    },
    { name: 'default, empty password', legacy: false, password: '', scheme: /AES-256-CBC/, mac: /MAC: sha256/ },
    { name: 'legacy, empty password', legacy: true, password: '', scheme: /3-KeyTripleDES/, mac: /MAC: sha1/ },
  ])('$name: openssl reads the chain and the same key', async ({ legacy, password, scheme, mac }) => {
    const chain = [fx.leaf, fx.intermediate, fx.root];
    const pfx = await writePkcs12({
      key: fx.leaf.pkcs8,
      certificates: chain.map((c) => c.certDer),
      password,
      friendlyName: 'web',
      legacy,
    });
    const file = save(pfx);

    // openssl 3.0 reads 3DES without -legacy (only RC2/RC4/DES need the legacy provider).
    const { stdout: info, stderr: infoErr } = opensslBoth([
      'pkcs12',
      '-in',
      file,
      '-passin',
      `pass:${password}`,
      '-info',
      '-nokeys',
    ]);
    expect(infoErr).toMatch(scheme);
    expect(infoErr).toMatch(mac);
    expect(pemCertificates(info).map(toHex)).toEqual(chain.map((c) => toHex(c.certDer)));
    expect(info).toContain('friendlyName: web');
    expect(info.toLowerCase().replace(/ /g, '')).toContain(`localkeyid:${sha1Hex(fx.leaf.certDer)}`);

    const keyText = pkcs12(file, password, ['-nocerts', '-nodes']);
    expect(normalizeKey(pemPrivateKey(keyText))).toBe(normalizeKey(fx.leaf.pkcs8));

    expect(() => openssl(['pkcs12', '-in', file, '-passin', `pass:${password}x`, '-nokeys'])).toThrow(
      /mac verify failure|invalid password/i,
    );
  });

  test.each([false, true])('legacy=%s: keytool lists a PrivateKeyEntry with the chain of three', async (legacy) => {
    const chain = [fx.leaf, fx.intermediate, fx.root];
    const pfx = await writePkcs12({
      key: fx.leaf.pkcs8,
      certificates: chain.map((c) => c.certDer),
      password: 'changeit-123',
      friendlyName: 'web',
      legacy,
    });
    const out = runTool('keytool', [
      '-list',
      '-v',
      '-storetype',
      'pkcs12',
      '-keystore',
      save(pfx),
      '-storepass',
      'changeit-123',
    ]).toString();
    expect(out).toMatch(/Your keystore contains 1 entry/);
    expect(out).toMatch(/Alias name: web/);
    expect(out).toMatch(/Entry type: PrivateKeyEntry/);
    expect(out).toMatch(/Certificate chain length: 3/);
    expect(out).toContain(
      `SHA1: ${sha1Hex(fx.leaf.certDer)
        .toUpperCase()
        .replace(/(..)(?!$)/g, '$1:')}`,
    );
  });

  test('EC key without a friendlyName, certificates only, key only: openssl reads each', async () => {
    const ec = await writePkcs12({ key: fx.ecP384.pkcs8, certificates: [fx.ecP384.certDer], password: 'p' });
    expect(normalizeKey(pemPrivateKey(pkcs12(save(ec), 'p', ['-nocerts', '-nodes'])))).toBe(
      normalizeKey(fx.ecP384.pkcs8),
    );
    const certsOnly = await writePkcs12({ certificates: [fx.root.certDer, fx.intermediate.certDer], password: 'p' });
    expect(pemCertificates(pkcs12(save(certsOnly), 'p', ['-nokeys'])).map(toHex)).toEqual(
      [fx.root, fx.intermediate].map((c) => toHex(c.certDer)),
    );
    const keyOnly = await writePkcs12({ key: fx.ecP256.pkcs8, certificates: [], password: 'p' });
    expect(normalizeKey(pemPrivateKey(pkcs12(save(keyOnly), 'p', ['-nocerts', '-nodes'])))).toBe(
      normalizeKey(fx.ecP256.pkcs8),
    );
  });
});

/** openssl pkcs12 -info prints the certificates on stdout and the algorithms on stderr. */
function opensslBoth(args: string[]): { stdout: string; stderr: string } {
  const r = spawnSync('openssl', args);
  if (r.status !== 0) throw new Error(r.stderr.toString());
  return { stdout: r.stdout.toString(), stderr: r.stderr.toString() };
}

describe('writePkcs12 → readPkcs12 round trip', () => {
  test.each([
    { legacy: false, password: 'x' },
    { legacy: true, password: 'x' },
    { legacy: false, password: '' },
    { legacy: true, password: '😀 emoji' },
  ])('legacy=$legacy password=$password', async ({ legacy, password }) => {
    const certificates = [fx.leaf.certDer, fx.intermediate.certDer, fx.root.certDer];
    const pfx = await writePkcs12({
      key: fx.leaf.pkcs8,
      certificates,
      password,
      friendlyName: 'ünïcode ☺',
      legacy,
      iterations: 1000,
    });
    const got = await readPkcs12(pfx, password);
    expect(got.keys.map((k) => toHex(k.pkcs8))).toEqual([toHex(fx.leaf.pkcs8)]);
    expect(got.certificates.map((c) => toHex(c.der))).toEqual(certificates.map(toHex));
    expect(got.keys[0].friendlyName).toBe('ünïcode ☺');
    expect(got.certificates.map((c) => c.friendlyName)).toEqual(['ünïcode ☺', undefined, undefined]);
    expect(toHex(got.keys[0].localKeyId)).toBe(sha1Hex(fx.leaf.certDer));
    expect(toHex(got.certificates[0].localKeyId)).toBe(sha1Hex(fx.leaf.certDer));
    await expect(readPkcs12(pfx, `${password}?`)).rejects.toMatchObject({ code: 'invalid-password' });
  });

  test('two exports of the same input differ (fresh salts and IVs)', async () => {
    const options = { key: fx.ecP256.pkcs8, certificates: [fx.ecP256.certDer], password: 'x', iterations: 1000 };
    expect(toHex(await writePkcs12(options))).not.toBe(toHex(await writePkcs12(options)));
  });
});

describe('writePkcs12: refusals', () => {
  test.each([
    { name: 'nothing to export', options: { certificates: [], password: 'x' }, code: 'bad-input' },
    {
      name: 'a key that is not PKCS#8',
      options: { key: new Uint8Array([1, 2, 3]), certificates: [], password: 'x' },
      code: 'malformed',
    },
    {
      name: 'a certificate that is not DER',
      options: { certificates: [new Uint8Array([0x30, 0x00])], password: 'x' },
      code: 'malformed',
    },
    {
      name: 'iterations 0',
      options: { certificates: [new Uint8Array([0x30, 0x00])], password: 'x', iterations: 0 },
      code: 'bad-input',
    },
  ])('$name → $code', async ({ options, code }) => {
    await expect(writePkcs12(options)).rejects.toMatchObject({ name: 'PkiError', code });
  });
});
