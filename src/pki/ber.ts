/**
 * asn1js.fromBER that never throws: asn1js reports most errors through offset -1, but some
 * (a UTCTime with non-digits: "Wrong input string for conversion") escape as a raw Error.
 * pki/ promises only PkiError, so every parse goes through here.
 */
import * as asn1js from 'asn1js';
import { toBytes } from './bytes';

export function fromBer(data: Uint8Array): { offset: number; result: asn1js.AsnType } {
  try {
    return asn1js.fromBER(toBytes(data));
  } catch {
    return { offset: -1, result: new asn1js.Primitive() };
  }
}
