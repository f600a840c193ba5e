/**
 * Raw storage of a protected vault: after creating, importing and restoring exportable and
 * non-exportable RSA and EC keys (and an EC-HSM one), every row of every store is read as
 * IndexedDB holds it. No private CryptoKey of a software key is there (only the HSM kind's
 * device-bound one), and no key's PKCS#8, nor its private JWK parts, appear anywhere: not in
 * keys, versions, deleted, operations, lifetimeLog, audit or meta.
 */
import { describe, expect, it } from 'vitest';
import { openIdbVaultStore } from '../../../../src/store/idb-vault-store';
import { keyLabel, openSealedKey } from '../../../../src/vault/access/sealing';
import { createCertificateVault } from '../../../../src/vault/certificate-vault';
import { createVaultContext } from '../../../../src/vault/context';
import { STORE_NAMES } from '../../../../src/vault/vault-store';
import { decodePem } from '../../../../src/pki/pem';
import { OWNER, OWNER_PASSPHRASE, TEST_ITERATIONS } from './access-fixture';

/** Every byte string and every text in a value, and every CryptoKey, found by walking it. */
function walk(v: unknown, found: { bytes: Uint8Array[]; texts: string[]; keys: CryptoKey[] }): void {
  if (v instanceof CryptoKey) found.keys.push(v);
  else if (v instanceof Uint8Array) found.bytes.push(v);
  else if (v instanceof ArrayBuffer) found.bytes.push(new Uint8Array(v));
  else if (typeof v === 'string') found.texts.push(v);
  else if (Array.isArray(v)) for (const x of v) walk(x, found);
  else if (v && typeof v === 'object' && !(v instanceof Date)) for (const x of Object.values(v)) walk(x, found);
}

function contains(haystack: Uint8Array, needle: Uint8Array): boolean {
  return Buffer.from(haystack).indexOf(Buffer.from(needle)) !== -1;
}

describe('raw storage of a protected vault', () => {
  it('holds no private CryptoKey of a software key and no PKCS#8 of any key', async () => {
    const store = await openIdbVaultStore(`raw-${crypto.randomUUID().slice(0, 8)}`);
    const clock = { now: new Date('2026-01-15T10:00:00Z') };
    const ctx = createVaultContext(store, () => clock.now, {
      passphraseIterations: TEST_ITERATIONS,
    });
    const v = createCertificateVault(ctx);
    await v.protect({ principal: OWNER, passphrase: OWNER_PASSPHRASE });
    const pem = { contentType: 'application/x-pem-file' } as const;
    await v.createCertificate('rsa-x', { subject: 'CN=rsa-x', ...pem });
    await v.createCertificate('rsa-n', { subject: 'CN=rsa-n', exportable: false, ...pem });
    await v.createCertificate('ec-x', { subject: 'CN=ec-x', keyType: 'EC', ...pem });
    await v.createCertificate('ec-n', { subject: 'CN=ec-n', keyType: 'EC', exportable: false, ...pem });
    await v.createCertificate('ec-hsm', { subject: 'CN=ec-hsm', keyType: 'EC-HSM', exportable: false, ...pem });
    await v.createCertificate('pending', { subject: 'CN=p', keyType: 'EC', issuerName: 'Unknown' });
    await v.importCertificate('imported', (await v.getSecret('ec-x')).value, {
      policy: { subject: 'CN=imported', keyType: 'EC', ...pem },
    });
    const backup = await v.backupCertificate('rsa-x', { password: 'backup-pw' });
    await v.deleteCertificate('rsa-x');
    await v.purgeDeletedCertificate('rsa-x');
    expect((await v.restoreCertificateBackup(backup, { password: 'backup-pw' })).keyProtection).toBe('sealed');
    await v.deleteCertificate('ec-x');
    await v.createIssuer('acme', 'DigiCert', { password: 'issuer-api-key-123' });
    // AutoRenew at 80 % of the lifetime: new keys, sealed, and lifetimeLog rows.
    clock.now = new Date('2026-11-20T10:00:00Z');
    const renewed = (await v.runLifetimeActions()).filter((e) => e.kind === 'renewed');
    expect(renewed.length).toBeGreaterThanOrEqual(4);

    // The secrets: PKCS#8 of exportable keys from getSecret, of the others from their sealed rows.
    const pkcs8s: Uint8Array<ArrayBuffer>[] = [];
    for (const name of ['rsa-x', 'imported']) {
      const text = new TextDecoder().decode((await v.getSecret(name)).value);
      pkcs8s.push(decodePem(text).find((b) => b.label === 'PRIVATE KEY')!.der);
    }
    const keyRows = await store.read((tx) => tx.getAll('keys'));
    const deletedRows = await store.read((tx) => tx.getAll('deleted'));
    for (const k of [...keyRows, ...deletedRows.flatMap((d) => d.keys)]) {
      if (k.sealed) pkcs8s.push(await openSealedKey(k.sealed, ctx.access.unlocked!, keyLabel(k.id)));
    }
    // 2 exported; sealed: rsa-x (restored), rsa-n, ec-n, pending, imported, ec-x (deleted), and the
    // renewals' new keys (but the EC-HSM one's, which is device-bound)
    expect(pkcs8s.length).toBe(8 + renewed.filter((e) => e.certificateName !== 'ec-hsm').length);
    const jwkParts: string[] = [];
    for (const der of pkcs8s) {
      const alg = der.length > 500 ? { name: 'RSA-PSS', hash: 'SHA-256' } : { name: 'ECDSA', namedCurve: 'P-256' };
      const jwk = await crypto.subtle.exportKey(
        'jwk',
        await crypto.subtle.importKey('pkcs8', der, alg, true, ['sign']),
      );
      jwkParts.push(jwk.d!, ...(jwk.p ? [jwk.p, jwk.q!] : []));
    }

    const found = { bytes: [] as Uint8Array[], texts: [] as string[], keys: [] as CryptoKey[] };
    const rows = await store.read(async (tx) => {
      const out: Record<string, unknown[]> = {};
      for (const s of STORE_NAMES) out[s] = await tx.getAll(s);
      return out;
    });
    walk(rows, found);
    expect(rows.audit.length).toBeGreaterThan(0);
    expect(rows.operations.length).toBeGreaterThan(0);
    expect(rows.lifetimeLog.length).toBeGreaterThan(0);
    // The only private CryptoKeys: the EC-HSM keys (first and renewed), non-extractable and device-bound.
    const hsmRows = keyRows.filter((k) => k.certificateKey === 'ec-hsm');
    expect(hsmRows).toHaveLength(2);
    expect(hsmRows.every((k) => k.deviceBound === true && k.privateKey?.extractable === false)).toBe(true);
    const privateKeys = found.keys.filter((k) => k.type === 'private');
    expect(privateKeys).toHaveLength(2);
    expect(privateKeys.every((k) => !k.extractable)).toBe(true);
    // No meta row holds a vault key (issuer credentials are under the master key).
    expect(rows.meta.map((m) => (m as { key: string }).key)).not.toContain('vaultKey');
    for (const der of pkcs8s) {
      expect(found.bytes.some((b) => contains(b, der))).toBe(false);
      const b64 = Buffer.from(der).toString('base64').slice(0, 64);
      expect(found.texts.some((s) => s.includes(b64))).toBe(false);
    }
    for (const part of jwkParts) expect(found.texts.some((s) => s.includes(part))).toBe(false);
    expect(found.texts.some((s) => s.includes('issuer-api-key-123'))).toBe(false);
    expect(found.bytes.some((b) => contains(b, new TextEncoder().encode('issuer-api-key-123')))).toBe(false);
    v.close();
  });
});
