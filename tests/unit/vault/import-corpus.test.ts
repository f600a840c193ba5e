/**
 * importCertificate over the shared corpus (files nobody here wrote): every PKCS#12 that openssl
 * reads and that holds a key and a certificate imports, and the stored leaf is the certificate
 * openssl pairs with the key; files without a key or a certificate, and files broken on purpose,
 * fail with a VaultError and leave the vault empty. import.test.ts covers files openssl makes here.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, expect, it } from 'vitest';
import { openssl, tempDir } from '../../support/openssl';
import {
  describeCorpus,
  CORPUS_DIR,
  corpusFile,
  isInvalidOnPurpose,
  readCatalog,
  type CatalogRow,
} from '../../support/shared-corpus';
import { collect, makeVault } from './vault-fixture';
import { stringMatching } from '../../support/match';

const rows = readCatalog();
const pfxRows = rows.filter((r) => r.kind === 'pfx' && r.opensslOk.startsWith('yes') && !isInvalidOnPurpose(r));
const hasKey = (r: CatalogRow) => !r.keyAlgorithm.startsWith('-');
const importable = pfxRows.filter((r) => hasKey(r) && r.ncerts > 0);
const noKey = pfxRows.filter((r) => !hasKey(r));
const noCert = pfxRows.filter((r) => hasKey(r) && r.ncerts === 0);
const invalid = rows.filter(isInvalidOnPurpose);

const t = tempDir('certkeep-import-corpus-');
afterAll(() => t.cleanup());

/** openssl's arguments to open a corpus PFX: catalog password ('-' = none) and -legacy when it says so. */
function pkcs12Args(r: CatalogRow): string[] {
  return [
    'pkcs12',
    '-in',
    `${CORPUS_DIR}/${r.path}`,
    '-passin',
    `pass:${r.password ?? ''}`,
    ...(r.opensslOk.includes('legacy') ? ['-legacy'] : []),
  ];
}

const sha1 = (pem: string) =>
  openssl(['x509', '-noout', '-fingerprint', '-sha1'], pem).toString().split('=')[1].trim().replace(/:/g, '');
const spki = (args: string[], input: string) => openssl(args, input).toString().trim();

/** The SHA-1 fingerprint of the certificate whose public key is the PFX's key, all by openssl. */
function opensslLeafThumbprint(r: CatalogRow): string {
  const keyPem = openssl([...pkcs12Args(r), '-nocerts', '-nodes']).toString();
  const pub = spki(['pkey', '-pubout'], keyPem);
  const certs =
    openssl([...pkcs12Args(r), '-nokeys'])
      .toString()
      .match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----\n?/g) ?? [];
  const leaf = certs.find((c) => spki(['x509', '-noout', '-pubkey'], c) === pub);
  if (!leaf) throw new Error(`openssl finds no certificate for the key in ${r.path}`);
  return sha1(leaf);
}

describeCorpus(`importCertificate over the shared corpus`, () => {
  it('the catalog has the rows this sweep relies on', () => {
    expect(importable.length).toBeGreaterThanOrEqual(15);
    expect(noKey.length).toBeGreaterThanOrEqual(5);
    expect(noCert.length).toBeGreaterThanOrEqual(1);
    expect(invalid.length).toBeGreaterThanOrEqual(3);
  });

  it.each(importable.map((r) => [r.path, r] as const))(
    'PFX %s imports; the leaf is the certificate openssl pairs with the key',
    async (_path, r) => {
      const { vault } = await makeVault();
      const cert = await vault.importCertificate('c', corpusFile(r.path), { password: r.password });
      const expected = opensslLeafThumbprint(r);
      expect(cert.properties.x509ThumbprintString).toBe(expected);
      expect(Buffer.from(cert.properties.x509Thumbprint!).toString('hex').toUpperCase()).toBe(expected);
      const back = await vault.getCertificate('c');
      expect(back.properties.x509ThumbprintString).toBe(expected);
      expect(back.policy.keyType).toBe(r.keyAlgorithm.startsWith('RSA') ? 'RSA' : 'EC');
    },
  );

  it.each(noKey.map((r) => [r.path, r] as const))(
    'PFX %s holds no key → BadParameter saying so, vault empty',
    async (_path, r) => {
      const { vault } = await makeVault();
      await expect(vault.importCertificate('c', corpusFile(r.path), { password: r.password })).rejects.toMatchObject({
        name: 'VaultError',
        code: 'BadParameter',
        message: stringMatching(/no private key/i),
      });
      expect(await collect(vault.listPropertiesOfCertificates({ includePending: true }))).toEqual([]);
    },
  );

  it.each(noCert.map((r) => [r.path, r] as const))(
    'PFX %s holds no certificate → BadParameter saying so, vault empty',
    async (_path, r) => {
      const { vault } = await makeVault();
      await expect(vault.importCertificate('c', corpusFile(r.path), { password: r.password })).rejects.toMatchObject({
        name: 'VaultError',
        code: 'BadParameter',
        message: stringMatching(/no certificate/i),
      });
      expect(await collect(vault.listPropertiesOfCertificates({ includePending: true }))).toEqual([]);
    },
  );

  it.each(invalid.map((r) => [r.path, r] as const))(
    '%s (invalid on purpose) → VaultError only, vault unchanged',
    async (_path, r) => {
      const { vault, dump } = await makeVault();
      const before = await dump();
      const password = r.password === 'unknown' ? 'password' : r.password;
      const error = await vault.importCertificate('c', corpusFile(r.path), { password }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toMatchObject({ name: 'VaultError' });
      expect(await collect(vault.listPropertiesOfCertificates({ includePending: true }))).toEqual([]);
      expect(await dump()).toEqual(before);
    },
  );
});

// Corpus PKCS#8 keys (clear, PBES2 AES/3DES, PKCS#12 PBE 3DES) with a certificate openssl self-signs for each key here.
const PEM_KEYS = [
  'pyca/asymmetric/PKCS8/unenc-rsa-pkcs8.pem',
  'pyca/asymmetric/PKCS8/ec_private_key.pem',
  'pyca/asymmetric/PKCS8/ec_private_key_encrypted.pem',
  'pyca/asymmetric/PKCS8/enc-rsa-3des.pem',
  'pyca/asymmetric/PKCS8/enc2-rsa-pkcs8.pem',
  'pyca/asymmetric/PKCS8/rsa-aes-192-cbc.pem',
  'pyca/asymmetric/PKCS8/rsa_pkcs8_pbes2_pbkdf2_2048_3des_sha512.pem',
  'pyca/asymmetric/PKCS8/pkcs12_s2k_pem-X_9607.pem',
];

describeCorpus(`PEM key + certificate from the corpus's PKCS#8 keys`, () => {
  const byPath = new Map(rows.map((r) => [r.path, r]));
  it.each(PEM_KEYS)('%s', async (path) => {
    const r = byPath.get(path);
    if (!r) throw new Error(`${path} is not in CATALOG.tsv`);
    const file = t.path(path.replace(/\//g, '_'));
    writeFileSync(file, corpusFile(path));
    const certPem = openssl([
      'req',
      '-x509',
      '-key',
      file,
      '-passin',
      `pass:${r.password ?? ''}`,
      '-subj',
      '/CN=k',
      '-days',
      '30',
    ]).toString();
    const keyPem = readFileSync(file, 'utf8');
    // The certificate starts now (openssl's clock), so the vault's clock is now too.
    const { vault } = await makeVault({ now: new Date(Date.now() + 60_000) });
    const cert = await vault.importCertificate('k', new TextEncoder().encode(`${keyPem}\n${certPem}`), {
      password: r.password,
    });
    expect(cert.properties.x509ThumbprintString).toBe(sha1(certPem));
    expect(cert.policy.keyType).toBe(r.keyAlgorithm.startsWith('RSA') ? 'RSA' : 'EC');
    // The key the vault keeps is the corpus key: openssl reads it back out of the vault's PFX.
    const secret = await vault.getSecret('k', { password: 'x' });
    const pfx = t.path('out.pfx');
    writeFileSync(pfx, secret.value);
    const stored = openssl(['pkcs12', '-in', pfx, '-passin', 'pass:x', '-nocerts', '-nodes']).toString();
    expect(spki(['pkey', '-pubout'], stored)).toBe(
      openssl(['pkey', '-in', file, '-passin', `pass:${r.password ?? ''}`, '-pubout'])
        .toString()
        .trim(),
    );
  });
});
