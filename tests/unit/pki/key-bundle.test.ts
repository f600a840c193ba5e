import { afterAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodePem, importPkcs8, exportSpki, readKeyBundle } from '../../../src/pki';
import { openssl } from '../../support/openssl';
import { makeOpensslChain } from './support-chain';

const chain = makeOpensslChain();
afterAll(() => chain.cleanup());
const p = (name: string): string => join(chain.dir, name);
const leafSpki = openssl(['pkey', '-pubout', '-outform', 'DER'], chain.leafKeyPem);
const certsPem = [chain.leaf, chain.intermediate].map((c) => encodePem('CERTIFICATE', c)).join('');
const enc = (s: string | Buffer): Uint8Array => new Uint8Array(typeof s === 'string' ? Buffer.from(s) : s);

async function spkiOf(pkcs8: Uint8Array | undefined): Promise<Buffer> {
  if (!pkcs8) throw new Error('the bundle has no key');
  const key = await importPkcs8(pkcs8, false);
  return Buffer.from(await exportSpki(key.keyPair.publicKey));
}

describe('readKeyBundle: PEM', () => {
  const sec1 = openssl(['ec', '-in', p('leaf.key')]).toString();
  const pkcs8 = chain.leafKeyPem.toString();
  const encrypted = openssl(['pkcs8', '-topk8', '-in', p('leaf.key'), '-passout', 'pass:pw']).toString();
  it.each([
    ['PKCS#8 key then certs', pkcs8 + certsPem, undefined, false],
    ['certs then SEC1 key, CRLF', (certsPem + sec1).replace(/\n/g, '\r\n'), undefined, false],
    ['encrypted PKCS#8 with its password', encrypted + certsPem, 'pw', true],
  ])('%s', async (_n, text, password, needsPassword) => {
    const bundle = await readKeyBundle(enc(text), password);
    expect(bundle.format).toBe('pem');
    expect(bundle.needsPassword).toBe(needsPassword);
    expect(bundle.certificates).toEqual([chain.leaf, chain.intermediate]);
    expect(await spkiOf(bundle.pkcs8)).toEqual(leafSpki);
  });

  it('PKCS#1 RSA key with its certificate', async () => {
    const rsaKey = openssl(['genrsa', '-traditional', '2048']);
    writeFileSync(p('rsa.key'), rsaKey);
    const cert = openssl(['req', '-x509', '-new', '-key', p('rsa.key'), '-subj', '/CN=rsa', '-days', '1']);
    const bundle = await readKeyBundle(enc(rsaKey.toString() + cert.toString()));
    expect(bundle.certificates).toHaveLength(1);
    expect(await spkiOf(bundle.pkcs8)).toEqual(openssl(['pkey', '-pubout', '-outform', 'DER'], rsaKey));
  });

  it.each([
    ['no password', undefined],
    ['wrong password', 'nope'],
  ])('encrypted key with %s → invalid-password', async (_n, password) => {
    await expect(readKeyBundle(enc(encrypted + certsPem), password)).rejects.toMatchObject({
      name: 'PkiError',
      code: 'invalid-password',
    });
  });

  it('certificates only', async () => {
    const bundle = await readKeyBundle(enc(certsPem));
    expect(bundle.pkcs8).toBeUndefined();
    expect(bundle.certificates).toHaveLength(2);
  });

  it('garbage → malformed', async () => {
    await expect(readKeyBundle(enc('-----BEGIN FOO-----\nAAAA\n-----END FOO-----\n'))).rejects.toMatchObject({
      code: 'malformed',
    });
    await expect(readKeyBundle(crypto.getRandomValues(new Uint8Array(40)))).rejects.toMatchObject({ name: 'PkiError' });
  });
});

describe('readKeyBundle: PFX made by openssl pkcs12 -export', () => {
  const exportPfx = (args: string[]): Uint8Array =>
    enc(
      openssl(['pkcs12', '-export', '-inkey', p('leaf.key'), '-in', p('leaf.crt'), '-certfile', p('int.crt'), ...args]),
    );
  it.each([
    ['default AES, password', ['-passout', 'pass:pfx'], 'pfx', true],
    ['legacy 3DES/RC2', ['-legacy', '-passout', 'pass:pfx'], 'pfx', true],
    ['empty password', ['-passout', 'pass:'], '', false],
    ['empty password, asked with undefined', ['-passout', 'pass:'], undefined, false],
  ])('%s', async (_n, args, password, needsPassword) => {
    const bundle = await readKeyBundle(exportPfx(args), password);
    expect(bundle.format).toBe('pkcs12');
    expect(bundle.needsPassword).toBe(needsPassword);
    expect(bundle.certificates[0]).toEqual(chain.leaf);
    expect(bundle.certificates).toEqual(expect.arrayContaining([chain.leaf, chain.intermediate]));
    expect(await spkiOf(bundle.pkcs8)).toEqual(leafSpki);
  });

  it.each([
    ['missing', undefined],
    ['wrong', 'nope'],
  ])('%s password → invalid-password', async (_n, password) => {
    await expect(readKeyBundle(exportPfx(['-passout', 'pass:pfx']), password)).rejects.toMatchObject({
      name: 'PkiError',
      code: 'invalid-password',
    });
  });
});
