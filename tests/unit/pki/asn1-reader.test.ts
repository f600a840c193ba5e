import * as asn1js from 'asn1js';
import { describe, expect, it } from 'vitest';
import { readPkcs12 } from '../../../src/pki';
import { BAG, CONTENT_TYPE } from '../../../src/pki/asn1/oids';
import { children, decodeBer, leadingElements, octets, rawOf, readDer } from '../../../src/pki/asn1/reader';
import { stringContaining } from '../../support/match';

const der = (node: asn1js.AsnType): Uint8Array => new Uint8Array(node.toBER(false));

/** `depth` SEQUENCEs, each holding the next; the innermost is empty. */
function nested(depth: number): Uint8Array {
  let node: asn1js.AsnType = new asn1js.Sequence();
  for (let i = 1; i < depth; i++) node = new asn1js.Sequence({ value: [node] });
  return der(node);
}

describe('asn1 reader', () => {
  it('reads BER indefinite lengths and constructed OCTET STRINGs (Windows, Java)', () => {
    // SEQUENCE (indefinite) { OCTET STRING (constructed, indefinite) { 'ab', 'c' } }
    const ber = new Uint8Array([0x30, 0x80, 0x24, 0x80, 0x04, 0x02, 0x61, 0x62, 0x04, 0x01, 0x63, 0, 0, 0, 0]);
    const [content] = children(readDer(ber, 'test'), 'test', 1);
    expect(new TextDecoder().decode(octets(content, 'test'))).toBe('abc');
    expect(rawOf(readDer(ber, 'test'))).toEqual(ber);
  });

  it('tolerates trailing bytes and says where the element ends', () => {
    const one = der(new asn1js.Integer({ value: 5 }));
    const withJunk = new Uint8Array([...one, 0xff, 0xff]);
    expect(decodeBer(withJunk)?.end).toBe(one.length);
    expect(rawOf(readDer(withJunk, 'test'))).toEqual(one);
  });

  it.each([
    ['empty', new Uint8Array(0)],
    ['truncated', new Uint8Array([0x30, 0x05, 0x02, 0x01])],
    ['an unterminated indefinite length', new Uint8Array([0x30, 0x80, 0x30, 0x80, 0x00])],
    ['nesting past 100 levels', nested(150)],
  ])('refuses %s: decodeBer gives undefined, readDer a malformed PkiError', (_name, bytes) => {
    expect(decodeBer(bytes)).toBeUndefined();
    expect(() => readDer(bytes, 'test')).toThrow(expect.objectContaining({ name: 'PkiError', code: 'malformed' }));
  });

  it('gives the leading elements of a SEQUENCE damaged further on, for sniffing', () => {
    const seq = der(new asn1js.Sequence({ value: [new asn1js.Integer({ value: 3 }), new asn1js.Sequence()] }));
    const damaged = new Uint8Array([...seq.subarray(0, seq.length - 2), 0x30, 0x05]); // the inner SEQUENCE overruns
    expect(decodeBer(damaged)).toBeUndefined();
    const [first, ...rest] = leadingElements(damaged);
    expect(first).toBeInstanceOf(asn1js.Integer);
    expect(rest).toEqual([]);
    expect(leadingElements(der(new asn1js.Set({ value: [new asn1js.Integer({ value: 3 })] })))).toEqual([]);
  });

  it('reads nesting up to the limit', () => {
    const bytes = nested(90);
    expect(decodeBer(bytes)?.end).toBe(bytes.length);
  });
});

describe('pkcs#12 nesting limit', () => {
  /** A MAC-less PFX whose one safe holds safeContentsBags nested `depth` deep. */
  function pfxWithNestedBags(depth: number): Uint8Array {
    const oid = (value: string) => new asn1js.ObjectIdentifier({ value });
    const explicit0 = (value: asn1js.AsnType) =>
      new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 0 }, value: [value] });
    let safeContents = new asn1js.Sequence();
    for (let i = 0; i < depth; i++) {
      safeContents = new asn1js.Sequence({
        value: [new asn1js.Sequence({ value: [oid(BAG.safeContentsBag), explicit0(safeContents)] })],
      });
    }
    const data = (bytes: Uint8Array) =>
      new asn1js.Sequence({
        value: [oid(CONTENT_TYPE.data), explicit0(new asn1js.OctetString({ valueHex: bytes.slice().buffer }))],
      });
    const authSafe = new asn1js.Sequence({ value: [data(der(safeContents))] });
    return der(new asn1js.Sequence({ value: [new asn1js.Integer({ value: 3 }), data(der(authSafe))] }));
  }

  it('follows a few nested safeContentsBags and refuses deeper ones', async () => {
    await expect(readPkcs12(pfxWithNestedBags(3), undefined)).resolves.toEqual({ keys: [], certificates: [] });
    await expect(readPkcs12(pfxWithNestedBags(8), undefined)).rejects.toMatchObject({
      name: 'PkiError',
      code: 'malformed',
      message: stringContaining('too deep'),
    });
  });
});
