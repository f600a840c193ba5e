import { afterEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { getCryptographyClient } from '../../../src/vault/crypto-client';
import { createCertificateVault } from '../../../src/vault/certificate-vault';
import { openssl, tempDir } from '../../support/openssl';
import { cleanupContexts, freshContext, seedCertificate } from './crypto-client-seed';
import type { VaultContext } from '../../../src/vault/context';
import { ecdsaRawToDer } from '../../support/ecdsa-signature';
import { stringContaining, stringMatching } from '../../support/match';

afterEach(cleanupContexts);

const data = new TextEncoder().encode('sign me, openssl');
const IN_2026 = { value: new Date('2026-06-01T00:00:00Z') };

function pubPem(cer: Uint8Array): string {
  return openssl(['x509', '-inform', 'DER', '-pubkey', '-noout'], cer).toString();
}

async function pkcs8Pem(key: CryptoKey): Promise<string> {
  const der = Buffer.from(await crypto.subtle.exportKey('pkcs8', key)).toString('base64');
  return `-----BEGIN PRIVATE KEY-----\n${der.match(/.{1,64}/g)!.join('\n')}\n-----END PRIVATE KEY-----\n`;
}

function opensslVerify(pem: string, digest: string, signature: Uint8Array, extra: string[] = []): boolean {
  const t = tempDir();
  try {
    writeFileSync(t.path('pub.pem'), pem);
    writeFileSync(t.path('sig'), signature);
    writeFileSync(t.path('data'), data);
    const out = openssl([
      'dgst',
      `-${digest}`,
      '-verify',
      t.path('pub.pem'),
      ...extra,
      '-signature',
      t.path('sig'),
      t.path('data'),
    ]);
    return out.toString().includes('Verified OK');
  } finally {
    t.cleanup();
  }
}

describe('CryptographyClient: signatures checked by openssl', () => {
  let ctx: VaultContext;

  it('RS256/RS384/RS512 and PS256/PS384 with an exportable RSA key', async () => {
    ctx = await freshContext('cc', IN_2026);
    const seeded = await seedCertificate(ctx, { name: 'rsa', exportable: true });
    const client = await getCryptographyClient(ctx, 'rsa');
    expect(client.keyID).toBe(`${ctx.vaultUrl}/keys/rsa/${seeded.version}`);
    const pem = pubPem(seeded.cer);
    for (const [alg, digest] of [
      ['RS256', 'sha256'],
      ['RS384', 'sha384'],
      ['RS512', 'sha512'],
    ] as const) {
      const signed = await client.signData(alg, data);
      expect(signed).toMatchObject({ algorithm: alg, keyID: client.keyID });
      expect(opensslVerify(pem, digest, signed.result)).toBe(true);
      expect((await client.verifyData(alg, data, signed.result)).result).toBe(true);
    }
    for (const [alg, digest, salt] of [
      ['PS256', 'sha256', '32'],
      ['PS384', 'sha384', '48'],
    ] as const) {
      const signed = await client.signData(alg, data);
      const pss = ['-sigopt', 'rsa_padding_mode:pss', '-sigopt', `rsa_pss_saltlen:${salt}`];
      expect(opensslVerify(pem, digest, signed.result, pss)).toBe(true);
    }
    const bad = (await client.signData('RS256', data)).result;
    bad[10] ^= 1;
    expect((await client.verifyData('RS256', data, bad)).result).toBe(false);
    expect((await client.verifyData('RS256', data, new Uint8Array(3))).result).toBe(false);
  });

  it('ES256 with a NON-exportable P-256 key: raw r||s, verified by openssl after DER conversion', async () => {
    ctx = await freshContext('cc', IN_2026);
    const seeded = await seedCertificate(ctx, { name: 'ec', spec: { kty: 'EC', curve: 'P-256' }, exportable: false });
    const client = await getCryptographyClient(ctx, 'ec');
    const signed = await client.signData('ES256', data);
    expect(signed.result.length).toBe(64);
    expect(opensslVerify(pubPem(seeded.cer), 'sha256', ecdsaRawToDer(signed.result))).toBe(true);
    expect((await client.verifyData('ES256', data, signed.result)).result).toBe(true);
    // RFC 7518 §3.4: ES384 means P-384.
    await expect(client.signData('ES384', data)).rejects.toMatchObject({
      name: 'VaultError',
      code: 'BadParameter',
      message: stringContaining('ES256'),
    });
    await expect(client.signData('RS256', data)).rejects.toMatchObject({ code: 'BadParameter' });
  });

  it('ES384 and ES512 on P-384 / P-521 keys', async () => {
    ctx = await freshContext('cc', IN_2026);
    for (const [curve, alg, digest, len] of [
      ['P-384', 'ES384', 'sha384', 96],
      ['P-521', 'ES512', 'sha512', 132],
    ] as const) {
      const seeded = await seedCertificate(ctx, { name: `ec-${curve}`, spec: { kty: 'EC', curve }, exportable: false });
      const client = await getCryptographyClient(ctx, `ec-${curve}`);
      const signed = await client.signData(alg, data);
      expect(signed.result.length).toBe(len);
      expect(opensslVerify(pubPem(seeded.cer), digest, ecdsaRawToDer(signed.result))).toBe(true);
    }
  });

  it('a NON-exportable RSA key signs RS256 only; other algorithms are Unsupported and say why', async () => {
    ctx = await freshContext('cc', IN_2026);
    const seeded = await seedCertificate(ctx, {
      name: 'rsa-hsm',
      exportable: false,
      keyUsage: ['digitalSignature', 'keyEncipherment', 'dataEncipherment'],
    });
    const client = await getCryptographyClient(ctx, 'rsa-hsm');
    const signed = await client.signData('RS256', data);
    expect(opensslVerify(pubPem(seeded.cer), 'sha256', signed.result)).toBe(true);
    for (const alg of ['RS384', 'PS256'] as const) {
      await expect(client.signData(alg, data)).rejects.toMatchObject({
        code: 'Unsupported',
        message: stringMatching(/not exportable.*RS256.*exportable policy/),
      });
    }
    const ct = await client.encrypt({ algorithm: 'RSA-OAEP', plaintext: data });
    await expect(client.decrypt({ algorithm: 'RSA-OAEP', ciphertext: ct.result })).rejects.toMatchObject({
      code: 'Unsupported',
    });
    // Verify uses the public key only: any RSA algorithm is accepted (a foreign signature is just false).
    const pss = await crypto.subtle.importKey(
      'pkcs8',
      await crypto.subtle.exportKey(
        'pkcs8',
        (
          await crypto.subtle.generateKey(
            { name: 'RSA-PSS', hash: 'SHA-384', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) },
            true,
            ['sign'],
          )
        ).privateKey,
      ),
      { name: 'RSA-PSS', hash: 'SHA-384' },
      false,
      ['sign'],
    );
    const foreign = new Uint8Array(await crypto.subtle.sign({ name: 'RSA-PSS', saltLength: 48 }, pss, data));
    expect((await client.verifyData('PS384', data, foreign)).result).toBe(false);
  });
});

describe('CryptographyClient: encryption checked by openssl', () => {
  it('RSA-OAEP and RSA-OAEP-256 ciphertext decrypts with openssl pkeyutl, and back', async () => {
    const ctx = await freshContext('cc', IN_2026);
    const seeded = await seedCertificate(ctx, {
      name: 'enc',
      exportable: true,
      keyUsage: ['dataEncipherment', 'keyEncipherment'],
    });
    const client = await getCryptographyClient(ctx, 'enc');
    const t = tempDir();
    try {
      writeFileSync(t.path('key.pem'), await pkcs8Pem(seeded.keyPair.privateKey));
      for (const [alg, md] of [
        ['RSA-OAEP', 'sha1'],
        ['RSA-OAEP-256', 'sha256'],
      ] as const) {
        const enc = await client.encrypt({ algorithm: alg, plaintext: data });
        expect(enc).toMatchObject({ algorithm: alg, keyID: client.keyID });
        writeFileSync(t.path('ct'), enc.result);
        const plain = openssl([
          'pkeyutl',
          '-decrypt',
          '-inkey',
          t.path('key.pem'),
          '-in',
          t.path('ct'),
          '-pkeyopt',
          'rsa_padding_mode:oaep',
          '-pkeyopt',
          `rsa_oaep_md:${md}`,
          '-pkeyopt',
          `rsa_mgf1_md:${md}`,
        ]);
        expect(new TextDecoder().decode(plain)).toBe('sign me, openssl');
        // openssl encrypts with the certificate's public key; the vault decrypts.
        writeFileSync(t.path('pub.pem'), pubPem(seeded.cer));
        const ct = openssl(
          [
            'pkeyutl',
            '-encrypt',
            '-pubin',
            '-inkey',
            t.path('pub.pem'),
            '-pkeyopt',
            'rsa_padding_mode:oaep',
            '-pkeyopt',
            `rsa_oaep_md:${md}`,
            '-pkeyopt',
            `rsa_mgf1_md:${md}`,
          ],
          data,
        );
        expect(new TextDecoder().decode((await client.decrypt({ algorithm: alg, ciphertext: ct })).result)).toBe(
          'sign me, openssl',
        );
      }
    } finally {
      t.cleanup();
    }
    const aes = crypto.getRandomValues(new Uint8Array(32));
    const wrapped = await client.wrapKey('RSA-OAEP-256', aes);
    expect((await client.unwrapKey('RSA-OAEP-256', wrapped.result)).result).toEqual(aes);
    await expect(client.unwrapKey('RSA-OAEP', wrapped.result)).rejects.toMatchObject({ code: 'BadParameter' });
    await expect(client.encrypt({ algorithm: 'RSA-OAEP', plaintext: new Uint8Array(300) })).rejects.toMatchObject({
      code: 'BadParameter',
      message: stringContaining('214'),
    });
  });
});

describe('CryptographyClient: gates', () => {
  const cases: {
    name: string;
    keyUsage?: Parameters<typeof seedCertificate>[1]['keyUsage'];
    allowed: string[];
    denied: string[];
  }[] = [
    {
      name: 'no usage → digitalSignature + keyEncipherment',
      keyUsage: undefined,
      allowed: ['sign', 'verify', 'wrapKey', 'unwrapKey'],
      denied: ['encrypt', 'decrypt'],
    },
    {
      name: 'dataEncipherment',
      keyUsage: ['dataEncipherment'],
      allowed: ['encrypt', 'decrypt'],
      denied: ['sign', 'verify', 'wrapKey', 'unwrapKey'],
    },
    { name: 'encipherOnly', keyUsage: ['encipherOnly'], allowed: ['encrypt'], denied: ['decrypt', 'sign'] },
    { name: 'decipherOnly', keyUsage: ['decipherOnly'], allowed: ['decrypt'], denied: ['encrypt', 'sign'] },
    {
      name: 'keyCertSign + cRLSign',
      keyUsage: ['keyCertSign', 'cRLSign'],
      allowed: ['sign', 'verify'],
      denied: ['encrypt', 'wrapKey'],
    },
    {
      name: 'nonRepudiation',
      keyUsage: ['nonRepudiation'],
      allowed: ['sign', 'verify'],
      denied: ['decrypt', 'unwrapKey'],
    },
  ];
  it.each(cases)('$name', async ({ keyUsage, allowed, denied }) => {
    const ctx = await freshContext('cc', IN_2026);
    await seedCertificate(ctx, { name: 'g', keyUsage });
    const c = await getCryptographyClient(ctx, 'g');
    const sig = new Uint8Array(256);
    const ct = new Uint8Array(256);
    const run: Record<string, () => Promise<unknown>> = {
      sign: () => c.signData('RS256', data),
      verify: () => c.verifyData('RS256', data, sig),
      encrypt: () => c.encrypt({ algorithm: 'RSA-OAEP', plaintext: data }),
      decrypt: () => c.decrypt({ algorithm: 'RSA-OAEP', ciphertext: ct }),
      wrapKey: () => c.wrapKey('RSA-OAEP', data),
      unwrapKey: () => c.unwrapKey('RSA-OAEP', ct),
    };
    for (const op of denied) {
      await expect(run[op]()).rejects.toMatchObject({
        code: 'Forbidden',
        message: stringContaining(`Operation ${op} is not permitted`),
      });
    }
    for (const op of allowed) {
      // Allowed ops pass the gate: they either succeed or fail on the (junk) input, never Forbidden.
      const outcome = await run[op]().then(
        () => 'ok',
        (e: unknown) => (e as { code: string }).code,
      );
      expect([op, outcome]).not.toEqual([op, 'Forbidden']);
    }
  });

  it('Forbidden names the key usages', async () => {
    const ctx = await freshContext('cc', IN_2026);
    await seedCertificate(ctx, { name: 'g', keyUsage: ['digitalSignature'] });
    const c = await getCryptographyClient(ctx, 'g');
    await expect(c.encrypt({ algorithm: 'RSA-OAEP', plaintext: data })).rejects.toMatchObject({
      code: 'Forbidden',
      message: stringContaining('digitalSignature'),
    });
  });

  it('disabled, not yet valid, expired → Forbidden; re-checked on every call', async () => {
    const clock = { value: new Date('2026-06-01T00:00:00Z') };
    const ctx = await freshContext('cc', clock);
    await seedCertificate(ctx, { name: 'd', enabled: false });
    await expect((await getCryptographyClient(ctx, 'd')).signData('RS256', data)).rejects.toMatchObject({
      code: 'Forbidden',
      message: stringContaining('disabled'),
    });
    await seedCertificate(ctx, { name: 't' });
    const c = await getCryptographyClient(ctx, 't');
    const signed = await c.signData('RS256', data);
    expect(signed).toMatchObject({ algorithm: 'RS256', keyID: c.keyID });
    expect((await c.verifyData('RS256', data, signed.result)).result).toBe(true);
    clock.value = new Date('2025-12-31T23:59:59Z');
    await expect(c.signData('RS256', data)).rejects.toMatchObject({
      code: 'Forbidden',
      message: stringContaining('not valid before'),
    });
    clock.value = new Date('2027-01-01T00:00:01Z');
    await expect(c.verifyData('RS256', data, new Uint8Array(256))).rejects.toMatchObject({
      code: 'Forbidden',
      message: stringContaining('expired'),
    });
  });

  it('a version whose key is not included: sign/decrypt Forbidden, verify/encrypt work from the certificate', async () => {
    const ctx = await freshContext('cc', IN_2026);
    const seeded = await seedCertificate(ctx, {
      name: 'nokey',
      exportable: false,
      keyIncluded: false,
      keyUsage: ['digitalSignature', 'dataEncipherment'],
    });
    const c = await getCryptographyClient(ctx, 'nokey');
    await expect(c.signData('RS256', data)).rejects.toMatchObject({
      code: 'Forbidden',
      message: stringContaining('not in this vault'),
    });
    const sig = new Uint8Array(await crypto.subtle.sign('RSASSA-PKCS1-v1_5', seeded.keyPair.privateKey, data));
    expect((await c.verifyData('RS256', data, sig)).result).toBe(true);
    const ct = await c.encrypt({ algorithm: 'RSA-OAEP-256', plaintext: data });
    await expect(c.decrypt({ algorithm: 'RSA-OAEP-256', ciphertext: ct.result })).rejects.toMatchObject({
      code: 'Forbidden',
    });
  });

  it('bad algorithm names, bad input, unknown certificate or version', async () => {
    const ctx = await freshContext('cc', IN_2026);
    await seedCertificate(ctx, { name: 'x' });
    const c = await getCryptographyClient(ctx, 'x');
    await expect(c.signData('HS256' as never, data)).rejects.toMatchObject({
      code: 'BadParameter',
      message: stringContaining('RS256'),
    });
    await expect(c.encrypt({ algorithm: 'A256GCM' as never, plaintext: data })).rejects.toMatchObject({
      code: 'BadParameter',
    });
    await expect(c.signData('RS256', 'text' as never)).rejects.toMatchObject({ code: 'BadParameter' });
    await expect(getCryptographyClient(ctx, 'missing')).rejects.toMatchObject({ code: 'NotFound' });
    await expect(getCryptographyClient(ctx, 'x', { version: 'f'.repeat(32) })).rejects.toMatchObject({
      code: 'NotFound',
    });
  });
});

describe('CryptographyClient over a certificate made by createCertificate', () => {
  it('RSA-OAEP-256 ciphertext decrypts with openssl using the key from getSecret (PEM); RS256 verifies', async () => {
    const ctx = await freshContext('cc', { value: new Date('2026-05-01T12:00:00Z') });
    const vault = createCertificateVault(ctx);
    await vault.createCertificate('made', {
      subject: 'CN=made.contoso.com',
      exportable: true,
      contentType: 'application/x-pem-file',
      keyUsage: ['digitalSignature', 'dataEncipherment'],
    });
    const client = await vault.getCryptographyClient('made');
    const enc = await client.encrypt({ algorithm: 'RSA-OAEP-256', plaintext: data });
    const sig = await client.signData('RS512', data);
    const pem = new TextDecoder().decode((await vault.getSecret('made')).value);
    const t = tempDir();
    try {
      writeFileSync(t.path('secret.pem'), pem);
      writeFileSync(t.path('ct'), enc.result);
      const plain = openssl([
        'pkeyutl',
        '-decrypt',
        '-inkey',
        t.path('secret.pem'),
        '-in',
        t.path('ct'),
        '-pkeyopt',
        'rsa_padding_mode:oaep',
        '-pkeyopt',
        'rsa_oaep_md:sha256',
        '-pkeyopt',
        'rsa_mgf1_md:sha256',
      ]);
      expect(new TextDecoder().decode(plain)).toBe('sign me, openssl');
      const pub = openssl(['pkey', '-in', t.path('secret.pem'), '-pubout']).toString();
      expect(opensslVerify(pub, 'sha512', sig.result)).toBe(true);
    } finally {
      t.cleanup();
    }
    await expect(client.wrapKey('RSA-OAEP', data)).rejects.toMatchObject({
      code: 'Forbidden',
      message: stringContaining('wrapKey'),
    });
  });
});
