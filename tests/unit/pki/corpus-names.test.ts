import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { parseCertificate, parseX500Name, readCertificates } from '../../../src/pki';
import { openssl } from '../../support/openssl';
import { CORPUS_DIR, HAS_CORPUS, NO_CORPUS_REASON, corpusFile, readCatalog } from '../../support/shared-corpus';

const skipped: string[] = [];
const rows = readCatalog().filter((r) => r.kind === 'cert' && r.opensslOk.startsWith('yes'));

/** Subject as openssl prints it in RFC 2253 (UTF-8 kept), back in DER order as [oid-ish type, value]. */
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
    'RFC2253,-esc_msb',
  ])
    .toString('utf8')
    .trim()
    .replace(/^subject=/, '');
}

describe.skipIf(!HAS_CORPUS)(`corpus subjects agree with openssl RFC 2253 (${NO_CORPUS_REASON.split(':')[0]})`, () => {
  it.each(rows.map((r) => [r.path, r]))('%s', async (_p, row) => {
    const info = await parseCertificate(readCertificates(corpusFile(row.path))[0]);
    const theirs = opensslSubject(row.path, row.format);
    let theirAttrs;
    try {
      theirAttrs = parseX500Name(theirs).reverse();
    } catch {
      skipped.push(row.path);
      return; // openssl printed a type name we do not know (jurisdictionC, …): nothing to compare
    }
    const ours = parseX500Name(info.subject);
    expect(ours.map((a) => [a.oid, a.value])).toEqual(theirAttrs.map((a) => [a.oid, a.value]));
  });
});

describe.skipIf(!HAS_CORPUS)('corpus subject comparison coverage', () => {
  it('compares nearly every subject (few unknown attribute types or empty names)', () => {
    // Runs after the table above (vitest keeps file order).
    expect(skipped.length, skipped.join('\n')).toBeLessThan(10);
  });
});
