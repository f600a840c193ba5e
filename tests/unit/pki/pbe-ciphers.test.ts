import { randomBytes } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { sha1 } from '@noble/hashes/legacy.js';
import { cbcDecrypt, cbcEncrypt } from '../../../src/pki/pbe/cbc';
import { sha1Iterate } from '../../../src/pki/pbe/sha1-iterate';
import { createDes } from '../../../src/pki/pbe/des';
import { S } from '../../../src/pki/pbe/des-tables';
import { createRc2 } from '../../../src/pki/pbe/rc2';
import type { BlockCipher } from '../../../src/pki/pbe/block-cipher';
import { isPkiError } from '../../../src/pki/pki-error';
import { openssl } from '../../support/openssl';

const hex = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s.replace(/\s/g, ''), 'hex'));
const toHex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

function ecb(cipher: BlockCipher, data: Uint8Array, decrypt = false): string {
  const out = new Uint8Array(data.length);
  for (let at = 0; at < data.length; at += 8) {
    if (decrypt) cipher.decryptBlock(data, at, out, at);
    else cipher.encryptBlock(data, at, out, at);
  }
  return toHex(out);
}

describe('DES tables', () => {
  test.each(S.map((s, i) => [i + 1, s]))('S%i: every row is a permutation of 0..15', (_, s) => {
    for (let row = 0; row < 4; row++)
      expect([...s.slice(row * 16, row * 16 + 16)].sort((a, b) => a - b)).toEqual([...Array(16).keys()]);
  });
});

describe('DES and TDEA known answers', () => {
  test.each([
    // The classic worked example of FIPS 46 tutorials (key 133457799BBCDFF1).
    { name: 'DES', key: '133457799BBCDFF1', plain: '0123456789ABCDEF', cipher: '85E813540F0AB405' },
    // NIST SP 800-67 rev.1 appendix B, three-key TDEA, "The qufck brown fox jump".
    {
      name: 'TDEA (SP 800-67)',
      key: '0123456789ABCDEF 23456789ABCDEF01 456789ABCDEF0123',
      plain: '5468652071756663 6B2062726F776E20 666F78206A756D70',
      cipher: 'A826FD8CE53B855F CCE21C8112256FE6 68D5C05DD9B6B900',
    },
    // EDE with K1 = K2 = K3 is single DES: the same answer as the first row.
    {
      name: 'EDE3 degenerate',
      key: '133457799BBCDFF1'.repeat(3),
      plain: '0123456789ABCDEF',
      cipher: '85E813540F0AB405',
    },
  ])('$name', ({ key, plain, cipher }) => {
    const c = createDes(hex(key));
    expect(ecb(c, hex(plain))).toBe(cipher.replace(/\s/g, '').toLowerCase());
    expect(ecb(c, hex(cipher), true)).toBe(plain.replace(/\s/g, '').toLowerCase());
  });

  test('a key of the wrong size is refused', () => {
    expect(() => createDes(new Uint8Array(7))).toThrow(expect.objectContaining({ code: 'bad-input' }));
  });
});

describe('RC2 (RFC 2268 section 5 test vectors)', () => {
  test.each([
    ['0000000000000000', 63, '0000000000000000', 'ebb773f993278eff'],
    ['ffffffffffffffff', 64, 'ffffffffffffffff', '278b27e42e2f0d49'],
    ['3000000000000000', 64, '1000000000000001', '30649edf9be7d2c2'],
    ['88', 64, '0000000000000000', '61a8a244adacccf0'],
    ['88bca90e90875a', 64, '0000000000000000', '6ccf4308974c267f'],
    ['88bca90e90875a7f0f79c384627bafb2', 64, '0000000000000000', '1a807d272bbe5db1'],
    ['88bca90e90875a7f0f79c384627bafb2', 128, '0000000000000000', '2269552ab0f85ca6'],
    ['88bca90e90875a7f0f79c384627bafb216f80a6f85920584c42fceb0be255daf1e', 129, '0000000000000000', '5b78d3a43dfff1f1'],
  ])('key %s, %i effective bits', (key, bits, plain, cipher) => {
    const c = createRc2(hex(key), bits);
    expect(ecb(c, hex(plain))).toBe(cipher);
    expect(ecb(c, hex(cipher), true)).toBe(plain);
  });
});

// openssl enc uses PKCS#5 padding and CBC like our cbc.ts: both directions must agree byte for byte.
describe('CBC against openssl enc (random keys, IVs and lengths)', () => {
  const LEGACY = ['-provider', 'legacy', '-provider', 'default'];
  test.each([
    { name: 'des-ede3-cbc', keyLength: 24, make: (k: Uint8Array) => createDes(k), extra: [] as string[] },
    { name: 'des-ede-cbc', keyLength: 16, make: (k: Uint8Array) => createDes(k), extra: [] },
    { name: 'des-cbc', keyLength: 8, make: (k: Uint8Array) => createDes(k), extra: LEGACY },
    { name: 'rc2-40-cbc', keyLength: 5, make: (k: Uint8Array) => createRc2(k, 40), extra: LEGACY },
    { name: 'rc2-64-cbc', keyLength: 8, make: (k: Uint8Array) => createRc2(k, 64), extra: LEGACY },
    { name: 'rc2-cbc', keyLength: 16, make: (k: Uint8Array) => createRc2(k, 128), extra: LEGACY },
  ])('$name', ({ name, keyLength, make, extra }) => {
    for (const length of [0, 1, 7, 8, 9, 100, 1000 + Math.floor(Math.random() * 100)]) {
      const key = randomBytes(keyLength);
      const iv = randomBytes(8);
      const data = randomBytes(length);
      const args = ['enc', `-${name}`, ...extra, '-K', toHex(key), '-iv', toHex(iv)];
      const theirs = openssl(args, data);
      const ours = cbcEncrypt(make(key), iv, data);
      expect(toHex(ours)).toBe(toHex(theirs));
      expect(toHex(cbcDecrypt(make(key), iv, new Uint8Array(theirs)))).toBe(toHex(data));
      expect(toHex(openssl([...args, '-d'], ours))).toBe(toHex(data));
    }
  });

  test('a wrong key shows as a padding error: invalid-password', () => {
    const data = randomBytes(64);
    const iv = randomBytes(8);
    const sealed = cbcEncrypt(createDes(randomBytes(24)), iv, data);
    let failures = 0;
    for (let i = 0; i < 20; i++) {
      try {
        cbcDecrypt(createDes(randomBytes(24)), iv, sealed);
      } catch (e) {
        expect(isPkiError(e) && e.code).toBe('invalid-password');
        failures++;
      }
    }
    // 1 in ~256 wrong keys leaves valid-looking padding; 20 tries failing fewer than 15 times would be a bug.
    expect(failures).toBeGreaterThanOrEqual(15);
  });

  test('ciphertext that is not whole blocks is malformed', () => {
    expect(() => cbcDecrypt(createDes(randomBytes(8)), randomBytes(8), randomBytes(12))).toThrow(
      expect.objectContaining({ code: 'malformed' }),
    );
  });
});

describe('sha1Iterate (the PKCS#12 KDF fast path) equals repeated noble SHA-1', () => {
  test.each([0, 1, 2, 2047])('%i more times', (times) => {
    let want = sha1(randomBytes(100));
    const start = want;
    for (let i = 0; i < times; i++) want = sha1(want);
    expect(toHex(sha1Iterate(start, times))).toBe(toHex(want));
  });
});
