/**
 * The certificate list index (vault/list-index/): search over name, subject, SAN, tag, issuer,
 * key and thumbprint; the sorts; the whole-vault summary; and the stored buckets kept in step
 * with every write, in this open vault and in another one on the same database.
 */
import { describe, expect, it } from 'vitest';
import { CertificateListIndex } from '../../../src/vault/list-index/certificate-list-index';
import { LIST_BUCKETS, LIST_INDEX_META, bucketOf, withLines } from '../../../src/vault/list-index/list-buckets';
import type { CertificateListQuery } from '../../../src/vault/list-types';
import type { CertificateRecord, ListIndexBucketRecord } from '../../../src/vault/vault-store';
import { T0, makeVault } from './vault-fixture';

const NOW = new Date('2026-03-01T00:00:00Z');
const DAY = 86_400_000;

/** A certificate row as the vault stores it; `days` = days from NOW to expiry (undefined = pending). */
function row(
  name: string,
  days: number | undefined,
  extra: {
    subject?: string;
    dns?: string[];
    tags?: Record<string, string>;
    thumb?: string;
    issuer?: string;
    ec?: boolean;
    enabled?: boolean;
  } = {},
): CertificateRecord {
  const subject = extra.subject ?? `CN=${name}.contoso.com`;
  return {
    key: name.toLowerCase(),
    name,
    policy: {
      subject,
      issuerName: extra.issuer ?? 'Self',
      keyType: extra.ec ? 'EC' : 'RSA',
      ...(extra.ec ? { keyCurveName: 'P-256' } : { keySize: 2048 }),
      subjectAlternativeNames: { dnsNames: extra.dns ?? [] },
    },
    createdOn: T0,
    updatedOn: T0,
    versionCount: days === undefined ? 0 : 1,
    latest:
      days === undefined
        ? undefined
        : {
            version: name
              .padEnd(32, '0')
              .slice(0, 32)
              .replace(/[^0-9a-f]/g, 'a'),
            ordinal: 0,
            enabled: extra.enabled ?? true,
            notBefore: new Date(+NOW - 30 * DAY),
            expiresOn: new Date(+NOW + days * DAY),
            createdOn: T0,
            updatedOn: T0,
            tags: extra.tags ?? {},
            x509Thumbprint: extra.thumb ?? '00'.repeat(20),
            sha256Fingerprint: '11'.repeat(32),
            subject,
          },
  };
}

function indexOf(rows: CertificateRecord[]): CertificateListIndex {
  const buckets = new Map<number, ListIndexBucketRecord>();
  for (const r of rows) {
    const b = bucketOf(r.key);
    buckets.set(b, withLines(buckets.get(b) ?? { bucket: b, text: '', meta: '' }, r.key, r));
  }
  return new CertificateListIndex([...buckets.values()]);
}

const ROWS = [
  row('web-a', 200, { dns: ['a.contoso.com', 'www.contoso.com'], tags: { env: 'prod' }, thumb: 'AB12CD34'.repeat(5) }),
  row('web-b', 10, { tags: { env: 'test', team: 'blue' } }),
  row('old', -5, { subject: 'CN=Legacy Server, O=Fabrikam' }),
  row('ec-api', 90, { ec: true, issuer: 'Issuing-CA' }),
  row('off', 300, { enabled: false }),
  row('csr', undefined),
];
const index = indexOf(ROWS);
const names = (q: CertificateListQuery) => {
  const view = index.query(q, NOW);
  return view.rows(0, view.count).map((e) => e.name);
};

describe('CertificateListIndex: search', () => {
  it.each([
    ['name', 'WEB-', ['web-b', 'web-a']],
    ['subject, not case-sensitive', 'fabrikam', ['old']],
    ['a SAN only the policy has', 'www.contoso', ['web-a']],
    ['a tag as key=value', 'env=prod', ['web-a']],
    ['a tag value', 'blue', ['web-b']],
    ['the issuer', 'issuing-ca', ['ec-api']],
    ['the key description', 'ec p-256', ['ec-api']],
    ['the thumbprint, lowercase', 'ab12cd34ab12', ['web-a']],
    ['the thumbprint with colons, as openssl prints it', 'AB:12:CD:34:AB', ['web-a']],
    ['nothing', 'no-such-text', []],
  ])('%s (%s)', (_what, search, want) => {
    expect(names({ search })).toEqual(want);
  });

  it('a date or version digit does not match: meta fields are not searched', () => {
    expect(names({ search: String(+NOW + 200 * DAY) })).toEqual([]);
    expect(names({ search: '2026' })).toEqual([]);
  });

  it('an empty or blank search is every certificate, pending included', () => {
    expect(index.query({ search: '  ' }, NOW).count).toBe(ROWS.length);
    expect(index.query({}, NOW).total).toBe(ROWS.length);
  });
});

describe('CertificateListIndex: search over many buckets', () => {
  it('finds the right line when lowercasing changes a length ("İ" becomes two characters)', () => {
    const many = Array.from({ length: 200 }, (_, i) =>
      row(`n${i}`, 10 + i, {
        subject: i % 2 ? `CN=İzmir ${'İ'.repeat(200)} ${i}` : `CN=plain ${i}`,
        dns: [`host-${String(i).padStart(3, '0')}.example`],
      }),
    );
    const ix = indexOf(many);
    for (const i of [0, 1, 2, 57, 198, 199]) {
      const view = ix.query({ search: `host-${String(i).padStart(3, '0')}.` }, NOW);
      expect(view.rows(0, 5).map((e) => e.name)).toEqual([`n${i}`]);
    }
    expect(ix.query({ search: 'i̇zmir' }, NOW).count).toBe(100);
  });
});

describe('CertificateListIndex: sort', () => {
  it('by expiry (default), pending last; descending reverses', () => {
    expect(names({})).toEqual(['old', 'web-b', 'ec-api', 'web-a', 'off', 'csr']);
    expect(names({ descending: true })).toEqual(['csr', 'off', 'web-a', 'ec-api', 'web-b', 'old']);
  });

  it('by name, CN, issuer and key type, each with the name as tie-break', () => {
    expect(names({ sort: 'name' })).toEqual(['csr', 'ec-api', 'off', 'old', 'web-a', 'web-b']);
    expect(names({ sort: 'cn' })[0]).toBe('csr');
    expect(names({ sort: 'cn' })).toContain('old');
    expect(names({ sort: 'cn' }).indexOf('old')).toBe(2); // "legacy server" between ec-api and off
    expect(names({ sort: 'issuer', descending: true })[5]).toBe('ec-api');
    expect(names({ sort: 'keyType' })[0]).toBe('ec-api');
  });

  it('by status at `now`: expired, expiring, pending, disabled, valid', () => {
    expect(names({ sort: 'status' })).toEqual(['old', 'web-b', 'csr', 'off', 'ec-api', 'web-a']);
  });

  it('a search keeps the sort', () => {
    expect(names({ search: 'contoso', sort: 'name', descending: true })).toEqual([
      'web-b',
      'web-a',
      'off',
      'ec-api',
      'csr',
    ]);
  });
});

describe('CertificateListIndex: rows, summary, expiringFirst', () => {
  it('rows are parsed back whole, paged by offset and limit', () => {
    const view = index.query({ sort: 'name' }, NOW);
    expect(view.rows(4, 1)).toEqual([
      {
        name: 'web-a',
        version: expect.stringMatching(/^[0-9a-f]{32}$/) as string,
        enabled: true,
        pending: false,
        notBefore: new Date(+NOW - 30 * DAY),
        expiresOn: new Date(+NOW + 200 * DAY),
        subject: 'CN=web-a.contoso.com',
        subjectAlternativeNames: 'a.contoso.com www.contoso.com',
        tags: { env: 'prod' },
        x509Thumbprint: 'AB12CD34'.repeat(5),
        issuerName: 'Self',
        keyDescription: 'RSA 2048',
        hasLintErrors: false,
      },
    ]);
    expect(view.rows(0, 1)[0]).toMatchObject({ name: 'csr', pending: true, version: undefined, expiresOn: undefined });
    expect(view.rows(5, 10).map((e) => e.name)).toEqual(['web-b']);
    expect(view.rows(99, 10)).toEqual([]);
  });

  it('the summary counts the whole vault whatever the search, and expiringFirst skips pending ones', () => {
    const view = index.query({ search: 'web-a' }, NOW);
    expect(view.count).toBe(1);
    expect(view.summary(NOW)).toEqual({
      dated: 5,
      expired: 1,
      expiring: 1,
      valid: 2,
      other: 1,
      next: { name: 'web-b', expiresOn: new Date(+NOW + 10 * DAY) },
    });
    expect(view.expiringFirst(2).map((e) => e.name)).toEqual(['old', 'web-b']);
    expect(view.expiringFirst(99)).toHaveLength(5);
  });

  it('a tab or line break inside a value cannot split a line', () => {
    const odd = indexOf([row('odd', 5, { subject: 'CN=a\tb\nc', tags: { 'k\n': 'v\tw' } })]);
    const [e] = odd.query({}, NOW).rows(0, 1);
    expect(e).toMatchObject({ name: 'odd', subject: 'CN=a b c', tags: { 'k\n': 'v\tw' } });
    expect(odd.query({ search: 'k =v w' }, NOW).count).toBe(1);
  });
});

describe('the stored index follows the vault', () => {
  it('create, tag, delete and a pending request show in queryCertificates; another open vault sees them too', async () => {
    const { vault, reopen, store } = await makeVault();
    const other = await reopen();
    expect((await vault.queryCertificates()).total).toBe(0);
    await vault.createCertificate('web', {
      subject: 'CN=web.contoso.com',
      keyType: 'EC',
      subjectAlternativeNames: { dnsNames: ['www.contoso.com'] },
    });
    await vault.createCertificate('req', { subject: 'CN=req', keyType: 'EC', issuerName: 'Unknown' });
    let view = await vault.queryCertificates({ search: 'www.contoso' });
    expect(view.rows(0, 10).map((e) => [e.name, e.keyDescription])).toEqual([['web', 'EC P-256']]);
    expect((await vault.queryCertificates({ search: 'req' })).rows(0, 1)[0]).toMatchObject({ pending: true });

    const cert = await vault.getCertificate('web');
    await vault.updateCertificateProperties('web', undefined, { tags: { owner: 'alice' } });
    view = await other.queryCertificates({ search: 'owner=alice' });
    expect(view.rows(0, 10).map((e) => e.name)).toEqual(['web']);
    expect((await other.queryCertificates({ search: cert.properties.x509ThumbprintString })).count).toBe(1);

    await vault.deleteCertificate('web');
    expect((await other.queryCertificates()).rows(0, 10).map((e) => e.name)).toEqual(['req']);
    const buckets = await store.read((tx) => tx.getAll('listIndex'));
    expect(buckets).toHaveLength(LIST_BUCKETS);
    expect(buckets.filter((b) => b.text).map((b) => b.bucket)).toEqual([bucketOf('req')]);
    other.close();
  });

  it('a write the list does not show (a lifetime run noting a row) leaves the buckets and the stamp alone', async () => {
    const { vault, store, clock } = await makeVault();
    await vault.createCertificate('web', {
      subject: 'CN=web.contoso.com',
      keyType: 'EC',
      lifetimeActions: [{ action: 'EmailContacts', lifetimePercentage: 50 }],
    });
    await vault.queryCertificates();
    const stampOf = () => store.read((tx) => tx.get('meta', LIST_INDEX_META));
    const stamp = await stampOf();
    clock.now = new Date(+T0 + 300 * 86_400_000);
    expect((await vault.runLifetimeActions()).map((e) => e.kind)).toEqual(['notify']);
    expect((await store.read((tx) => tx.get('certificates', 'web')))?.lifetimeSeen).toBeDefined();
    expect(await stampOf()).toEqual(stamp);

    await vault.updateCertificateProperties('web', undefined, { tags: { owner: 'alice' } });
    expect(await stampOf()).not.toEqual(stamp);
    expect((await vault.queryCertificates({ search: 'owner=alice' })).count).toBe(1);
  });

  it('a vault whose index was never built (rows from before schema v7) builds it once from the certificates', async () => {
    const { vault, store } = await makeVault();
    await vault.createCertificate('kept', { subject: 'CN=kept', keyType: 'EC' });
    await vault.queryCertificates();
    // As a v6 database would be after the upgrade: the rows, an empty listIndex store, no stamp.
    await store.write(async (tx) => {
      for (let b = 0; b < LIST_BUCKETS; b++) await tx.delete('listIndex', b);
      await tx.delete('meta', LIST_INDEX_META);
    });
    const fresh = await (await makeVaultOn(store)).queryCertificates({ search: 'kept' });
    expect(fresh.rows(0, 1).map((e) => e.name)).toEqual(['kept']);
    expect(await store.read((tx) => tx.get('meta', LIST_INDEX_META))).toBeDefined();
  });
});

/** A second vault object on an existing store (a new tab). */
async function makeVaultOn(store: Awaited<ReturnType<typeof makeVault>>['store']) {
  const { createCertificateVault } = await import('../../../src/vault/certificate-vault');
  const { createVaultContext } = await import('../../../src/vault/context');
  return createCertificateVault(createVaultContext(store, () => NOW));
}

describe('lintErrorsOnly', () => {
  const withLint = (r: CertificateRecord, errors: number): CertificateRecord => ({
    ...r,
    latest: r.latest && { ...r.latest, lint: { errors, warnings: 1, notices: 0 } },
  });

  it('keeps the certificates whose latest version was stored with lint errors, with search and sort', () => {
    const index = indexOf([
      withLint(row('bad-a', 20), 2),
      withLint(row('warn-only', 30), 0),
      row('no-summary', 40),
      withLint(row('bad-b', 10, { tags: { env: 'prod' } }), 1),
      row('pending', undefined),
    ]);
    const names = (q: CertificateListQuery) =>
      index
        .query(q, NOW)
        .rows(0, 10)
        .map((r) => r.name);
    expect(names({ lintErrorsOnly: true })).toEqual(['bad-b', 'bad-a']);
    expect(names({ lintErrorsOnly: true, search: 'env=prod' })).toEqual(['bad-b']);
    expect(names({ lintErrorsOnly: true, sort: 'name' })).toEqual(['bad-a', 'bad-b']);
    expect(index.query({}, NOW).count).toBe(5);
    expect(index.query({ lintErrorsOnly: true }, NOW).rows(0, 1)[0]).toMatchObject({ hasLintErrors: true });
    expect(index.query({ search: 'warn-only' }, NOW).rows(0, 1)[0]).toMatchObject({ hasLintErrors: false });
  });
});
