import { openDB } from 'idb';
import { describe, expect, it, vi } from 'vitest';
import { deleteVaultDatabase, openIdbVaultStore, vaultDbName } from '../../../src/store/idb-vault-store';
import { DB_VERSION } from '../../../src/store/schema';
import { createCertificateVault } from '../../../src/vault/certificate-vault';
import { createVaultContext } from '../../../src/vault/context';
import { stringContaining } from '../../support/match';

/** The `close` event a browser fires at a connection it ends, shaped as fake-indexeddb's own events. */
function browserCloses(db: IDBDatabase | undefined): void {
  const event = { type: 'close', initialized: true, dispatched: false, eventPath: [], bubbles: false };
  db?.dispatchEvent(Object.assign(event, { CAPTURING_PHASE: 1, AT_TARGET: 2, BUBBLING_PHASE: 3 }) as unknown as Event);
}

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

  it('a database deleted under an open vault is let go, never recreated empty: every later call says StorageLost', async () => {
    const name = fresh();
    const store = await openIdbVaultStore(name);
    const vault = createCertificateVault(createVaultContext(store));
    await vault.setContacts([{ email: 'ops@contoso.com' }]);
    await deleteVaultDatabase(name); // would hang if our connection did not let go
    for (const call of [() => vault.getContacts(), () => vault.setContacts([{ email: 'new@contoso.com' }])]) {
      await expect(call()).rejects.toMatchObject({
        name: 'VaultError',
        code: 'StorageLost',
        message: stringContaining('Reload the page'),
      });
    }
    // Nothing was written in its place: the next visit starts a new vault knowingly, not this tab unseen.
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(vaultDbName(name));
    vault.close();
    await expect(store.read((tx) => tx.get('meta', 'x'))).rejects.toMatchObject({ name: 'InvalidStateError' });
  });

  it('a connection the browser closed is reopened; a database found gone on reopen is StorageLost, not a new empty one', async () => {
    const name = fresh();
    let connection: IDBDatabase | undefined;
    const realOpen = indexedDB.open.bind(indexedDB);
    // Keep a handle on the store's connection, as the browser has, to close it from outside.
    const spy = vi.spyOn(indexedDB, 'open').mockImplementation((n: string, v?: number) => {
      const request = realOpen(n, v);
      request.addEventListener('success', () => (connection = request.result));
      return request;
    });
    try {
      const store = await openIdbVaultStore(name);
      await store.write((tx) => tx.put('meta', { key: 'x', value: 1 }));
      // The browser ends the connection (as Chromium does when site data is cleared): reopened at the next call.
      browserCloses(connection);
      expect(await store.read((tx) => tx.get('meta', 'x'))).toEqual({ key: 'x', value: 1 });
      // Gone between two calls, with no versionchange seen by us.
      connection?.close();
      browserCloses(connection);
      await deleteVaultDatabase(name);
      await expect(store.read((tx) => tx.get('meta', 'x'))).rejects.toMatchObject({ name: 'StorageLostError' });
      expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(vaultDbName(name));
      store.close();
    } finally {
      spy.mockRestore();
    }
  });
});
