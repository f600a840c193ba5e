import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { omit } from '../../support/omit';
import { deleteVaultDatabase, openIdbVaultStore, vaultDbName } from '../../../src/store/idb-vault-store';
import { DB_VERSION, upgradeVaultDb, type VaultDbSchema } from '../../../src/store/schema';
import { openVault } from '../../../src/vault';
import type { CertificateRecord } from '../../../src/vault/vault-store';
import { collect, makeVault } from '../vault/vault-fixture';

let n = 0;
const fresh = () => `upgrade-${Date.now().toString(36)}-${n++}`;
const V1_STORES = ['certificates', 'contacts', 'deleted', 'issuers', 'keys', 'meta', 'operations', 'versions'];

describe('vault database upgrade ladder', () => {
  it('v0 → v1: the eight stores and the byCertificate indexes', async () => {
    const name = fresh();
    const db = await openDB<VaultDbSchema>(vaultDbName(name), 1, { upgrade: upgradeVaultDb });
    expect([...db.objectStoreNames].sort()).toEqual(V1_STORES);
    const tx = db.transaction(['versions', 'keys']);
    expect([...tx.objectStore('versions').indexNames]).toEqual(['byCertificate']);
    expect(tx.objectStore('versions').keyPath).toEqual(['certificateKey', 'version']);
    expect([...tx.objectStore('keys').indexNames]).toEqual(['byCertificate']);
    db.close();
  });

  it(`v1 → current (v${DB_VERSION}): v2 adds lifetimeLog; a v1 database with a certificate upgrades intact and works`, async () => {
    // Real records, made by the current code, then written into a database at schema v1.
    const source = await makeVault();
    await source.vault.createCertificate('Kept', {
      subject: 'CN=kept',
      keyType: 'EC',
      contentType: 'application/x-pem-file',
    });
    const rows = await source.store.read(async (tx) => ({
      certificates: await tx.getAll('certificates'),
      versions: await tx.getAll('versions'),
      keys: await tx.getAll('keys'),
      operations: await tx.getAll('operations'),
    }));
    const name = fresh();
    const v1 = await openDB<VaultDbSchema>(vaultDbName(name), 1, { upgrade: upgradeVaultDb });
    const tx = v1.transaction(['certificates', 'versions', 'keys', 'operations'], 'readwrite');
    for (const r of rows.certificates) await tx.objectStore('certificates').put(r);
    for (const r of rows.versions) await tx.objectStore('versions').put(r);
    for (const r of rows.keys) await tx.objectStore('keys').put(r);
    for (const r of rows.operations) await tx.objectStore('operations').put(r);
    await tx.done;
    v1.close();

    const store = await openIdbVaultStore(name);
    const after = await store.read(async (t) => ({
      certificates: await t.getAll('certificates'),
      versions: await t.getAll('versions'),
      keys: await t.getAll('keys'),
      log: await t.getAll('lifetimeLog'),
    }));
    // Later steps may add derived fields to certificate rows (v3: nextDueMs); the data itself is kept.
    const withoutDerived = (row: CertificateRecord) => omit(row, 'nextDueMs', 'lifetimeSeen');
    expect(after.certificates.map(withoutDerived)).toEqual(rows.certificates.map(withoutDerived));
    expect(after.versions).toEqual(rows.versions);
    expect(after.keys.map((k) => k.id)).toEqual(rows.keys.map((k) => k.id));
    expect(after.log).toEqual([]);
    await store.write((t) =>
      t.put('lifetimeLog', { id: 'kept/v/notify', certificateKey: 'kept', at: new Date(), event: {} as never }),
    );
    expect(await store.read((t) => t.lifetimeLogOf('kept'))).toHaveLength(1);
    store.close();

    const vault = await openVault({ name });
    const cert = await vault.getCertificate('kept');
    expect(cert.name).toBe('Kept');
    // The stored CryptoKey survived the upgrade: the secret still carries the key.
    expect(new TextDecoder().decode((await vault.getSecret('kept')).value)).toContain('PRIVATE KEY');
    expect(await collect(vault.listPropertiesOfCertificates())).toHaveLength(1);
    vault.close();
  });

  it("v3 → v4: the access and audit stores, not yet v5's; a v3 vault with keys opens unprotected, then protects and its keys work", async () => {
    const source = await makeVault();
    await source.vault.createCertificate('Kept', { subject: 'CN=kept', keyType: 'EC' });
    await source.vault.createCertificate('Bound', { subject: 'CN=bound', exportable: false });
    const rows = await source.store.read(async (tx) => ({
      certificates: await tx.getAll('certificates'),
      versions: await tx.getAll('versions'),
      keys: await tx.getAll('keys'),
    }));
    const name = fresh();
    const v3 = await openDB<VaultDbSchema>(vaultDbName(name), 3, { upgrade: upgradeVaultDb });
    expect([...v3.objectStoreNames]).not.toContain('access');
    const tx = v3.transaction(['certificates', 'versions', 'keys'], 'readwrite');
    for (const r of rows.certificates) await tx.objectStore('certificates').put(r);
    for (const r of rows.versions) await tx.objectStore('versions').put(r);
    for (const r of rows.keys) await tx.objectStore('keys').put(r);
    await tx.done;
    v3.close();
    // The step alone: v4 has access and audit, and not yet v5's stores; the v3 rows are there.
    const v4 = await openDB<VaultDbSchema>(vaultDbName(name), 4, { upgrade: upgradeVaultDb });
    expect([...v4.objectStoreNames]).toEqual(expect.arrayContaining(['access', 'audit']));
    expect([...v4.objectStoreNames]).not.toContain('issued');
    expect(await v4.count('keys')).toBe(rows.keys.length);
    v4.close();

    const vault = await openVault({ name });
    expect(await vault.getAccessState()).toEqual({ protected: false, unlocked: true });
    expect((await vault.getCertificate('kept')).keyProtection).toBe('none');
    await vault.protect({ principal: 'admin', passphrase: 'upgrade passphrase' });
    expect((await vault.getCertificate('kept')).keyProtection).toBe('sealed');
    expect((await vault.getCertificate('bound')).keyProtection).toBe('device-bound');
    const signed = await (await vault.getCryptographyClient('kept')).signData('ES256', new Uint8Array([1]));
    expect(signed.result).toHaveLength(64);
    expect(await collect(vault.listPropertiesOfCertificates())).toHaveLength(2);
    vault.close();
    const store = await openIdbVaultStore(name);
    expect(await store.read((t) => t.count('access'))).toBe(1);
    expect(await store.read((t) => t.count('audit'))).toBe(1);
    store.close();
  });

  it('v4 → v5: issued and caStates appear; a protected v4 vault stays protected, and its principal and sealed keys open', async () => {
    // A protected vault made by the current code, its rows then written into a v4 database of
    // the same name (the access rows' MACs and the slots' AAD name the vault).
    const source = await makeVault({ iterations: 1000 });
    const name = source.store.name;
    await source.vault.createCertificate('Kept', { subject: 'CN=kept', keyType: 'EC' });
    await source.vault.protect({ principal: 'admin', passphrase: 'upgrade passphrase' });
    const v4Stores = ['certificates', 'versions', 'keys', 'meta', 'access', 'audit'] as const;
    const rows = await source.store.read(async (tx) => {
      const out: Partial<Record<(typeof v4Stores)[number], unknown[]>> = {};
      for (const s of v4Stores) out[s] = await tx.getAll(s);
      return out;
    });
    source.vault.close();
    await deleteVaultDatabase(name);
    const v4 = await openDB<VaultDbSchema>(vaultDbName(name), 4, { upgrade: upgradeVaultDb });
    expect([...v4.objectStoreNames]).not.toContain('issued');
    const tx = v4.transaction([...v4Stores], 'readwrite');
    for (const s of v4Stores) for (const r of rows[s] ?? []) await tx.objectStore(s).put(r as never);
    await tx.done;
    v4.close();

    const vault = await openVault({ name });
    expect(await vault.getAccessState()).toMatchObject({ protected: true, unlocked: false });
    await expect(vault.getCertificate('kept')).rejects.toMatchObject({ code: 'Locked' });
    await vault.unlock({ principal: 'admin', passphrase: 'upgrade passphrase' });
    expect((await vault.getCertificate('kept')).keyProtection).toBe('sealed');
    const signed = await (await vault.getCryptographyClient('kept')).signData('ES256', new Uint8Array([1]));
    expect(signed.result).toHaveLength(64);
    vault.close();
    const db = await openDB<VaultDbSchema>(vaultDbName(name), DB_VERSION);
    expect([...db.objectStoreNames]).toEqual(expect.arrayContaining(['issued', 'caStates']));
    expect(await db.count('issued')).toBe(0);
    expect(await db.count('access')).toBe(1);
    db.close();
  });

  it('v3 → v4 → v5: the issued store (index byCa, key [caKey, serialNumber]) and caStates; rows of v3 are kept', async () => {
    const name = fresh();
    const v3 = await openDB<VaultDbSchema>(vaultDbName(name), 3, { upgrade: upgradeVaultDb });
    expect([...v3.objectStoreNames]).not.toContain('issued');
    const row: CertificateRecord = {
      key: 'kept',
      name: 'Kept',
      policy: { subject: 'CN=kept' },
      createdOn: new Date(0),
      updatedOn: new Date(0),
      versionCount: 0,
      nextDueMs: Infinity,
    };
    await v3.put('certificates', row);
    v3.close();

    const store = await openIdbVaultStore(name);
    expect(await store.read((t) => t.get('certificates', 'kept'))).toEqual(row);
    const issued = {
      caKey: 'root',
      serialNumber: '7F',
      subject: 'CN=x',
      notBefore: new Date(0),
      notAfter: new Date(1),
      issuedOn: new Date(0),
      caVersion: 'v',
      cer: new Uint8Array([1]),
      sha256Fingerprint: 'AA',
    };
    await store.write(async (t) => {
      await t.put('issued', issued);
      await t.put('issued', { ...issued, caKey: 'other' });
      await t.put('caStates', { caKey: 'root', crlNumber: 4 });
    });
    expect(await store.read((t) => t.issuedBy('root'))).toEqual([issued]);
    expect(await store.read((t) => t.get('caStates', 'root'))).toEqual({ caKey: 'root', crlNumber: 4 });
    store.close();
    const db = await openDB<VaultDbSchema>(vaultDbName(name), DB_VERSION);
    expect([...db.objectStoreNames]).toEqual(expect.arrayContaining(['access', 'audit', 'issued', 'caStates']));
    const tx = db.transaction('issued');
    expect(tx.objectStore('issued').keyPath).toEqual(['caKey', 'serialNumber']);
    expect([...tx.objectStore('issued').indexNames]).toEqual(['byCa']);
    db.close();
  });

  it('v5 → v6: the trustAnchors store (key sha256) appears empty; a v5 vault with a local CA keeps its log and trusts its CA after', async () => {
    // A vault with a CA that signed a certificate, its rows then written into a v5 database.
    const source = await makeVault();
    await source.vault.createCertificate('Root', {
      subject: 'CN=Upgrade Root',
      keyType: 'EC',
      basicConstraints: { ca: true },
    });
    await source.vault.createIssuer('local', 'Local', { certificateName: 'Root' });
    await source.vault.createCertificate('Web', { subject: 'CN=web.upgrade.test', keyType: 'EC', issuerName: 'local' });
    const v5Stores = [
      'certificates',
      'versions',
      'keys',
      'issuers',
      'meta',
      'issued',
      'caStates',
      'lifetimeLog',
    ] as const;
    const rows = await source.store.read(async (tx) => {
      const out: Partial<Record<(typeof v5Stores)[number], unknown[]>> = {};
      for (const s of v5Stores) out[s] = await tx.getAll(s);
      return out;
    });
    const name = source.store.name;
    source.vault.close();
    await deleteVaultDatabase(name);
    const v5 = await openDB<VaultDbSchema>(vaultDbName(name), 5, { upgrade: upgradeVaultDb });
    expect([...v5.objectStoreNames]).not.toContain('trustAnchors');
    const tx = v5.transaction([...v5Stores], 'readwrite');
    for (const s of v5Stores) for (const r of rows[s] ?? []) await tx.objectStore(s).put(r as never);
    await tx.done;
    v5.close();

    const vault = await openVault({ name });
    expect(await vault.listTrustAnchors()).toEqual([]);
    expect(await collect(vault.listIssuedCertificates('local'))).toHaveLength(1);
    expect((await vault.getCertificateChain('web')).status).toBe('untrusted');
    await vault.addTrustAnchor((await vault.getCertificate('root')).cer);
    expect((await vault.getCertificateChain('web')).status).toBe('trusted');
    vault.close();
    const db = await openDB<VaultDbSchema>(vaultDbName(name), DB_VERSION);
    expect(DB_VERSION).toBe(6);
    expect(db.transaction('trustAnchors').objectStore('trustAnchors').keyPath).toBe('sha256');
    expect(await db.count('trustAnchors')).toBe(1);
    expect(await db.count('issued')).toBe(1);
    db.close();
  });
});
