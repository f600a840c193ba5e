import { expect, it } from 'vitest';
import { join } from 'node:path';
import { parseCertificate, parseX500Name, readCertificates } from '../../../src/pki';
import { openssl } from '../../support/openssl';
import { describeCorpus, CORPUS_DIR, corpusFile, readCatalog } from '../../support/shared-corpus';

const rows = readCatalog().filter((r) => r.kind === 'cert' && r.opensslOk.startsWith('yes'));

/**
 * The subject as openssl prints it in RFC 2253 with every type as a dotted OID (`oid`), so
 * attribute types openssl names and we do not (jurisdictionC, generationQualifier, …) are
 * compared too. UTF-8 kept; empty for an empty subject.
 */
function opensslSubject(path: string, format: string): string {
  return openssl([
    'x509',
    '-inform',
    format === 'DER' ? 'DER' : 'PEM',
    '-in',
    join(CORPUS_DIR, path),
    '-noout',
    '-subject',
    '-nameopt',
    'RFC2253,-esc_msb,oid',
  ])
    .toString('utf8')
    .trim()
    .replace(/^subject=/, '');
}

describeCorpus('corpus subjects agree with openssl RFC 2253', () => {
  it.each(rows.map((r) => [r.path, r] as const))('%s', async (_p, row) => {
    const info = await parseCertificate(readCertificates(corpusFile(row.path))[0]);
    const theirs = opensslSubject(row.path, row.format);
    // An empty subject (SAN-only certificates) prints as nothing on both sides.
    if (theirs === '') expect(info.subject).toBe('');
    else {
      // RFC 2253 prints the last RDN of the DER first; ours are in DER order.
      const theirAttrs = parseX500Name(theirs).reverse();
      const ours = parseX500Name(info.subject);
      expect(ours.map((a) => [a.oid, a.value])).toEqual(theirAttrs.map((a) => [a.oid, a.value]));
    }
  });
});
