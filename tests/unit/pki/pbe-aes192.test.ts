import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { readPkcs12 } from '../../../src/pki';
import { aesCbcDecrypt } from '../../../src/pki/pbe/aes-cbc';
import { decryptPrivateKeyInfo } from '../../../src/pki/pbe/decrypt-private-key';
import { openssl, tempDir } from '../../support/openssl';

// Chromium's WebCrypto refuses 192-bit AES keys; Node's takes them. Refuse them here as Chromium
// does, so these tests prove AES-192 never reaches WebCrypto (tests/e2e/pki-in-chromium.spec.ts
// runs the same files in Chromium itself).
const tmp = tempDir('certkeep-aes192-');
let keyDer: Uint8Array;
let pkcs8: Uint8Array;
let pfx: Uint8Array;

beforeAll(() => {
  const key = tmp.path('key.pem');
  const cert = tmp.path('cert.pem');
  openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-subj', '/CN=aes192']);
  keyDer = new Uint8Array(openssl(['pkcs8', '-topk8', '-nocrypt', '-in', key, '-outform', 'DER']));
  pkcs8 = new Uint8Array(
    openssl(['pkcs8', '-topk8', '-v2', 'aes-192-cbc', '-in', key, '-outform', 'DER', '-passout', 'pass:s3cret']),
  );
  const out = tmp.path('aes192.p12');
  openssl(
    ['pkcs12', '-export', '-keypbe', 'AES-192-CBC', '-certpbe', 'AES-192-CBC', '-inkey', key, '-in', cert].concat([
      '-passout',
      'pass:s3cret',
      '-out',
      out,
    ]),
  );
  pfx = new Uint8Array(readFileSync(out));
}, 60_000);
afterAll(() => tmp.cleanup());

refuseAes192InWebCrypto();
function refuseAes192InWebCrypto(): void {
  const real = crypto.subtle.importKey.bind(crypto.subtle);
  const importKey = vi.spyOn(crypto.subtle, 'importKey');
  beforeAll(() => {
    importKey.mockImplementation(((...args: Parameters<typeof real>) => {
      const [format, data, algorithm] = args;
      const name = typeof algorithm === 'string' ? algorithm : algorithm.name;
      if (format === 'raw' && name === 'AES-CBC' && (data as Uint8Array).byteLength === 24)
        return Promise.reject(new DOMException('AES key data must be 128 or 256 bits', 'OperationError'));
      return real(...args);
    }) as typeof crypto.subtle.importKey);
  });
  afterAll(() => importKey.mockRestore());
}

describe('AES-192-CBC without WebCrypto (as in Chromium)', () => {
  test('openssl pkcs8 -topk8 -v2 aes-192-cbc opens, and a wrong password is still invalid-password', async () => {
    expect(await decryptPrivateKeyInfo(pkcs8, 's3cret')).toEqual(keyDer);
    await expect(decryptPrivateKeyInfo(pkcs8, 's3cred')).rejects.toMatchObject({ code: 'invalid-password' });
  });

  test('openssl pkcs12 -export -keypbe AES-192-CBC -certpbe AES-192-CBC opens', async () => {
    const got = await readPkcs12(pfx, 's3cret');
    expect(got.keys.map((k) => k.pkcs8)).toEqual([keyDer]);
    expect(got.certificates).toHaveLength(1);
  });

  // FIPS 197 appendix C.2 (AES-192, one block); the CBC IV of zero makes the first block plain AES,
  // and the second block is the PKCS#5 padding block encrypted after it.
  test('FIPS 197 C.2 vector through the CBC path', async () => {
    const hex = (s: string) => new Uint8Array(Buffer.from(s, 'hex'));
    const key = hex('000102030405060708090a0b0c0d0e0f1011121314151617');
    const plain = hex('00112233445566778899aabbccddeeff');
    const cipher = new Uint8Array(
      openssl(['enc', '-aes-192-cbc', '-K', Buffer.from(key).toString('hex'), '-iv', '00'.repeat(16)], plain),
    );
    expect(Buffer.from(cipher.subarray(0, 16)).toString('hex')).toBe('dda97ca4864cdfe06eaf70a0ec0d7191');
    expect(await aesCbcDecrypt(key, new Uint8Array(16), cipher)).toEqual(plain);
  });
});
