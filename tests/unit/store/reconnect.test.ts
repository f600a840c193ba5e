import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { deleteVaultDatabase, openIdbVaultStore, vaultDbName } from '../../../src/store/idb-vault-store';
import { DB_VERSION } from '../../../src/store/schema';
import { createCertificateVault } from '../../../src/vault/certificate-vault';
import { createVaultContext } from '../../../src/vault/context';
import { stringContaining } from '../../support/match';

let n = 0;
const fresh = () => `reconnect-${Date.now().toString(36)}-${n++}`;

describe('a vault connection that another context needs', () => {
  it('a newer schema elsewhere is not blocked by us; our next call says "reload"', async () => {
    const name = fresh();
    const store = await openIdbVaultStore(name);
    const vault = createCertificateVault(createVaultContext(store));
    await vault.setContacts([{ email: 'ops@contoso.com' }]);
    // A newer Certkeep (another tab, an updated service worker) opens the next schema version.
    const newer = await openDB(vaultDbName(name), DB_VERSION + 1, {
      upgrade: (db) => void db.createObjectStore('future'),
    });
    expect([...newer.objectStoreNames]).toContain('future');
    newer.close();
    await expect(vault.getContacts()).rejects.toMatchObject({
      name: 'VaultError',
      code: 'Conflict',
      message: stringContaining('Reload this page'),
    });
    vault.close();
  });

  it('a connection let go for a database deletion is opened again on the next call', async () => {
    const name = fresh();
    const store = await openIdbVaultStore(name);
    await store.write((tx) => tx.put('meta', { key: 'x', value: 1 }));
    await deleteVaultDatabase(name); // would hang if our connection did not let go
    expect(await store.read((tx) => tx.get('meta', 'x'))).toBeUndefined();
    await store.write((tx) => tx.put('meta', { key: 'x', value: 2 }));
    expect(await store.read((tx) => tx.get('meta', 'x'))).toEqual({ key: 'x', value: 2 });
    store.close();
    await expect(store.read((tx) => tx.get('meta', 'x'))).rejects.toMatchObject({ name: 'InvalidStateError' });
  });
});
