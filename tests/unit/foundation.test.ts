import { describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import * as x509 from '@peculiar/x509';

describe('WebCrypto + @peculiar/x509 + fake-indexeddb work together in Node', () => {
  it('stores a non-extractable key pair, reads it back, and it still signs but never exports', async () => {
    const alg = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
    const keys = await crypto.subtle.generateKey(alg, false, ['sign', 'verify']);
    const cert = await x509.X509CertificateGenerator.createSelfSigned({
      name: 'CN=foundation',
      keys,
      signingAlgorithm: alg,
      notBefore: new Date('2026-01-01T00:00:00Z'),
      notAfter: new Date('2027-01-01T00:00:00Z'),
    });

    const db = await openDB('foundation-test', 1, {
      upgrade(d) {
        d.createObjectStore('keys');
      },
    });
    await db.put('keys', { privateKey: keys.privateKey, der: new Uint8Array(cert.rawData) }, 'k');
    const back = (await db.get('keys', 'k')) as { privateKey: CryptoKey; der: Uint8Array<ArrayBuffer> };
    db.close();

    expect(back.privateKey.extractable).toBe(false);
    const data = new TextEncoder().encode('hello');
    const sig = await crypto.subtle.sign(alg, back.privateKey, data);
    const parsed = new x509.X509Certificate(back.der);
    const pub = await parsed.publicKey.export(alg, ['verify']);
    expect(await crypto.subtle.verify(alg, pub, sig, data)).toBe(true);
    await expect(crypto.subtle.exportKey('pkcs8', back.privateKey)).rejects.toThrow();
    expect(await parsed.verify({ signatureOnly: true })).toBe(true);
  });
});
