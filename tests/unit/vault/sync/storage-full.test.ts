/**
 * A full disk (QuotaExceededError) in the middle of a write: the vault says StorageFull in words
 * a person can act on, and nothing of the write is kept. The failure is raised where the browser
 * raises it, inside IndexedDB: the transaction is aborted with QuotaExceededError after the n-th
 * put, so the puts still pending fail with AbortError, as in Chromium.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stringContaining } from '../../../support/match';
import { collect, makeVault } from '../vault-fixture';

/** From the n-th put on (counting from 1, once armed), the transaction is aborted for quota. */
function quotaAfter(n: number) {
  const state = { armed: false, puts: 0 };
  const put = Object.getOwnPropertyDescriptor(IDBObjectStore.prototype, 'put')?.value as (
    this: IDBObjectStore,
    ...args: Parameters<IDBObjectStore['put']>
  ) => IDBRequest<IDBValidKey>;
  vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
    const request = put.apply(this, args);
    if (state.armed && ++state.puts >= n) {
      // fake-indexeddb's own abort step (what a browser runs when the quota is hit): rolls back,
      // sets transaction.error, fails the pending requests.
      (this.transaction as unknown as { _abort(name: string): void })._abort('QuotaExceededError');
    }
    return request;
  });
  return state;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('storage full', () => {
  for (const n of [1, 2, 3]) {
    it(`create, import (and at put 1 policy, delete, contacts) refused as StorageFull at put ${n}; nothing half-written`, async () => {
      const t = await makeVault();
      await t.vault.createCertificate('keep', { subject: 'CN=keep', keyType: 'EC' });
      const pfx = await t.vault.getSecret('keep', { password: 'p' });
      const before = await t.dump();
      const quota = quotaAfter(n);
      quota.armed = true;
      // Writes of three puts or more (key, version, certificate / operation); one-put writes at n = 1.
      const attempts = [
        () => t.vault.createCertificate('new', { subject: 'CN=new', keyType: 'EC' }),
        () => t.vault.createCertificate('pending', { subject: 'CN=p', keyType: 'EC', issuerName: 'Unknown' }),
        () => t.vault.importCertificate('imported', pfx.value, { password: 'p' }),
        ...(n === 1
          ? [
              () => t.vault.updateCertificatePolicy('keep', { validityInMonths: 6 }),
              () => t.vault.deleteCertificate('keep'),
              () => t.vault.setContacts([{ email: 'ops@contoso.com' }]),
            ]
          : []),
      ];
      for (const attempt of attempts) {
        quota.puts = 0;
        await expect(attempt()).rejects.toMatchObject({
          name: 'VaultError',
          code: 'StorageFull',
          message: stringContaining('storage for this site is full, so nothing was saved'),
        });
      }
      quota.armed = false;
      expect(await t.dump()).toEqual(before);
      // And the vault goes on once there is room.
      await t.vault.createCertificate('new', { subject: 'CN=new', keyType: 'EC' });
      expect((await collect(t.vault.listPropertiesOfCertificates())).map((p) => p.name).sort()).toEqual([
        'keep',
        'new',
      ]);
    });
  }
});
