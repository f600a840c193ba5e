/**
 * The store's own check (seal-guard.ts): a key row whose form does not fit the vault's
 * protection is refused inside the write, so a key prepared in one tab while another tab
 * protected (or unprotected) the vault never lands in the wrong form.
 */
import { describe, expect, it } from 'vitest';
import { stringContaining } from '../../../support/match';
import { openIdbVaultStore } from '../../../../src/store/idb-vault-store';
import { storeNewKey } from '../../../../src/vault/access/key-access';
import { createCertificateVault } from '../../../../src/vault/certificate-vault';
import { createVaultContext } from '../../../../src/vault/context';
import { OWNER, OWNER_PASSPHRASE, TEST_ITERATIONS } from './access-fixture';

const spec = { kty: 'EC', curve: 'P-256' } as const;
const pair = () => crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);

describe('the seal guard of the store', () => {
  it('refuses a key prepared unsealed before another tab protected the vault, and a sealed one after unprotect', async () => {
    const name = `guard-${crypto.randomUUID().slice(0, 8)}`;
    const internals = { passphraseIterations: TEST_ITERATIONS };
    const tabA = createVaultContext(await openIdbVaultStore(name), undefined, internals);
    const tabB = createVaultContext(await openIdbVaultStore(name), undefined, internals);
    const plain = await storeNewKey(tabB, 'c', { pair: await pair() }, spec, true, { id: 'k1' });
    expect(plain.privateKey).toBeDefined();

    const a = createCertificateVault(tabA);
    await a.protect({ principal: OWNER, passphrase: OWNER_PASSPHRASE });
    await expect(tabB.store.write((tx) => tx.put('keys', plain))).rejects.toMatchObject({
      name: 'VaultError',
      code: 'Conflict',
      message: stringContaining('protection changed'),
    });
    await expect(
      tabB.store.write((tx) => tx.put('deleted', { key: 'c', keys: [plain] } as never)),
    ).rejects.toMatchObject({ code: 'Conflict' });

    const sealed = await storeNewKey(tabA, 'c', { pair: await pair() }, spec, true, { id: 'k2' });
    expect(sealed.sealed?.form).toBe('mk');
    await tabA.store.write((tx) => tx.put('keys', sealed));
    await a.unprotect({ passphrase: OWNER_PASSPHRASE });
    const late = await storeNewKey(tabB, 'c', { pair: await pair() }, spec, true, { id: 'k3' });
    // tabB saw the vault unprotected now: its key is plain and stores; a sealed row no longer would.
    await tabB.store.write((tx) => tx.put('keys', late));
    await expect(tabA.store.write((tx) => tx.put('keys', { ...sealed, id: 'k4' }))).rejects.toMatchObject({
      code: 'Conflict',
    });
    const ids = (await tabA.store.read((tx) => tx.getAll('keys'))).map((k) => k.id).sort();
    expect(ids).toEqual(['k2', 'k3']);
    tabA.store.close();
    tabB.store.close();
  });
});
