/**
 * getCertificateChain and the trust anchors through the vault API, over certificates made by
 * openssl and imported as an admin would (PEM with key and chain, PFX), each verdict
 * cross-checked with `openssl verify` on the same certificates.
 */
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { openssl } from '../../support/openssl';
import { stringContaining } from '../../support/match';
import { makeWorkshop } from '../../support/path-chains';
import { makeVault, type TestVault } from './vault-fixture';

const w = makeWorkshop();
afterAll(() => w.cleanup());
const DAY = 86_400_000;

const root = w.make({ name: 'root', subject: '/CN=Vault Root', key: 'rsa', ca: true, days: 60 });
const int = w.make({ name: 'int', subject: '/CN=Vault Intermediate', issuer: 'root', ca: true, days: 2 });
const leaf = w.make({
  name: 'leaf',
  subject: '/CN=app.example.com',
  issuer: 'int',
  ext: 'subjectAltName=DNS:app.example.com',
});
const self = w.make({ name: 'self', subject: '/CN=self.example.com' });
const stranger = w.make({ name: 'stranger', subject: '/CN=Unrelated CA', ca: true });

const pem = (der: Uint8Array): string => openssl(['x509', '-inform', 'DER'], der).toString();
const keyPem = (name: string): string => readFileSync(w.path(`${name}.key`), 'utf8');
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const sha = (der: Uint8Array): string =>
  openssl(['x509', '-inform', 'DER', '-noout', '-fingerprint', '-sha256'], der)
    .toString()
    .split('=')[1]
    .trim()
    .replace(/:/g, '');

let t: TestVault;
beforeEach(async () => {
  // A minute ahead: openssl stamps notBefore with the second it signs.
  t = await makeVault({ now: new Date(Date.now() + 60_000) });
});

describe('getCertificateChain', () => {
  it('repairs the order of an imported chain, is untrusted until its root is an anchor, trusted after', async () => {
    // The chain comes root first, as some CAs hand it out; preserveCertificateOrder keeps it so.
    const file = bytes(keyPem('leaf') + pem(root) + pem(leaf) + pem(int));
    await t.vault.importCertificate('app', file, { preserveCertificateOrder: true });
    const before = await t.vault.getCertificateChain('app');
    expect(before.status).toBe('untrusted');
    expect(before.path.map((l) => l.subject)).toEqual(['CN=app.example.com', 'CN=Vault Intermediate', 'CN=Vault Root']);
    expect(before.path.map((l) => l.source)).toEqual(['version', 'version', 'version']);
    expect(before.problems).toEqual([
      {
        code: 'untrustedRoot',
        sha256: sha(root),
        message:
          'The chain ends at the root "CN=Vault Root", which is not a trust anchor: add it as one if you trust it.',
      },
    ]);
    expect(w.verify(leaf, [], [root, int], t.clock.now)).toMatchObject({ ok: false, error: 19, depth: 2 });

    const anchor = await t.vault.addTrustAnchor(bytes(pem(root)));
    expect(anchor).toMatchObject({ sha256: sha(root), subject: 'CN=Vault Root', selfSigned: true });
    const after = await t.vault.getCertificateChain('app');
    expect(after).toMatchObject({ status: 'trusted', problems: [] });
    expect(after.path.map((l) => l.source)).toEqual(['version', 'version', 'anchor']);
    expect(w.verify(leaf, [root], [int], t.clock.now).ok).toBe(true);
  });

  it('a missing intermediate is untrusted, saying which issuer is missing; another vault certificate fills it', async () => {
    await t.vault.importCertificate('app', bytes(keyPem('leaf') + pem(leaf)));
    await t.vault.addTrustAnchor(root);
    const missing = await t.vault.getCertificateChain('app');
    expect(missing.status).toBe('untrusted');
    expect(missing.problems).toEqual([
      {
        code: 'issuerNotFound',
        sha256: sha(leaf),
        message: stringContaining('The issuer of "CN=app.example.com" ("CN=Vault Intermediate") is not in'),
      },
    ]);
    expect(w.verify(leaf, [root], [], t.clock.now)).toMatchObject({ ok: false, error: 20, depth: 0 });

    await t.vault.importCertificate('intermediate', bytes(keyPem('int') + pem(int)));
    const found = await t.vault.getCertificateChain('app');
    expect(found.status).toBe('trusted');
    expect(found.path.map((l) => [l.subject, l.source])).toEqual([
      ['CN=app.example.com', 'version'],
      ['CN=Vault Intermediate', 'vault'],
      ['CN=Vault Root', 'anchor'],
    ]);
  });

  it('an expired intermediate makes the chain invalid, naming it', async () => {
    await t.vault.importCertificate('app', bytes(keyPem('leaf') + pem(leaf) + pem(int)));
    await t.vault.addTrustAnchor(root);
    t.clock.now = new Date(t.clock.now.getTime() + 5 * DAY);
    const got = await t.vault.getCertificateChain('app');
    expect(got.status).toBe('invalid');
    expect(got.problems.find((p) => p.sha256 === sha(int))).toMatchObject({
      code: 'expired',
      message: stringContaining('The intermediate "CN=Vault Intermediate" expired on'),
    });
    expect(w.verify(leaf, [root], [int], t.clock.now)).toMatchObject({ ok: false, error: 10 });
  });

  it('a self-signed certificate from a PFX with an unrelated CA is its own chain, not under that CA', async () => {
    const pfx = openssl([
      'pkcs12',
      '-export',
      '-inkey',
      w.path('self.key'),
      '-in',
      w.path('self.crt'),
      '-certfile',
      w.pemFile('stranger.pem', [stranger]),
      '-passout',
      'pass:',
    ]);
    await t.vault.importCertificate('self', new Uint8Array(pfx), { password: '' });
    expect((await t.vault.getCertificate('self')).chain).toHaveLength(2);
    await t.vault.addTrustAnchor(stranger);
    const got = await t.vault.getCertificateChain('self');
    expect(got.status).toBe('untrusted');
    expect(got.path.map((l) => l.subject)).toEqual(['CN=self.example.com']);
    expect(got.problems).toEqual([
      {
        code: 'untrustedRoot',
        sha256: sha(self),
        message:
          '"CN=self.example.com" is self-signed and not a trust anchor: trust it only if you know where it comes from.',
      },
    ]);
    expect(w.verify(self, [stranger], [], t.clock.now)).toMatchObject({ ok: false, error: 18, depth: 0 });

    await t.vault.addTrustAnchor(self);
    expect(await t.vault.getCertificateChain('self')).toMatchObject({ status: 'trusted', problems: [] });
  });

  it('reads a given version, and NotFound for an unknown certificate or version', async () => {
    await t.vault.importCertificate('app', bytes(keyPem('leaf') + pem(leaf) + pem(int)));
    const version = (await t.vault.getCertificate('app')).properties.version!;
    expect((await t.vault.getCertificateChain('app', { version })).path[0].sha256).toBe(sha(leaf));
    await expect(t.vault.getCertificateChain('nope')).rejects.toMatchObject({ name: 'VaultError', code: 'NotFound' });
    await expect(t.vault.getCertificateChain('app', { version: '0'.repeat(32) })).rejects.toMatchObject({
      code: 'NotFound',
    });
  });
});

describe('trust anchors', () => {
  it('adds from PEM or DER once, lists by subject, removes by fingerprint in any notation', async () => {
    const a = await t.vault.addTrustAnchor(bytes(pem(root)));
    const again = await t.vault.addTrustAnchor(root);
    expect(again).toEqual(a);
    await t.vault.addTrustAnchor(int); // a CA, trusted without its root
    const list = await t.vault.listTrustAnchors();
    expect(list.map((x) => [x.subject, x.selfSigned])).toEqual([
      ['CN=Vault Intermediate', false],
      ['CN=Vault Root', true],
    ]);
    const colons = a.sha256.toLowerCase().replace(/(..)(?!$)/g, '$1:');
    await t.vault.removeTrustAnchor(colons);
    expect((await t.vault.listTrustAnchors()).map((x) => x.subject)).toEqual(['CN=Vault Intermediate']);
    await expect(t.vault.removeTrustAnchor(a.sha256)).rejects.toMatchObject({ code: 'NotFound', field: 'sha256' });
    await expect(t.vault.removeTrustAnchor('not hex')).rejects.toMatchObject({ code: 'BadParameter', field: 'sha256' });
  });

  it('refuses an end-entity certificate, several certificates, and bytes that are no certificate; nothing changes', async () => {
    const before = await t.dump();
    await expect(t.vault.addTrustAnchor(leaf)).rejects.toMatchObject({
      code: 'BadParameter',
      field: 'file',
      message:
        '"CN=app.example.com" is neither a CA certificate (basicConstraints cA) nor self-signed: only a CA or a root can be a trust anchor.',
    });
    await expect(t.vault.addTrustAnchor(bytes(pem(root) + pem(int)))).rejects.toMatchObject({
      code: 'BadParameter',
      message: stringContaining('holds 2 certificates'),
    });
    await expect(t.vault.addTrustAnchor(bytes('hello'))).rejects.toMatchObject({
      name: 'VaultError',
      code: 'Malformed',
    });
    await expect(t.vault.addTrustAnchor(new Uint8Array())).rejects.toMatchObject({ code: 'BadParameter' });
    expect(await t.dump()).toEqual(before);
  });

  it('trusts a CA made in the vault, so what it issues is trusted', async () => {
    await t.vault.createCertificate('ca', { subject: 'CN=Local Root', keyType: 'EC', basicConstraints: { ca: true } });
    await t.vault.createIssuer('local', 'Local', { certificateName: 'ca' });
    await t.vault.createCertificate('web', { subject: 'CN=web.example.com', keyType: 'EC', issuerName: 'local' });
    expect((await t.vault.getCertificateChain('web')).status).toBe('untrusted');
    await t.vault.addTrustAnchor((await t.vault.getCertificate('ca')).cer);
    const got = await t.vault.getCertificateChain('web');
    expect(got.status).toBe('trusted');
    expect(got.path.map((l) => l.source)).toEqual(['version', 'anchor']);
  });
});
