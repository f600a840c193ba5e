import { describe, expect, test } from 'vitest';
import { decryptEncryptedPkcs8, encryptPkcs8 } from '../../../src/pki/encrypted-key';
import { openssl } from '../../support/openssl';

const key = () =>
  new Uint8Array(
    openssl(['pkcs8', '-topk8', '-nocrypt', '-outform', 'DER'], openssl(['genpkey', '-algorithm', 'ED25519'])),
  );

describe('encryptPkcs8', () => {
  test('round trip, and openssl pkcs8 decrypts it to the same PrivateKeyInfo', async () => {
    const pkcs8 = key();
    const der = await encryptPkcs8(pkcs8, 'ünïcode 日本', 1000);
    expect(await decryptEncryptedPkcs8(der, 'ünïcode 日本')).toEqual(pkcs8);
    await expect(decryptEncryptedPkcs8(der, 'unicode 日本')).rejects.toMatchObject({ code: 'invalid-password' });
    const plain = openssl(['pkcs8', '-inform', 'DER', '-outform', 'DER', '-passin', 'pass:ünïcode 日本'], der);
    expect(new Uint8Array(plain)).toEqual(pkcs8);
  });

  test.each([
    { name: 'an empty password', password: '', iterations: 1000, code: 'bad-input' },
    { name: 'zero iterations', password: 'p', iterations: 0, code: 'bad-input' },
  ])('$name → $code', async ({ password, iterations, code }) => {
    await expect(encryptPkcs8(key(), password, iterations)).rejects.toMatchObject({ name: 'PkiError', code });
  });

  test('bytes that are not PKCS#8 → malformed', async () => {
    await expect(encryptPkcs8(new Uint8Array([0x30, 0]), 'p', 1000)).rejects.toMatchObject({ code: 'malformed' });
  });
});
