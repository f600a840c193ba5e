import { afterAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodePem, readCertificates, readPkcs7Certificates, writePkcs7Certificates } from '../../../src/pki';
import { openssl } from '../../support/openssl';
import { describeCorpus, corpusFile, readCatalog } from '../../support/shared-corpus';
import { makeOpensslChain } from './support-chain';

const chain = makeOpensslChain();
afterAll(() => chain.cleanup());
const certs = [chain.leaf, chain.intermediate, chain.root];

/** PEM certificates openssl prints from a P7B, as DER. */
function printCerts(p7: Uint8Array, inform: 'DER' | 'PEM'): Uint8Array[] {
  const file = join(chain.dir, `out-${Math.random().toString(36).slice(2)}.p7b`);
  writeFileSync(file, p7);
  return readCertificates(new Uint8Array(openssl(['pkcs7', '-print_certs', '-inform', inform, '-in', file])));
}

describe('writePkcs7Certificates', () => {
  it('openssl pkcs7 -print_certs reads back the same certificates in order (DER and PEM)', () => {
    const p7 = writePkcs7Certificates(certs);
    expect(printCerts(p7, 'DER')).toEqual(certs);
    expect(printCerts(new TextEncoder().encode(encodePem('PKCS7', p7)), 'PEM')).toEqual(certs);
  });

  it('is byte-identical to openssl crl2pkcs7 -nocrl for the same certificates', () => {
    const bundle = join(chain.dir, 'bundle.pem');
    writeFileSync(bundle, certs.map((c) => encodePem('CERTIFICATE', c)).join(''));
    const theirs = new Uint8Array(openssl(['crl2pkcs7', '-nocrl', '-certfile', bundle, '-outform', 'DER']));
    expect(readPkcs7Certificates(theirs)).toEqual(certs);
    expect(writePkcs7Certificates(certs)).toEqual(theirs);
  });

  it('round-trips readPkcs7Certificates(write(x)) for 0..3 certificates', () => {
    for (let n = 0; n <= 3; n++)
      expect(readPkcs7Certificates(writePkcs7Certificates(certs.slice(0, n)))).toEqual(certs.slice(0, n));
  });
});

describe('readPkcs7Certificates / readCertificates on P7B', () => {
  it.each([
    ['truncated', writePkcs7Certificates(certs).slice(0, 50)],
    ['not pkcs7', new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x01])],
  ])('%s → malformed', (_n, bytes) => {
    expect(() => readPkcs7Certificates(bytes)).toThrow(
      expect.objectContaining({ name: 'PkiError', code: 'malformed' }),
    );
  });
});

describeCorpus(`corpus PKCS#7`, () => {
  const rows = readCatalog().filter((r) => r.kind === 'p7b');
  it.each(rows.map((r) => [r.path, r]))('%s', (_p, row) => {
    const bytes = corpusFile(row.path);
    if (row.notes.includes('signedData')) {
      const got = readCertificates(bytes);
      expect(got).toHaveLength(row.ncerts);
      const inform = row.format === 'DER' ? 'DER' : 'PEM';
      expect(got).toEqual(printCerts(bytes, inform));
    } else {
      // EnvelopedData holds no certificates: say so, never crash.
      expect(() => readCertificates(bytes)).toThrow(expect.objectContaining({ name: 'PkiError' }));
    }
  });

  it('reads the BER indefinite-length amazon-roots.p7b like its DER twin', () => {
    expect(readCertificates(corpusFile('pyca/pkcs7/amazon-roots.p7b'))).toEqual(
      readCertificates(corpusFile('pyca/pkcs7/amazon-roots.der')),
    );
  });
});
