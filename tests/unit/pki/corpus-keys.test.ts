import { expect, it } from 'vitest';
import { join } from 'node:path';
import { exportSpki, importPrivateKey, isPkiError } from '../../../src/pki';
import { openssl } from '../../support/openssl';
import { describeCorpus, CORPUS_DIR, corpusFile, isInvalidOnPurpose, readCatalog } from '../../support/shared-corpus';

const rows = readCatalog().filter((r) => r.kind === 'key');
/** Keys WebCrypto can hold: RSA (not PSS) and EC on the NIST curves. */
const usable = (alg: string): boolean => /^RSA-\d+$/.test(alg) || alg === 'EC-prime256v1';

describeCorpus(`corpus private keys through importPrivateKey`, () => {
  // pbe/ does not do RC4 or scrypt (a decision of the PKCS#12 side): those say 'unsupported'.
  const undoneCipher = (r: { encryption: string }): boolean => /RC4|scrypt/.test(r.encryption);
  const good = rows.filter(
    (r) => r.opensslOk.startsWith('yes') && usable(r.keyAlgorithm) && !isInvalidOnPurpose(r) && !undoneCipher(r),
  );
  const rest = rows.filter((r) => !good.includes(r));

  /** The public key openssl reads from the file, as SPKI DER. */
  const opensslSpki = (row: (typeof rows)[number], password: string | undefined): Buffer => {
    const legacy = row.opensslOk.includes('legacy') ? ['-provider', 'legacy', '-provider', 'default'] : [];
    const pass = password === undefined ? [] : ['-passin', `pass:${password}`];
    return openssl(['pkey', ...legacy, '-in', join(CORPUS_DIR, row.path), ...pass, '-pubout', '-outform', 'DER']);
  };

  it.each(good.map((r) => [r.path, r]))('%s imports to the key openssl reads', async (_p, row) => {
    const key = await importPrivateKey(corpusFile(row.path), { password: row.password, extractable: false });
    expect(Buffer.from(await exportSpki(key.keyPair.publicKey))).toEqual(opensslSpki(row, row.password));
  });

  it.each(rest.map((r) => [r.path, r]))('%s gives a PkiError or imports, never a raw error', async (_p, row) => {
    const password = row.password === 'unknown' ? 'x' : row.password;
    try {
      const key = await importPrivateKey(corpusFile(row.path), { password, extractable: false });
      // Only keys openssl also reads may import (e.g. ec-invalid-version, which it accepts leniently).
      expect(row.opensslOk.startsWith('yes')).toBe(true);
      expect(Buffer.from(await exportSpki(key.keyPair.publicKey))).toEqual(opensslSpki(row, password));
    } catch (e) {
      expect(isPkiError(e), String(e)).toBe(true);
      if (/RSA-PSS|DSA|Ed25519/.test(row.keyAlgorithm) || undoneCipher(row))
        expect((e as { code: string }).code).toBe('unsupported');
    }
  });
});
