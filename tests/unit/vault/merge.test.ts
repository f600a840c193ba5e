import { afterAll, describe, expect, it } from 'vitest';
import { describeCertificate } from '../../../src/vault/describe';
import { makeOpensslCa } from './openssl-ca';
import { collect, makeVault } from './vault-fixture';
import { stringContaining, stringMatching } from '../../support/match';

const ca = makeOpensslCa();
afterAll(() => ca.cleanup());
const text = (s: string) => new TextEncoder().encode(s);
// Key Vault's sentences (ARCHITECTURE §5), typed here rather than imported, so a change to
// the vault's wording fails this file. The CSR sentence's second half is Certkeep's hint.
const KEY_MISMATCH =
  'The public key of the end-entity certificate in the specified X.509 certificate content does not match the public part of the specified private key. Please check if certificate is valid';
const CSR_ALREADY_USED =
  'The CSR used to get your certificate has already been used to merge a certificate. Create a new certificate request (or set reuseKey in the policy) to merge another certificate.';
const pending = { subject: 'CN=merge.contoso.com', issuerName: 'Unknown', keyType: 'EC' } as const;

describe('mergeCertificate', () => {
  it('merges an openssl-signed certificate with its chain (one PEM) → first version, leaf first', async () => {
    const { vault } = await makeVault();
    const op = await vault.createCertificate('m', pending);
    const leafPem = ca.sign(op.csr!);
    const merged = await vault.mergeCertificate('m', [text(ca.caPem + leafPem)]);
    expect(merged.properties.version).toMatch(/^[0-9a-f]{32}$/);
    expect(Buffer.from(merged.cer)).toEqual(Buffer.from(ca.toDer(leafPem)));
    expect(merged.chain.map((c) => Buffer.from(c).toString('hex'))).toEqual(
      [ca.toDer(leafPem), ca.caDer].map((c) => Buffer.from(c).toString('hex')),
    );
    expect((await describeCertificate(merged.cer)).issuer).toContain('CN=Test CA');
    expect((await vault.getCertificateOperation('m')).status).toBe('completed');
    expect(merged.policy.issuerName).toBe('Unknown');
    expect(await collect(vault.listPropertiesOfCertificates())).toHaveLength(1);
  });

  it('DER elements, P7B PEM and P7B DER are all accepted; preserveCertificateOrder keeps the given order', async () => {
    for (const form of ['der', 'p7b-pem', 'p7b-der', 'preserve'] as const) {
      const { vault } = await makeVault();
      const op = await vault.createCertificate('m', pending);
      const leafPem = ca.sign(op.csr!);
      const input =
        form === 'der' || form === 'preserve'
          ? [ca.caDer, ca.toDer(leafPem)]
          : [ca.p7b(ca.caPem + leafPem, form === 'p7b-pem' ? 'PEM' : 'DER')];
      const merged = await vault.mergeCertificate('m', input, { preserveCertificateOrder: form === 'preserve' });
      const order = merged.chain.map((c) => (Buffer.from(c).equals(Buffer.from(ca.caDer)) ? 'ca' : 'leaf'));
      expect(order, form).toEqual(form === 'preserve' ? ['ca', 'leaf'] : ['leaf', 'ca']);
      expect(Buffer.from(merged.cer).equals(Buffer.from(ca.toDer(leafPem))), form).toBe(true);
    }
  });

  it("a certificate for another key → BadParameter with Key Vault's exact message, nothing changes", async () => {
    const { vault, dump } = await makeVault();
    await vault.createCertificate('m', pending);
    const other = await vault.createCertificate('other', pending);
    const before = await dump();
    await expect(vault.mergeCertificate('m', [text(ca.sign(other.csr!))])).rejects.toMatchObject({
      name: 'VaultError',
      code: 'BadParameter',
      message: KEY_MISMATCH,
      // The merged certificate is the input at fault: the merge panel marks it.
      field: 'file',
    });
    await expect(vault.mergeCertificate('m', [ca.caDer])).rejects.toMatchObject({
      code: 'BadParameter',
      message: KEY_MISMATCH,
    });
    expect(await dump()).toEqual(before);
  });

  it('a P7B chain whose leaf is for another key → the same sentence; the pending request then merges its own', async () => {
    const { vault, dump } = await makeVault();
    const op = await vault.createCertificate('m', { ...pending, keyType: 'RSA' });
    const other = await vault.createCertificate('other', { ...pending, keyType: 'RSA' });
    if (!op.csr || !other.csr) throw new Error('pending operations carry a CSR');
    const before = await dump();
    const foreign = ca.p7b(ca.sign(other.csr) + ca.caPem, 'DER');
    await expect(vault.mergeCertificate('m', [foreign])).rejects.toMatchObject({
      name: 'VaultError',
      code: 'BadParameter',
      message: KEY_MISMATCH,
    });
    expect(await dump()).toEqual(before);
    expect((await vault.getCertificateOperation('m')).status).toBe('inProgress');
    const merged = await vault.mergeCertificate('m', [ca.p7b(ca.sign(op.csr) + ca.caPem, 'DER')]);
    expect(merged.chain).toHaveLength(2);
  });

  it('a CSR is used once: merging again → BadParameter "already been used"; with reuseKey a new version', async () => {
    const { vault } = await makeVault();
    const op = await vault.createCertificate('once', pending);
    const leaf = text(ca.sign(op.csr!));
    await vault.mergeCertificate('once', [leaf]);
    await expect(vault.mergeCertificate('once', [leaf])).rejects.toMatchObject({
      code: 'BadParameter',
      message: CSR_ALREADY_USED,
    });

    const op2 = await vault.createCertificate('again', { ...pending, reuseKey: true });
    await vault.mergeCertificate('again', [text(ca.sign(op2.csr!))]);
    await vault.mergeCertificate('again', [text(ca.sign(op2.csr!, 30))]);
    expect(await collect(vault.listPropertiesOfCertificateVersions('again'))).toHaveLength(2);
  });

  it('cancel → merge refused; delete operation → NotFound; no operation → NotFound', async () => {
    const { vault } = await makeVault();
    const op = await vault.createCertificate('c', pending);
    const cancelled = await vault.cancelCertificateOperation('c');
    expect(cancelled).toMatchObject({ status: 'cancelled', cancellationRequested: true });
    await expect(vault.mergeCertificate('c', [text(ca.sign(op.csr!))])).rejects.toMatchObject({
      code: 'BadParameter',
      message: stringContaining('cancelled'),
    });
    await vault.deleteCertificateOperation('c');
    await expect(vault.getCertificateOperation('c')).rejects.toMatchObject({ code: 'NotFound' });
    await expect(vault.mergeCertificate('c', [text(ca.sign(op.csr!))])).rejects.toMatchObject({ code: 'NotFound' });
    // The name is free again: the certificate never had a version.
    expect(await collect(vault.listPropertiesOfCertificates({ includePending: true }))).toEqual([]);
    await expect(vault.mergeCertificate('never', [ca.caDer])).rejects.toMatchObject({ code: 'NotFound' });
    await expect(vault.mergeCertificate('c', [])).rejects.toMatchObject({ code: 'BadParameter' });
  });

  it('garbage input → Malformed VaultError naming the element', async () => {
    const { vault } = await makeVault();
    await vault.createCertificate('g', pending);
    await expect(vault.mergeCertificate('g', [ca.caDer, new Uint8Array([0x30, 0x03, 1, 2])])).rejects.toMatchObject({
      name: 'VaultError',
      message: stringContaining('Certificate 2 of 2'),
    });
  });

  it('a certificate whose validity date is damaged → Malformed with a readable message', async () => {
    const { vault } = await makeVault();
    const op = await vault.createCertificate('t', pending);
    const der = Buffer.from(ca.toDer(ca.sign(op.csr!)));
    const at = der.indexOf(Buffer.from([0x17, 0x0d])); // notBefore, UTCTime of 13 characters
    der[at + 4] = 0x41; // a letter where a digit of the year belongs
    await expect(vault.mergeCertificate('t', [new Uint8Array(der)])).rejects.toMatchObject({
      name: 'VaultError',
      code: 'Malformed',
      message: stringMatching(/could not be read: it is damaged/),
    });
  });

  it('a policy updated while the request is pending is the one the merged certificate keeps', async () => {
    const { vault } = await makeVault();
    const op = await vault.createCertificate('u', pending);
    await vault.updateCertificatePolicy('u', { contentType: 'application/x-pem-file' });
    const merged = await vault.mergeCertificate('u', [new TextEncoder().encode(ca.sign(op.csr!))]);
    expect(merged.policy).toMatchObject({
      contentType: 'application/x-pem-file',
      issuerName: 'Unknown',
      keyType: 'EC',
    });
  });
});
