/**
 * Facts the rules need that the display decoders (extensions-decode.ts, general-names.ts)
 * leave out: whether an extension is present at all, every SAN kind with raw IP octets and a
 * count of otherNames, and the RSA modulus and exponent. Read with pki/asn1, as everything else.
 */
import * as asn1js from 'asn1js';
import { KEY_ALGORITHM } from '../asn1/oids';
import { contentOf, decodeBer, leadingElements } from '../asn1/reader';
import type { RawExtension } from '../certificate-der';
import { describePublicKey } from '../public-key-info';
import type { LintKey, LintSan } from './types';

/** The SAN of a subjectAltName extension value; undefined when it does not decode. */
export function sanFacts(extnValue: Uint8Array): LintSan | undefined {
  const node = decodeBer(extnValue)?.node;
  if (!(node instanceof asn1js.Sequence)) return undefined;
  const san: LintSan = { dnsNames: [], ipAddresses: [], emails: [], uris: [], otherNames: 0 };
  const text = (n: asn1js.AsnType): string => new TextDecoder().decode(contentOf(n) ?? new Uint8Array());
  for (const name of node.valueBlock.value) {
    if (name.idBlock.tagClass !== 3) continue;
    switch (name.idBlock.tagNumber) {
      case 0:
        san.otherNames++;
        break;
      case 1:
        san.emails.push(text(name));
        break;
      case 2:
        san.dnsNames.push(text(name));
        break;
      case 6:
        san.uris.push(text(name));
        break;
      case 7: {
        const ip = name.idBlock.isConstructed ? undefined : contentOf(name);
        if (ip) san.ipAddresses.push(ip);
        break;
      }
    }
  }
  return san;
}

/** The extension with `oid`, if present. */
export function findExtension(extensions: RawExtension[], oid: string): RawExtension | undefined {
  return extensions.find((e) => e.oid === oid);
}

function bigintOf(int: asn1js.Integer): bigint {
  const bytes = int.valueBlock.valueHexView;
  let n = 0n;
  for (const b of bytes) n = (n << 8n) | BigInt(b);
  return n;
}

/** The key as the rules see it, from a SubjectPublicKeyInfo node. */
export function keyFacts(spki: asn1js.Sequence): LintKey {
  const { keySpec, keyDescription } = describePublicKey(spki);
  const alg = spki.valueBlock.value.at(0);
  const oidNode = alg instanceof asn1js.Sequence ? alg.valueBlock.value.at(0) : undefined;
  const oid = oidNode instanceof asn1js.ObjectIdentifier ? oidNode.valueBlock.toString() : '';
  if (oid === KEY_ALGORITHM.rsaEncryption) {
    const bits = spki.valueBlock.value.at(1);
    const [n, e] = bits instanceof asn1js.BitString ? leadingElements(bits.valueBlock.valueHexView) : [];
    if (n instanceof asn1js.Integer && e instanceof asn1js.Integer) {
      const modulus = bigintOf(n);
      return {
        kind: 'RSA',
        modulusBits: modulus.toString(2).length,
        modulusOdd: modulus % 2n === 1n,
        exponent: bigintOf(e),
      };
    }
    return { kind: 'other', name: keyDescription };
  }
  if (oid === KEY_ALGORITHM.ecPublicKey) {
    return { kind: 'EC', curve: keySpec?.kty === 'EC' ? keySpec.curve : keyDescription.replace(/^EC /, '') };
  }
  return { kind: 'other', name: keyDescription };
}
