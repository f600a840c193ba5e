import { expect, test } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { openssl, tempDir } from '../support/openssl';
import { ecdsaRawToDer } from '../support/ecdsa-signature';
import { openVaultHarness } from './harness/module-harness';
import { fakePasskey, readRawRows, reload } from './harness/raw-rows';

// Protected vaults over Chromium's real IndexedDB and WebCrypto: the rows as Chromium stores
// them hold no private CryptoKey of a software key and no exported PKCS#8; a non-exportable
// RSA key does PS256 and RSA-OAEP-256 after a reload and an unlock with passkey PRF bytes; a
// locked vault renews with a key sealed to the sealing key, which signs after the unlock.
test.describe.configure({ mode: 'default' });

const unb64 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'base64'));

/** openssl's public key PEM of a DER certificate, written to `path`. */
function writePublicKey(cer: string, dir: ReturnType<typeof tempDir>, path: string): void {
  writeFileSync(dir.path('cer.der'), unb64(cer));
  writeFileSync(path, openssl(['x509', '-inform', 'DER', '-in', dir.path('cer.der'), '-pubkey', '-noout']));
}

test.describe('protected vault in Chromium', () => {
  test.beforeEach(async ({ page }) => {
    await openVaultHarness(page);
  });

  test('IndexedDB holds no private CryptoKey of a software key and no PKCS#8; a non-exportable RSA key does PS256 and RSA-OAEP-256 after a reload', async ({
    page,
  }) => {
    const name = `sealed-${Date.now()}`;
    const key = fakePasskey();
    const made = await page.evaluate(
      ({ name, key }) =>
        window.vaultPage.withVault(name, async (v, { dec, enc }) => {
          await v.protect({
            principal: 'Alice',
            prf: dec(key.prf),
            passkey: { credentialId: dec(key.credentialId), prfSalt: dec(key.prfSalt) },
          });
          const pem = { contentType: 'application/x-pem-file' } as const;
          const keyUsage = ['digitalSignature', 'keyEncipherment', 'dataEncipherment'] as const;
          await v.createCertificate('rsa-x', { subject: 'CN=rsa-x', ...pem, keyUsage: [...keyUsage] });
          await v.createCertificate('rsa-n', {
            subject: 'CN=rsa-n',
            exportable: false,
            ...pem,
            keyUsage: [...keyUsage],
          });
          await v.createCertificate('ec-x', { subject: 'CN=ec-x', keyType: 'EC', ...pem });
          await v.createCertificate('ec-n', { subject: 'CN=ec-n', keyType: 'EC', exportable: false, ...pem });
          await v.createCertificate('ec-hsm', { subject: 'CN=ec-hsm', keyType: 'EC-HSM', exportable: false, ...pem });
          const pkcs8s: string[] = [];
          for (const n of ['rsa-x', 'ec-x']) {
            const text = new TextDecoder().decode((await v.getSecret(n)).value);
            const body = /-----BEGIN PRIVATE KEY-----([^-]+)-----END/.exec(text)?.[1];
            if (!body) throw new Error(`no private key in the secret of ${n}`);
            pkcs8s.push(body.replace(/\s+/g, ''));
          }
          const secretOfNonExportable = new TextDecoder().decode((await v.getSecret('rsa-n')).value);
          const protections: string[] = [];
          for (const n of ['rsa-x', 'rsa-n', 'ec-x', 'ec-n', 'ec-hsm'])
            protections.push((await v.getCertificate(n)).keyProtection);
          // A control that must be found: the certificate DER, which the version row holds.
          const control = enc((await v.getCertificate('rsa-x')).cer);
          return { pkcs8s, control, protections, nonExportableHasKey: secretOfNonExportable.includes('PRIVATE KEY') };
        }),
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
      ({ name, prf, data }) =>
        window.vaultPage.withVault(name, async (v, { dec, enc, codeOf }) => {
          const locked = await codeOf(v.getCertificate('rsa-n'));
          const wrong = await codeOf(v.unlock({ principal: 'alice', prf: new Uint8Array(32) }));
          const state = await v.getAccessState();
          await v.unlock({ principal: 'alice', prf: dec(prf) });
          const client = await v.getCryptographyClient('rsa-n');
          const ps = await client.signData('PS256', new TextEncoder().encode(data));
          const passkey = state.principals?.[0]?.passkey;
          return {
            locked,
            wrong,
            principals: state.principals?.map((p) => `${p.principal}:${p.methods.join('+')}`),
            credentialId: passkey ? enc(passkey.credentialId) : null,
            ps: enc(ps.result),
            cer: enc((await v.getCertificate('rsa-n')).cer),
          };
        }),
      { name, prf: key.prf, data },
    );
    expect(out).toMatchObject({ locked: 'Locked', wrong: 'InvalidPassword', principals: ['Alice:passkey'] });
    expect(out.credentialId).toBe(key.credentialId);

    const t = tempDir('certkeep-access-e2e-');
    try {
      writePublicKey(out.cer, t, t.path('pub.pem'));
      writeFileSync(t.path('sig'), unb64(out.ps));
      writeFileSync(t.path('data'), data);
      const verify = ['dgst', '-sha256', '-verify', t.path('pub.pem'), '-sigopt', 'rsa_padding_mode:pss'];
      const sigopts = ['-sigopt', 'rsa_pss_saltlen:32', '-signature', t.path('sig'), t.path('data')];
      expect(openssl([...verify, ...sigopts]).toString()).toContain('Verified OK');
      // RSA-OAEP-256 made by openssl decrypts in the page.
      const secret = crypto.getRandomValues(new Uint8Array(32));
      writeFileSync(t.path('plain'), secret);
      const oaep = [
        '-pkeyopt',
        'rsa_padding_mode:oaep',
        '-pkeyopt',
        'rsa_oaep_md:sha256',
        '-pkeyopt',
        'rsa_mgf1_md:sha256',
      ];
      const ct = openssl([
        'pkeyutl',
        '-encrypt',
        '-pubin',
        '-inkey',
        t.path('pub.pem'),
        '-in',
        t.path('plain'),
        ...oaep,
      ]);
      const plain = await page.evaluate(
        ({ name, prf, ct }) =>
          window.vaultPage.withVault(name, async (v, { dec, enc }) => {
            await v.unlock({ principal: 'Alice', prf: dec(prf) });
            const client = await v.getCryptographyClient('rsa-n');
            return enc((await client.decrypt({ algorithm: 'RSA-OAEP-256', ciphertext: dec(ct) })).result);
          }),
        { name, prf: key.prf, ct: Buffer.from(ct).toString('base64') },
      );
      expect(unb64(plain)).toEqual(secret);
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
      ({ name, created }) =>
        window.vaultPage.withVault(
          name,
          async (v) => {
            await v.protect({ principal: 'ops', passphrase: 'renewals keep working' });
            await v.createCertificate('web', { subject: 'CN=web', keyType: 'EC', exportable: false });
          },
          { now: created },
        ),
      { name, created },
    );
    await reload(page);
    const renewed = await page.evaluate(
      ({ name, due }) =>
        window.vaultPage.withVault(
          name,
          async (v) => {
            const { unlocked } = await v.getAccessState();
            const events = await v.runLifetimeActions();
            return { unlocked, events: events.map((e) => ({ kind: e.kind, newVersion: e.newVersion })) };
          },
          { now: due },
        ),
      { name, due },
    );
    expect(renewed.unlocked).toBe(false);
    expect(renewed.events).toEqual([
      { kind: 'renewed', newVersion: expect.stringMatching(/^[0-9a-f]{32}$/) as unknown },
    ]);
    const newVersion = renewed.events[0]?.newVersion ?? '';
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
        const key = await get('keys', version?.keyId as string);
        db.close();
        return {
          form: (key?.sealed as { form?: string } | undefined)?.form,
          hasCryptoKey: 'privateKey' in (key ?? {}),
        };
      },
      { dbName: `certkeep-vault:${name}`, newVersion },
    );
    expect(row).toEqual({ form: 'sealing-key', hasCryptoKey: false });

    const signed = await page.evaluate(
      ({ name, due }) =>
        window.vaultPage.withVault(
          name,
          async (v, { enc }) => {
            await v.unlock({ principal: 'ops', passphrase: 'renewals keep working' });
            const c = await v.getCertificate('web');
            const client = await v.getCryptographyClient('web');
            const sig = await client.signData('ES256', new TextEncoder().encode('renewed'));
            return { version: c.properties.version, sig: enc(sig.result), cer: enc(c.cer) };
          },
          { now: due },
        ),
      { name, due },
    );
    expect(signed.version).toBe(newVersion);
    const t = tempDir('certkeep-access-e2e-');
    try {
      writePublicKey(signed.cer, t, t.path('pub.pem'));
      writeFileSync(t.path('sig'), ecdsaRawToDer(unb64(signed.sig)));
      writeFileSync(t.path('data'), 'renewed');
      const args = ['dgst', '-sha256', '-verify', t.path('pub.pem'), '-signature', t.path('sig'), t.path('data')];
      expect(openssl(args).toString()).toContain('Verified OK');
    } finally {
      t.cleanup();
    }
  });
});
