import { describe, expect, test } from 'vitest';
import { readPkcs12 } from '../../../src/pki';
import { spkiOfCert, spkiOfKey } from './pkcs12-fixtures';
import { A1, A4, A5, A6, RFC9579_PASSWORD } from './pkcs12-rfc9579-vectors';

// openssl 3.0 neither writes nor reads PBMAC1 (3.4 does), so the RFC's own vectors are the reference.
describe('readPkcs12: PBMAC1 (RFC 9579 appendix A)', () => {
  test('A.1 (HMAC-SHA-256, PBKDF2-HMAC-SHA-256) opens with "1234"; the key matches its certificate', async () => {
    const got = await readPkcs12(A1, RFC9579_PASSWORD);
    expect(got.keys).toHaveLength(1);
    expect(got.certificates).toHaveLength(1);
    expect(spkiOfKey(got.keys[0].pkcs8)).toBe(spkiOfCert(got.certificates[0].der));
    await expect(readPkcs12(A1, '12345')).rejects.toMatchObject({ name: 'PkiError', code: 'invalid-password' });
  });

  test.each([
    { name: 'A.4 wrong iteration count', pfx: A4, code: 'invalid-password' },
    { name: 'A.5 wrong salt', pfx: A5, code: 'invalid-password' },
    { name: 'A.6 missing key length', pfx: A6, code: 'malformed' },
  ])('$name → $code (never accepted)', async ({ pfx, code }) => {
    await expect(readPkcs12(pfx, RFC9579_PASSWORD)).rejects.toMatchObject({ name: 'PkiError', code });
  });
});
