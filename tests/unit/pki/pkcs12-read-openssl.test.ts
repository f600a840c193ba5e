import { readFileSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { readPkcs12 } from '../../../src/pki';
import { openssl } from '../../support/openssl';
import {
  LEGACY_PROVIDERS,
  makeFixtures,
  normalizeKey,
  present,
  sha1Hex,
  toHex,
  type Fixtures,
  type Identity,
} from './pkcs12-fixtures';

// PFX files made by `openssl pkcs12 -export` at test time, read back by readPkcs12.
let fx: Fixtures;
beforeAll(() => {
  fx = makeFixtures(true);
  return () => {
    fx.cleanup();
  };
}, 120_000);

function exportPfx(who: Identity, password: string, extra: string[], chain: Identity[] = []): Uint8Array {
  const out = fx.path(`out-${Math.random().toString(36).slice(2)}.p12`);
  const certfile: string[] = [];
  if (chain.length) {
    const file = fx.path(`chain-${who.name}.pem`);
    writeFileSync(file, chain.map((c) => readFileSync(c.certPem, 'utf8')).join(''));
    certfile.push('-certfile', file);
  }
  openssl([
    'pkcs12',
    '-export',
    '-inkey',
    who.keyPem,
    '-in',
    who.certPem,
    ...certfile,
    '-name',
    `${who.name} ☺`,
    '-passout',
    `pass:${password}`,
    ...extra,
    '-out',
    out,
  ]);
  return new Uint8Array(readFileSync(out));
}

interface Case {
  name: string;
  who: () => Identity;
  chain?: () => Identity[];
  password?: string;
  extra?: string[];
}

const cases: Case[] = [
  {
    name: 'default (PBES2 AES-256-CBC, HMAC-SHA-256 MAC), chain of three',
    who: () => fx.leaf,
    chain: () => [fx.intermediate, fx.root],
  },
  {
    name: '-legacy (3DES key, RC2-40 certs, SHA-1 MAC)',
    who: () => fx.leaf,
    chain: () => [fx.intermediate, fx.root],
    extra: ['-legacy'],
  },
  {
    name: '-keypbe/-certpbe PBE-SHA1-3DES',
    who: () => fx.leaf,
    extra: ['-keypbe', 'PBE-SHA1-3DES', '-certpbe', 'PBE-SHA1-3DES'],
  },
  {
    name: '-keypbe PBE-SHA1-2DES -certpbe PBE-SHA1-RC2-128',
    who: () => fx.leaf,
    extra: ['-keypbe', 'PBE-SHA1-2DES', '-certpbe', 'PBE-SHA1-RC2-128', ...LEGACY_PROVIDERS],
  },
  {
    name: '-certpbe PBE-SHA1-RC2-40 (legacy provider)',
    who: () => fx.leaf,
    extra: ['-certpbe', 'PBE-SHA1-RC2-40', ...LEGACY_PROVIDERS],
  },
  {
    name: '-keypbe NONE -certpbe NONE (plain keyBag, unencrypted certs)',
    who: () => fx.leaf,
    extra: ['-keypbe', 'NONE', '-certpbe', 'NONE'],
  },
  { name: '-nomac', who: () => fx.leaf, extra: ['-nomac'] },
  { name: '-legacy -nomac', who: () => fx.leaf, extra: ['-legacy', '-nomac'] },
  { name: 'empty password (-passout pass:)', who: () => fx.leaf, password: '' },
  { name: 'empty password, -legacy', who: () => fx.leaf, password: '', extra: ['-legacy'] },
  { name: 'unicode password', who: () => fx.leaf, password: 'pässwörd-日本' },
  { name: 'unicode password, -legacy', who: () => fx.leaf, password: 'pässwörd-日本', extra: ['-legacy'] },
  { name: '-macalg sha1', who: () => fx.leaf, extra: ['-macalg', 'sha1'] },
  { name: '-macalg sha224', who: () => fx.leaf, extra: ['-macalg', 'sha224'] },
  { name: '-macalg sha384', who: () => fx.leaf, extra: ['-macalg', 'sha384'] },
  { name: '-macalg sha512', who: () => fx.leaf, extra: ['-macalg', 'sha512'] },
  {
    name: '-keypbe aes-128-cbc -certpbe aes-192-cbc -iter 5000',
    who: () => fx.leaf,
    extra: ['-keypbe', 'aes-128-cbc', '-certpbe', 'aes-192-cbc', '-iter', '5000'],
  },
  { name: 'EC P-256', who: () => fx.ecP256 },
  { name: 'EC P-384', who: () => fx.ecP384 },
  { name: 'RSA 4096', who: () => present(fx.rsa4096, 'rsa-4096 fixture') },
];

describe('readPkcs12 of openssl pkcs12 -export', () => {
  test.each(cases.map((c) => [c.name, c]))('%s', async (_, c) => {
    const who = c.who();
    const chain = c.chain?.() ?? [];
    const password = c.password ?? 'correct horse';
    const pfx = exportPfx(who, password, c.extra ?? [], chain);
    const got = await readPkcs12(pfx, password);

    expect(got.keys).toHaveLength(1);
    expect(normalizeKey(got.keys[0].pkcs8)).toBe(normalizeKey(who.pkcs8));
    expect(got.keys[0].friendlyName).toBe(`${who.name} ☺`);
    expect(got.certificates.map((x) => toHex(x.der))).toEqual([who, ...chain].map((x) => toHex(x.certDer)));
    // openssl's localKeyId is the SHA-1 of the leaf; it ties the key to its certificate.
    expect(toHex(got.keys[0].localKeyId)).toBe(sha1Hex(who.certDer));
    expect(toHex(got.certificates[0].localKeyId)).toBe(sha1Hex(who.certDer));
    expect(got.certificates[0].friendlyName).toBe(`${who.name} ☺`);
    expect(got.certificates.slice(1).every((x) => x.localKeyId === undefined)).toBe(true);

    await expect(readPkcs12(pfx, `${password}!`)).rejects.toMatchObject({ name: 'PkiError', code: 'invalid-password' });
  });

  test('a password-protected file read with no password is invalid-password', async () => {
    const pfx = exportPfx(fx.ecP256, 'secret', []);
    await expect(readPkcs12(pfx, undefined)).rejects.toMatchObject({ code: 'invalid-password' });
    await expect(readPkcs12(pfx, '')).rejects.toMatchObject({ code: 'invalid-password' });
  });

  test('empty password: readable as "" and as no password, like openssl', async () => {
    for (const extra of [[], ['-legacy'], ['-nomac'], ['-legacy', '-nomac']]) {
      const pfx = exportPfx(fx.ecP256, '', extra);
      expect((await readPkcs12(pfx, '')).keys).toHaveLength(1);
      expect((await readPkcs12(pfx, undefined)).keys).toHaveLength(1);
    }
  });
});
