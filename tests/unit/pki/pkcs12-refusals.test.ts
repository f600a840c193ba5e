import * as asn1js from 'asn1js';
import { beforeAll, describe, expect, test } from 'vitest';
import { readPkcs12, writePkcs12 } from '../../../src/pki';
import { checkIterations, MAX_ITERATIONS, MAX_JS_ITERATIONS } from '../../../src/pki/pbe/limits';
import { makeFixtures, type Fixtures } from './pkcs12-fixtures';
import { stringContaining } from '../../support/match';

// Well-formed files with algorithms we do not do must say 'unsupported' and name the OID;
// a MAC we cannot check is never skipped.
let fx: Fixtures;
let pfx: Uint8Array;
beforeAll(async () => {
  fx = makeFixtures();
  pfx = await writePkcs12({ key: fx.ecP256.pkcs8, certificates: [fx.ecP256.certDer], password: 'p', iterations: 100 });
  return () => {
    fx.cleanup();
  };
}, 120_000);

/** A SEQUENCE or an EXPLICIT [n] wrapper: a node with children to edit. */
type Seq = asn1js.Constructed;
function seq(node: asn1js.AsnType): Seq {
  if (!(node instanceof asn1js.Constructed))
    throw new Error(`expected a constructed node, found ${node.constructor.name}`);
  return node;
}
const GOST_MAC = '1.2.643.7.1.1.2.2'; // GOST R 34.11-2012 (256), as Russian CryptoPro PFX files use
const GOST_PBE = '1.2.643.2.2.21'; // GOST 28147-89

/** Parses our own PFX, lets `edit` change the tree, and re-encodes it. */
function mutate(edit: (root: Seq) => void): Uint8Array {
  const root = seq(asn1js.fromBER(pfx.slice()).result);
  edit(root);
  return new Uint8Array(root.toBER());
}

/** The AuthenticatedSafe inside the PFX, edited and written back (the MAC then no longer matches). */
function mutateAuthSafe(edit: (authSafe: Seq) => void, dropMac = true): Uint8Array {
  return mutate((root) => {
    const contentInfo = seq(root.valueBlock.value[1]);
    const wrapper = seq(contentInfo.valueBlock.value[1]);
    const octets = wrapper.valueBlock.value[0];
    if (!(octets instanceof asn1js.OctetString)) throw new Error('the authSafe content is an OCTET STRING');
    const authSafe = seq(asn1js.fromBER(octets.valueBlock.valueHexView.slice()).result);
    edit(authSafe);
    wrapper.valueBlock.value[0] = new asn1js.OctetString({ valueHex: authSafe.toBER() });
    if (dropMac) root.valueBlock.value.length = 2;
  });
}

describe('readPkcs12: refusals', () => {
  test('our own file reads (the baseline the mutations start from)', async () => {
    expect((await readPkcs12(pfx, 'p')).keys).toHaveLength(1);
  });

  test('a GOST MAC digest → unsupported, naming the OID', async () => {
    const bad = mutate((root) => {
      const digestInfo = seq(seq(root.valueBlock.value[2]).valueBlock.value[0]);
      seq(digestInfo.valueBlock.value[0]).valueBlock.value[0] = new asn1js.ObjectIdentifier({ value: GOST_MAC });
    });
    await expect(readPkcs12(bad, 'p')).rejects.toMatchObject({
      name: 'PkiError',
      code: 'unsupported',
      message: stringContaining(GOST_MAC),
    });
  });

  test('a GOST PBE on the certificate safe (no MAC) → unsupported, naming the OID', async () => {
    const bad = mutateAuthSafe((authSafe) => {
      const encryptedData = seq(seq(seq(authSafe.valueBlock.value[0]).valueBlock.value[1]).valueBlock.value[0]);
      const algorithm = seq(seq(encryptedData.valueBlock.value[1]).valueBlock.value[1]);
      algorithm.valueBlock.value[0] = new asn1js.ObjectIdentifier({ value: GOST_PBE });
    });
    await expect(readPkcs12(bad, 'p')).rejects.toMatchObject({
      code: 'unsupported',
      message: stringContaining(GOST_PBE),
    });
  });

  test('an envelopedData safe → unsupported', async () => {
    const bad = mutateAuthSafe((authSafe) => {
      seq(authSafe.valueBlock.value[0]).valueBlock.value[0] = new asn1js.ObjectIdentifier({
        value: '1.2.840.113549.1.7.3',
      });
    });
    await expect(readPkcs12(bad, 'p')).rejects.toMatchObject({
      code: 'unsupported',
      message: stringContaining('1.2.840.113549.1.7.3'),
    });
  });

  test('public-key integrity mode (signedData) → unsupported', async () => {
    const bad = mutate((root) => {
      seq(root.valueBlock.value[1]).valueBlock.value[0] = new asn1js.ObjectIdentifier({
        value: '1.2.840.113549.1.7.2',
      });
    });
    await expect(readPkcs12(bad, 'p')).rejects.toMatchObject({
      code: 'unsupported',
      message: stringContaining('1.2.840.113549.1.7.2'),
    });
  });

  test('version 2 → malformed', async () => {
    const bad = mutate((root) => {
      root.valueBlock.value[0] = new asn1js.Integer({ value: 2 });
    });
    await expect(readPkcs12(bad, 'p')).rejects.toMatchObject({ code: 'malformed' });
  });

  test('a changed safe under an intact MAC → invalid-password (the MAC catches tampering)', async () => {
    const bad = mutateAuthSafe((authSafe) => {
      authSafe.valueBlock.value.reverse();
    }, false);
    await expect(readPkcs12(bad, 'p')).rejects.toMatchObject({ code: 'invalid-password' });
  });

  // An iteration cap, not a stopwatch: the count alone decides, so the refusal is the same
  // with the right and a wrong password (a MAC that had been computed would tell them apart).
  test.each([
    [200_001, 'unsupported', 'mac: iteration count 200001 is above the limit of 200000'],
    [10_000_001, 'unsupported', 'mac: iteration count 10000001 is above the limit of 200000'],
    [2 ** 40, 'unsupported', 'mac: iteration count 1099511627776 is above the limit of 200000'],
    [0, 'malformed', 'mac: iteration count 0'],
  ])('MAC iteration count %d → %s before any MAC is computed', async (count, code, message) => {
    const bad = mutate((root) => {
      seq(root.valueBlock.value[2]).valueBlock.value[2] = new asn1js.Integer({ value: count });
    });
    for (const password of ['p', 'wrong']) {
      await expect(readPkcs12(bad, password)).rejects.toMatchObject({ name: 'PkiError', code, message });
    }
  });

  test('the caps: a million for native PBKDF2, 200 000 for the JavaScript loops; at a cap a count passes, one more is refused', () => {
    expect([MAX_ITERATIONS, MAX_JS_ITERATIONS]).toEqual([1_000_000, 200_000]);
    expect(checkIterations(1_000_000, 'pbkdf2')).toBe(1_000_000);
    expect(checkIterations(1, 'mac')).toBe(1);
    expect(() => checkIterations(1_000_001, 'pbkdf2')).toThrow(
      expect.objectContaining({
        code: 'unsupported',
        message: 'pbkdf2: iteration count 1000001 is above the limit of 1000000',
      }),
    );
    expect(checkIterations(200_000, 'mac', MAX_JS_ITERATIONS)).toBe(200_000);
    expect(() => checkIterations(200_001, 'mac', MAX_JS_ITERATIONS)).toThrow(
      expect.objectContaining({ code: 'unsupported' }),
    );
  });

  test.each([
    ['empty', new Uint8Array(0)],
    ['a PEM certificate', new TextEncoder().encode('-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n')],
    ['an empty sequence', new Uint8Array([0x30, 0x00])],
  ])('%s → malformed', async (_, bytes) => {
    await expect(readPkcs12(bytes, 'p')).rejects.toMatchObject({ name: 'PkiError', code: 'malformed' });
  });
});
