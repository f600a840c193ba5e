import { expect, test } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { openssl, tempDir } from '../support/openssl';
import { ecdsaRawToDer } from '../support/ecdsa-signature';
import { openModuleHarness } from './harness/module-harness';
import { fakePasskey, readRawRows, reload } from './harness/raw-rows';

// Protected vaults over Chromium's real IndexedDB and WebCrypto: the rows as Chromium stores
// them hold no private CryptoKey of a software key and no exported PKCS#8; a non-exportable
// RSA key does PS256 and RSA-OAEP-256 after a reload and an unlock with passkey PRF bytes; a
// locked vault renews with a key sealed to the sealing key, which signs after the unlock.
// Page functions are typed against the vault module (window.vault = src/vault/index.ts).
test.describe.configure({ mode: 'default' });

type VaultApi = typeof import('../../src/vault');
const unb64 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'base64'));

test.describe('protected vault in Chromium', () => {
  test.beforeEach(async ({ page }) => {
    await openModuleHarness(page, { entry: 'src/vault/index.ts', globalName: 'vault' });
  });

  test('IndexedDB holds no private CryptoKey of a software key and no PKCS#8; a non-exportable RSA key does PS256 and RSA-OAEP-256 after a reload', async ({
    page,
  }) => {
    const name = `sealed-${Date.now()}`;
    const key = fakePasskey();
    const made = await page.evaluate(
      async ({ name, key }) => {
        const api = (window as unknown as { vault: VaultApi }).vault;
        const dec = (s: string) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
        const v = await api.openVault({ name });
        await v.protect({
          principal: 'Alice',
          prf: dec(key.prf),
          passkey: { credentialId: dec(key.credentialId), prfSalt: dec(key.prfSalt) },
        });
        const pem = { contentType: 'application/x-pem-file' } as const;
        const usage = { keyUsage: ['digitalSignature', 'keyEncipherment', 'dataEncipherment'] } as const;
        await v.createCertificate('rsa-x', { subject: 'CN=rsa-x', ...pem, keyUsage: [...usage.keyUsage] });
        await v.createCertificate('rsa-n', {
          subject: 'CN=rsa-n',
          exportable: false,
          ...pem,
          keyUsage: [...usage.keyUsage],
        });
        await v.createCertificate('ec-x', { subject: 'CN=ec-x', keyType: 'EC', ...pem });
        await v.createCertificate('ec-n', { subject: 'CN=ec-n', keyType: 'EC', exportable: false, ...pem });
        await v.createCertificate('ec-hsm', { subject: 'CN=ec-hsm', keyType: 'EC-HSM', exportable: false, ...pem });
        const pkcs8s: string[] = [];
        for (const n of ['rsa-x', 'ec-x']) {
          const text = new TextDecoder().decode((await v.getSecret(n)).value);
          pkcs8s.push(/-----BEGIN PRIVATE KEY-----([^-]+)-----END/.exec(text)![1].replace(/\s+/g, ''));
        }
        const secretOfNonExportable = new TextDecoder().decode((await v.getSecret('rsa-n')).value);
        const protections = await Promise.all(
          ['rsa-x', 'rsa-n', 'ec-x', 'ec-n', 'ec-hsm'].map(async (n) => (await v.getCertificate(n)).keyProtection),
        );
        // A control that must be found: the certificate DER, which the version row holds.
        const cer = (await v.getCertificate('rsa-x')).cer;
        const control = btoa(Array.from(cer, (c) => String.fromCharCode(c)).join(''));
        v.close();
        return { pkcs8s, control, protections, nonExportableHasKey: secretOfNonExportable.includes('PRIVATE KEY') };
      },
      { name, key },
    );
    expect(made.protections).toEqual(['sealed', 'sealed', 'sealed', 'sealed', 'device-bound']);
    expect(made.nonExportableHasKey).toBe(false);

    const raw = await readRawRows(page, `certkeep-vault:${name}`, [...made.pkcs8s, made.control]);
    expect(raw.stores).toEqual(expect.arrayContaining(['access', 'audit', 'keys', 'meta']));
    expect(raw.keys.filter((k) => k.type === 'private')).toEqual([
      { type: 'private', extractable: false, algorithm: 'ECDSA' }, // the EC-HSM key, device-bound
    ]);
    expect(raw.found).toEqual([false, false, true]);

    await reload(page);
    const data = 'signed by a sealed key in chromium';
    const out = await page.evaluate(
      async ({ name, prf, data }) => {
        const api = (window as unknown as { vault: VaultApi }).vault;
        const enc = (b: Uint8Array) => btoa(Array.from(b, (c) => String.fromCharCode(c)).join(''));
        const dec = (s: string) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
        const v = await api.openVault({ name });
        const locked = await v.getCertificate('rsa-n').then(
          () => 'read',
          (e: unknown) => (e as { code: string }).code,
        );
        const wrong = await v.unlock({ principal: 'alice', prf: new Uint8Array(32) }).then(
          () => 'unlocked',
          (e: unknown) => (e as { code: string }).code,
        );
        const state = await v.getAccessState();
        await v.unlock({ principal: 'alice', prf: dec(prf) });
        const client = await v.getCryptographyClient('rsa-n');
        const ps = await client.signData('PS256', new TextEncoder().encode(data));
        const cer = (await v.getCertificate('rsa-n')).cer;
        const passkey = state.principals?.[0]?.passkey;
        v.close();
        return {
          locked,
          wrong,
          principals: state.principals?.map((p) => `${p.principal}:${p.methods.join('+')}`),
          credentialId: passkey ? enc(passkey.credentialId) : null,
          ps: enc(ps.result),
          cer: enc(cer),
        };
      },
      { name, prf: key.prf, data },
    );
    expect(out).toMatchObject({ locked: 'Locked', wrong: 'InvalidPassword', principals: ['Alice:passkey'] });
    expect(out.credentialId).toBe(key.credentialId);

    const t = tempDir('certkeep-access-e2e-');
    try {
      writeFileSync(t.path('cer.der'), unb64(out.cer));
      writeFileSync(
        t.path('pub.pem'),
        openssl(['x509', '-inform', 'DER', '-in', t.path('cer.der'), '-pubkey', '-noout']),
      );
      writeFileSync(t.path('sig'), unb64(out.ps));
      writeFileSync(t.path('data'), data);
      const verify = ['dgst', '-sha256', '-verify', t.path('pub.pem'), '-sigopt', 'rsa_padding_mode:pss'];
      const sigopts = ['-sigopt', 'rsa_pss_saltlen:32', '-signature', t.path('sig'), t.path('data')];
      expect(openssl([...verify, ...sigopts]).toString()).toContain('Verified OK');
      // RSA-OAEP-256 made by openssl decrypts in the page.
      const secret = crypto.getRandomValues(new Uint8Array(32));
      writeFileSync(t.path('plain'), secret);
      const ct = openssl([
        'pkeyutl',
        '-encrypt',
        '-pubin',
        '-inkey',
        t.path('pub.pem'),
        '-in',
        t.path('plain'),
        '-pkeyopt',
        'rsa_padding_mode:oaep',
        '-pkeyopt',
        'rsa_oaep_md:sha256',
        '-pkeyopt',
        'rsa_mgf1_md:sha256',
      ]);
      const plain = await page.evaluate(
        async ({ name, prf, ct }) => {
          const api = (window as unknown as { vault: VaultApi }).vault;
          const dec = (s: string) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
          const v = await api.openVault({ name });
          await v.unlock({ principal: 'Alice', prf: dec(prf) });
          const client = await v.getCryptographyClient('rsa-n');
          const r = await client.decrypt({ algorithm: 'RSA-OAEP-256', ciphertext: dec(ct) });
          v.close();
          return Array.from(r.result);
        },
        { name, prf: key.prf, ct: Buffer.from(ct).toString('base64') },
      );
      expect(new Uint8Array(plain)).toEqual(secret);
    } finally {
      t.cleanup();
    }
  });

  test('a locked vault renews an AutoRenew certificate with a key sealed to the sealing key; after unlock it signs', async ({
    page,
  }) => {
    const name = `renew-${Date.now()}`;
    const created = '2026-01-15T10:00:00Z';
    const due = '2026-12-15T10:00:00Z';
    await page.evaluate(
      async ({ name, created }) => {
        const api = (window as unknown as { vault: VaultApi }).vault;
        const v = await api.openVault({ name, now: () => new Date(created) });
        await v.protect({ principal: 'ops', passphrase: 'renewals keep working' });
        await v.createCertificate('web', { subject: 'CN=web', keyType: 'EC', exportable: false });
        v.close();
      },
      { name, created },
    );
    await reload(page);
    const renewed = await page.evaluate(
      async ({ name, due }) => {
        const api = (window as unknown as { vault: VaultApi }).vault;
        const v = await api.openVault({ name, now: () => new Date(due) });
        const state = await v.getAccessState();
        const events = await v.runLifetimeActions();
        v.close();
        return { unlocked: state.unlocked, events: events.map((e) => ({ kind: e.kind, newVersion: e.newVersion })) };
      },
      { name, due },
    );
    expect(renewed.unlocked).toBe(false);
    expect(renewed.events).toEqual([{ kind: 'renewed', newVersion: expect.stringMatching(/^[0-9a-f]{32}$/) }]);
    const newVersion = renewed.events[0].newVersion!;
    const row = await page.evaluate(
      async ({ dbName, newVersion }) => {
        const db: IDBDatabase = await new Promise((res) => {
          const r = indexedDB.open(dbName);
          r.onsuccess = () => res(r.result);
        });
        const get = (s: string, k: IDBValidKey) =>
          new Promise<Record<string, unknown> | undefined>((res) => {
            const q = db.transaction(s).objectStore(s).get(k);
            q.onsuccess = () => res(q.result as Record<string, unknown> | undefined);
          });
        const version = await get('versions', ['web', newVersion]);
        const key = await get('keys', version!.keyId as string);
        db.close();
        return { form: (key!.sealed as { form: string }).form, hasCryptoKey: 'privateKey' in key! };
      },
      { dbName: `certkeep-vault:${name}`, newVersion },
    );
    expect(row).toEqual({ form: 'sealing-key', hasCryptoKey: false });

    const signed = await page.evaluate(
      async ({ name, due }) => {
        const api = (window as unknown as { vault: VaultApi }).vault;
        const enc = (b: Uint8Array) => btoa(Array.from(b, (c) => String.fromCharCode(c)).join(''));
        const v = await api.openVault({ name, now: () => new Date(due) });
        await v.unlock({ principal: 'ops', passphrase: 'renewals keep working' });
        const c = await v.getCertificate('web');
        const sig = await (await v.getCryptographyClient('web')).signData('ES256', new TextEncoder().encode('renewed'));
        v.close();
        return { version: c.properties.version, sig: enc(sig.result), cer: enc(c.cer) };
      },
      { name, due },
    );
    expect(signed.version).toBe(newVersion);
    const t = tempDir('certkeep-access-e2e-');
    try {
      writeFileSync(t.path('cer.der'), unb64(signed.cer));
      writeFileSync(
        t.path('pub.pem'),
        openssl(['x509', '-inform', 'DER', '-in', t.path('cer.der'), '-pubkey', '-noout']),
      );
      writeFileSync(t.path('sig'), ecdsaRawToDer(unb64(signed.sig)));
      writeFileSync(t.path('data'), 'renewed');
      const args = ['dgst', '-sha256', '-verify', t.path('pub.pem'), '-signature', t.path('sig'), t.path('data')];
      expect(openssl(args).toString()).toContain('Verified OK');
    } finally {
      t.cleanup();
    }
  });
});
