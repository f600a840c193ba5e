import { expect, it } from 'vitest';
import { isPkiError, parseCertificate, readCertificates } from '../../../src/pki';
import { describeCorpus, CORPUS_DIR, corpusFile, readCatalog } from '../../support/shared-corpus';
import { openssl } from '../../support/openssl';
import { join } from 'node:path';

const rows = readCatalog().filter((r) => r.kind === 'cert');
const readable = rows.filter((r) => r.opensslOk.startsWith('yes') || r.opensslOk === 'partial');
const refused = rows.filter((r) => r.opensslOk.startsWith('no'));

/** openssl's SHA-256 fingerprint of the first certificate, as uppercase hex. */
function opensslFingerprint(path: string, format: string): string {
  const out = openssl([
    'x509',
    '-noout',
    '-fingerprint',
    '-sha256',
    '-inform',
    format === 'DER' ? 'DER' : 'PEM',
    '-in',
    join(CORPUS_DIR, path),
  ]).toString();
  return out.trim().split('=')[1].replace(/:/g, '');
}

describeCorpus(`corpus certificates`, () => {
  it('has cert rows in the catalog', () => {
    expect(rows.length).toBeGreaterThan(100);
  });

  it.each(readable.map((r) => [r.path, r]))('%s parses like openssl reads it', async (_path, row) => {
    const certs = readCertificates(corpusFile(row.path));
    const info = await parseCertificate(certs[0]);
    expect(info.sha256Fingerprint).toBe(opensslFingerprint(row.path, row.format));
    expect(Number.isFinite(info.notAfter.getTime())).toBe(true);
    expect(typeof info.subject).toBe('string');
    if (row.keyAlgorithm.startsWith('RSA-') && !row.keyAlgorithm.startsWith('RSA-PSS')) {
      expect(info.keyDescription).toBe(`RSA ${row.keyAlgorithm.split(' ')[0].slice(4)}`);
    }
  });

  it.each(refused.map((r) => [r.path, r]))(
    '%s (openssl refuses) gives a PkiError or a parse, never a raw error',
    async (_path, row) => {
      try {
        const certs = readCertificates(corpusFile(row.path));
        await parseCertificate(certs[0]);
      } catch (e) {
        expect(isPkiError(e), String(e)).toBe(true);
      }
    },
  );
});

describeCorpus('signature algorithm names match the catalog (openssl -text)', () => {
  const named = readCatalog().filter(
    (r) => r.kind === 'cert' && / \/ sig /.test(r.keyAlgorithm) && r.opensslOk.startsWith('yes'),
  );
  it.each(named.map((r) => [r.path, r]))('%s', async (_p, row) => {
    const info = await parseCertificate(readCertificates(corpusFile(row.path))[0]);
    expect(info.signatureAlgorithm).toBe(row.keyAlgorithm.split(' / sig ')[1]);
  });
});
