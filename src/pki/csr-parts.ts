/**
 * The parts of a PKCS#10 CertificationRequest (RFC 2986 §4) with their exact bytes, and the
 * requested extensions (RFC 2985 §5.4.2 extensionRequest; Microsoft's older
 * 1.3.6.1.4.1.311.2.1.14 too). Critical flags are kept so a CA can copy them as asked.
 */
import * as asn1js from 'asn1js';
import { fromBer } from './ber';
import { toBytes } from './bytes';
import { type RawExtension, octets, rawOf } from './certificate-der';
import { PkiError } from './pki-error';
import type { Bytes } from './types';

export interface CsrParts {
  subject: asn1js.Sequence;
  subjectDer: Bytes;
  spkiNode: asn1js.Sequence;
  spki: Bytes;
  extensions: RawExtension[];
  /** undefined when the outer signatureAlgorithm is unreadable */
  signatureAlgorithmOid?: string;
}

const EXTENSION_REQUEST = new Set(['1.2.840.113549.1.9.14', '1.3.6.1.4.1.311.2.1.14']);

/** PkiError('malformed') unless the structure is a CertificationRequest. */
export function readCsrParts(der: Uint8Array): CsrParts {
  const parsed = fromBer(der);
  const csr = parsed.result;
  const info = csr instanceof asn1js.Sequence ? csr.valueBlock.value[0] : undefined;
  if (parsed.offset === -1 || !(info instanceof asn1js.Sequence))
    throw new PkiError('malformed', 'not a certificate request');
  const [version, subject, spki, attrs] = info.valueBlock.value;
  if (
    !(version instanceof asn1js.Integer) ||
    !(subject instanceof asn1js.Sequence) ||
    !(spki instanceof asn1js.Sequence)
  ) {
    throw new PkiError('malformed', 'not a certificate request');
  }
  const extensions: RawExtension[] = [];
  const attributes = attrs instanceof asn1js.Constructed ? attrs.valueBlock.value : [];
  for (const attr of attributes) {
    const [oid, values] = attr instanceof asn1js.Sequence ? attr.valueBlock.value : [];
    if (!(oid instanceof asn1js.ObjectIdentifier) || !EXTENSION_REQUEST.has(oid.valueBlock.toString())) continue;
    const exts = values instanceof asn1js.Set ? values.valueBlock.value[0] : undefined;
    for (const ext of exts instanceof asn1js.Sequence ? exts.valueBlock.value : []) {
      const parts = ext instanceof asn1js.Sequence ? ext.valueBlock.value : [];
      const value = parts[parts.length - 1];
      const critical = parts.length === 3 && parts[1] instanceof asn1js.Boolean ? parts[1].valueBlock.value : false;
      if (parts[0] instanceof asn1js.ObjectIdentifier && value instanceof asn1js.OctetString) {
        extensions.push({ oid: parts[0].valueBlock.toString(), critical, value: toBytes(octets(value)) });
      }
    }
  }
  const sigAlg = csr instanceof asn1js.Sequence ? csr.valueBlock.value[1] : undefined;
  const sigOid = sigAlg instanceof asn1js.Sequence ? sigAlg.valueBlock.value[0] : undefined;
  return {
    subject,
    subjectDer: rawOf(subject),
    spkiNode: spki,
    spki: rawOf(spki),
    extensions,
    signatureAlgorithmOid: sigOid instanceof asn1js.ObjectIdentifier ? sigOid.valueBlock.toString() : undefined,
  };
}
