import { afterAll, describe, expect, it } from 'vitest';
import {
  findLeafForKey,
  generateKeyPair,
  importPrivateKey,
  orderChain,
  parseCertificate,
  readCertificates,
} from '../../../src/pki';
import type { Bytes } from '../../../src/pki';
import { openssl, tempDir } from '../../support/openssl';
import { makeOpensslChain } from './support-chain';

const chain = makeOpensslChain();
const tmp = tempDir('certkeep-cycle-');
afterAll(() => {
  chain.cleanup();
  tmp.cleanup();
});
const { leaf, intermediate: int, root } = chain;
const name = (c: Bytes): string => (c === leaf ? 'leaf' : c === int ? 'int' : c === root ? 'root' : '?');

describe('orderChain', () => {
  const orders: Bytes[][] = [
    [leaf, int, root],
    [root, int, leaf],
    [int, root, leaf],
    [root, leaf, int],
    [int, leaf],
    [root, int],
  ];
  it.each(orders.map((o) => [o.map(name).join(','), o]))('%s → leaf first up to the root', async (_n, given) => {
    const want = [leaf, int, root].filter((c) => given.includes(c));
    expect(await orderChain(given)).toEqual(want);
  });

  it('keeps the given order with preserveOrder', async () => {
    expect(await orderChain([root, leaf, int], { preserveOrder: true })).toEqual([root, leaf, int]);
  });

  it('drops duplicates', async () => {
    expect(await orderChain([int, leaf, root, leaf.slice(), int])).toEqual([leaf, int, root]);
  });

  it('starts at leafSpki when given, even if it is the CA', async () => {
    const intSpki = (await parseCertificate(int)).spki;
    expect(await orderChain([leaf, root, int], { leafSpki: intSpki })).toEqual([int, root, leaf]);
  });

  it('appends certificates that are not on the path, in the given order', async () => {
    const stranger = readCertificates(
      new Uint8Array(
        openssl([
          'req',
          '-x509',
          '-newkey',
          'ec',
          '-pkeyopt',
          'ec_paramgen_curve:P-256',
          '-nodes',
          '-keyout',
          '/dev/null',
          '-subj',
          '/CN=Stranger',
          '-days',
          '1',
        ]),
      ),
    )[0];
    expect(await orderChain([stranger, root, leaf, int], { leafSpki: (await parseCertificate(leaf)).spki })).toEqual([
      leaf,
      int,
      root,
      stranger,
    ]);
  });

  it('ends on a cycle (A issued by B, B issued by A)', async () => {
    const p = tmp.path;
    const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
    openssl(['req', '-x509', ...ec, '-keyout', p('a.key'), '-out', p('a-self.crt'), '-subj', '/CN=A', '-days', '5']);
    openssl(['req', '-x509', ...ec, '-keyout', p('b.key'), '-out', p('b-self.crt'), '-subj', '/CN=B', '-days', '5']);
    openssl(['req', '-new', '-key', p('a.key'), '-subj', '/CN=A', '-out', p('a.csr')]);
    openssl(['req', '-new', '-key', p('b.key'), '-subj', '/CN=B', '-out', p('b.csr')]);
    const a = openssl([
      'x509',
      '-req',
      '-in',
      p('a.csr'),
      '-CA',
      p('b-self.crt'),
      '-CAkey',
      p('b.key'),
      '-set_serial',
      '1',
      '-days',
      '5',
    ]);
    const b = openssl([
      'x509',
      '-req',
      '-in',
      p('b.csr'),
      '-CA',
      p('a-self.crt'),
      '-CAkey',
      p('a.key'),
      '-set_serial',
      '2',
      '-days',
      '5',
    ]);
    const [ca] = readCertificates(new Uint8Array(a));
    const [cb] = readCertificates(new Uint8Array(b));
    const ordered = await orderChain([ca, cb, ca, cb]);
    expect(ordered).toHaveLength(2);
    expect(ordered).toEqual(expect.arrayContaining([ca, cb]));
  }, 10_000);

  it('rejects a non-certificate with PkiError', async () => {
    await expect(orderChain([leaf, new Uint8Array([1, 2, 3])])).rejects.toMatchObject({
      name: 'PkiError',
      code: 'malformed',
    });
  });
});

describe('findLeafForKey', () => {
  it('finds the certificate of the key, or undefined', async () => {
    const key = await importPrivateKey(new Uint8Array(chain.leafKeyPem), { extractable: false });
    expect(await findLeafForKey([root, int, leaf], key.keyPair.publicKey)).toEqual(leaf);
    const other = await generateKeyPair({ kty: 'EC', curve: 'P-256' }, false);
    expect(await findLeafForKey([root, int, leaf], other.publicKey)).toBeUndefined();
  });
});
