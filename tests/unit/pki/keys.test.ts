import { describe, expect, it } from 'vitest';
import {
  createCsr,
  createSelfSignedCertificate,
  encodePem,
  exportSpki,
  generateKeyPair,
  importPkcs8,
  importPrivateKey,
  keySpecOf,
  parseCertificate,
  publicKeyMatchesCertificate,
  type KeySpec,
} from '../../../src/pki';
import { writeFileSync } from 'node:fs';
import { openssl, tempDir } from '../../support/openssl';
import { stringMatching } from '../../support/match';

const specs: KeySpec[] = [
  { kty: 'RSA', size: 2048 },
  { kty: 'EC', curve: 'P-256' },
  { kty: 'EC', curve: 'P-384' },
  { kty: 'EC', curve: 'P-521' },
];

describe('generateKeyPair', () => {
  it.each(specs)('makes %o keys that report their spec', async (spec) => {
    const keys = await generateKeyPair(spec, false);
    expect(keySpecOf(keys.publicKey)).toEqual(spec);
    expect(keys.privateKey.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('pkcs8', keys.privateKey)).rejects.toThrow();
  });

  it('makes extractable keys only when asked', async () => {
    const keys = await generateKeyPair({ kty: 'EC', curve: 'P-256' }, true);
    expect(keys.privateKey.extractable).toBe(true);
    const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', keys.privateKey));
    const imported = await importPkcs8(pkcs8, false);
    expect(imported.spec).toEqual({ kty: 'EC', curve: 'P-256' });
    expect(await exportSpki(imported.keyPair.publicKey)).toEqual(await exportSpki(keys.publicKey));
  });

  it.each([
    [{ kty: 'RSA', size: 1024 }],
    [{ kty: 'RSA', size: 2047 }],
    [{ kty: 'EC', curve: 'P-192' }],
    [{ kty: 'OKP' }],
  ])('refuses %o with bad-input', async (spec) => {
    await expect(generateKeyPair(spec as KeySpec, true)).rejects.toMatchObject({ name: 'PkiError', code: 'bad-input' });
  });
});

describe('importPrivateKey from openssl-made keys', () => {
  const cases: { name: string; args: string[]; spec: KeySpec }[] = [
    { name: 'PKCS#1 RSA (traditional)', args: ['genrsa', '-traditional', '2048'], spec: { kty: 'RSA', size: 2048 } },
    {
      name: 'PKCS#8 RSA',
      args: ['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:3072'],
      spec: { kty: 'RSA', size: 3072 },
    },
    {
      name: 'SEC1 EC P-384',
      args: ['ecparam', '-name', 'secp384r1', '-genkey', '-noout'],
      spec: { kty: 'EC', curve: 'P-384' },
    },
    {
      name: 'PKCS#8 EC P-521',
      args: ['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-521'],
      spec: { kty: 'EC', curve: 'P-521' },
    },
  ];
  it.each(cases)('$name (PEM and DER) gives the key openssl derives the public key of', async ({ args, spec }) => {
    const pem = openssl(args);
    const pubDer = openssl(['pkey', '-pubout', '-outform', 'DER'], pem);
    const fromPem = await importPrivateKey(new Uint8Array(pem), { extractable: false });
    expect(fromPem.spec).toEqual(spec);
    expect(Buffer.from(await exportSpki(fromPem.keyPair.publicKey))).toEqual(pubDer);
    // The same key as DER in its own (non-PKCS#8) form, sniffed by content.
    const isSec1 = args[0] === 'ecparam';
    const isPkcs1 = args.includes('-traditional');
    const der = isSec1
      ? openssl(['ec', '-outform', 'DER'], pem)
      : isPkcs1
        ? openssl(['rsa', '-traditional', '-outform', 'DER'], pem)
        : openssl(['pkey', '-outform', 'DER'], pem);
    const fromDer = await importPrivateKey(new Uint8Array(der), { extractable: true });
    expect(Buffer.from(await exportSpki(fromDer.keyPair.publicKey))).toEqual(pubDer);
    expect(fromDer.keyPair.privateKey.extractable).toBe(true);
  });

  it.each([
    ['Ed25519', ['genpkey', '-algorithm', 'ed25519'], /ed25519/],
    ['RSA-PSS', ['genpkey', '-algorithm', 'RSA-PSS', '-pkeyopt', 'rsa_keygen_bits:2048'], /rsassa-pss/],
    ['DSA', ['genpkey', '-genparam', '-algorithm', 'DSA', '-pkeyopt', 'dsa_paramgen_bits:1024'], /dsa/],
    ['secp256k1', ['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:secp256k1'], /curve 1\.3\.132\.0\.10/],
  ])('refuses %s as unsupported, naming it', async (_name, args, message) => {
    let pem = openssl(args);
    if (args.includes('-genparam')) {
      const tmp = tempDir();
      writeFileSync(tmp.path('dsa.param'), pem);
      pem = openssl(['genpkey', '-paramfile', tmp.path('dsa.param')]);
      tmp.cleanup();
    }
    await expect(importPrivateKey(new Uint8Array(pem), { extractable: true })).rejects.toMatchObject({
      code: 'unsupported',
      message: stringMatching(message),
    });
  });

  it.each([
    ['SEC1', []],
    ['PKCS#8', ['pkey']],
  ])('refuses an explicit-curve EC key (%s) as unsupported', async (_n, convert) => {
    let pem = openssl(['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-param_enc', 'explicit']);
    if (convert.length) pem = openssl(convert, pem);
    await expect(importPrivateKey(new Uint8Array(pem), { extractable: true })).rejects.toMatchObject({
      code: 'unsupported',
      message: stringMatching(/explicit/),
    });
  });

  it('imports a SEC1 key without parameters when the caller names the curve', async () => {
    const pem = openssl(['ecparam', '-name', 'secp384r1', '-genkey', '-noout']);
    const pubDer = openssl(['pkey', '-pubout', '-outform', 'DER'], pem);
    const der = openssl(['ec', '-outform', 'DER', '-no_public'], pem);
    // Strip the [0] parameters openssl writes, as some HSM exports do.
    const { fromBER, Sequence } = await import('asn1js');
    const seq = fromBER(new Uint8Array(der)).result;
    if (!(seq instanceof Sequence)) throw new Error('a SEC1 key is a SEQUENCE');
    seq.valueBlock.value = seq.valueBlock.value.filter((n) => !(n.idBlock.tagClass === 3 && n.idBlock.tagNumber === 0));
    const bare = new Uint8Array(seq.toBER(false));
    await expect(importPrivateKey(bare, { extractable: false })).rejects.toMatchObject({ code: 'bad-input' });
    const key = await importPrivateKey(bare, { extractable: false, curve: 'P-384' });
    expect(Buffer.from(await exportSpki(key.keyPair.publicKey))).toEqual(pubDer);
  });

  it.each([
    ['garbage', new TextEncoder().encode('hello world')],
    ['truncated DER', new Uint8Array([0x30, 0x82, 0x01, 0x00, 0x02, 0x01])],
    ['PEM with bad base64', new TextEncoder().encode('-----BEGIN PRIVATE KEY-----\n@@@@\n-----END PRIVATE KEY-----\n')],
  ])('rejects %s as malformed', async (_name, bytes) => {
    await expect(importPrivateKey(bytes, { extractable: true })).rejects.toMatchObject({
      name: 'PkiError',
      code: 'malformed',
    });
  });
});

describe('publicKeyMatchesCertificate', () => {
  it('is true for the own certificate and false for another key', async () => {
    const keys = await generateKeyPair({ kty: 'EC', curve: 'P-256' }, false);
    const other = await generateKeyPair({ kty: 'EC', curve: 'P-256' }, false);
    const der = await createSelfSignedCertificate({
      subject: 'CN=match',
      keys,
      notBefore: new Date('2026-01-01T00:00:00Z'),
      validityInMonths: 12,
    });
    expect(await publicKeyMatchesCertificate(keys.publicKey, der)).toBe(true);
    expect(await publicKeyMatchesCertificate(other.publicKey, der)).toBe(false);
    expect((await parseCertificate(der)).keySpec).toEqual({ kty: 'EC', curve: 'P-256' });
    expect(encodePem('CERTIFICATE', der)).toMatch(/^-----BEGIN CERTIFICATE-----\n/);
    expect((await createCsr({ subject: 'CN=x', keys })).length).toBeGreaterThan(100);
  });
});

describe('importPrivateKey with encrypted PKCS#8', () => {
  it.each([
    ['PBES2 AES-256-CBC', ['-v2', 'aes-256-cbc']],
    ['PBES1 3DES (legacy)', ['-v1', 'PBE-SHA1-3DES']],
  ])('%s: opens with the password; missing or wrong password is invalid-password', async (_n, pbeArgs) => {
    const plain = openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256']);
    const encrypted = new Uint8Array(openssl(['pkcs8', '-topk8', ...pbeArgs, '-passout', 'pass:s3cret'], plain));
    const pubDer = openssl(['pkey', '-pubout', '-outform', 'DER'], plain);
    const key = await importPrivateKey(encrypted, { password: 's3cret', extractable: false });
    expect(Buffer.from(await exportSpki(key.keyPair.publicKey))).toEqual(pubDer);
    await expect(importPrivateKey(encrypted, { extractable: false })).rejects.toMatchObject({
      code: 'invalid-password',
    });
    await expect(importPrivateKey(encrypted, { password: 'wrong', extractable: false })).rejects.toMatchObject({
      code: 'invalid-password',
    });
  });

  it('refuses legacy PEM (DEK-Info) encryption as unsupported', async () => {
    const plain = openssl(['genrsa', '-traditional', '2048']);
    const legacy = openssl(['rsa', '-traditional', '-aes128', '-passout', 'pass:x'], plain);
    expect(legacy.toString()).toContain('DEK-Info');
    await expect(importPrivateKey(new Uint8Array(legacy), { password: 'x', extractable: false })).rejects.toMatchObject(
      { code: 'unsupported' },
    );
  });
});

describe('key match by SPKI, whatever the encoding', () => {
  it('matches a certificate whose SPKI holds the compressed EC point', async () => {
    const tmp = tempDir();
    const plain = openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256']);
    writeFileSync(tmp.path('k.pem'), openssl(['ec', '-conv_form', 'compressed'], plain));
    const certPem = openssl([
      'req',
      '-x509',
      '-new',
      '-key',
      tmp.path('k.pem'),
      '-subj',
      '/CN=compressed',
      '-days',
      '1',
      '-outform',
      'DER',
    ]);
    tmp.cleanup();
    const cert = new Uint8Array(certPem);
    const key = await importPrivateKey(new Uint8Array(plain), { extractable: false });
    // The bytes differ (33-byte point vs 65), the key is the same.
    expect((await parseCertificate(cert)).spki).not.toEqual(await exportSpki(key.keyPair.publicKey));
    expect(await publicKeyMatchesCertificate(key.keyPair.publicKey, cert)).toBe(true);
    const other = await generateKeyPair({ kty: 'EC', curve: 'P-256' }, false);
    expect(await publicKeyMatchesCertificate(other.publicKey, cert)).toBe(false);
  });
});
