/**
 * The parts of a PKCS#10 CertificationRequest (RFC 2986 §4) with their exact bytes, and the
 * requested extensions (RFC 2985 §5.4.2 extensionRequest; Microsoft's older
 * 1.3.6.1.4.1.311.2.1.14 too). Critical flags are kept so a CA can copy them as asked.
 */
import * as asn1js from 'asn1js';
import { MICROSOFT, PKCS9 } from './asn1/oids';
import { decodeBer, nodesOf, rawOf } from './asn1/reader';
import { type RawExtension, readExtension } from './certificate-der';
import { PkiError } from './pki-error';
import type { Bytes } from './types';
import { checkCertificateSize } from './size-limits';

export interface CsrParts {
  subject: asn1js.Sequence;
  subjectDer: Bytes;
  spkiNode: asn1js.Sequence;
  spki: Bytes;
  extensions: RawExtension[];
  /** undefined when the outer signatureAlgorithm is unreadable */
  signatureAlgorithmOid?: string;
}

const EXTENSION_REQUEST = new Set<string>([PKCS9.extensionRequest, MICROSOFT.certificateExtensions]);

/** PkiError('malformed') unless the structure is a CertificationRequest. */
export function readCsrParts(der: Uint8Array): CsrParts {
  checkCertificateSize(der, 'certificate request');
  const csr = decodeBer(der)?.node;
  const [info, sigAlg] = csr instanceof asn1js.Sequence ? csr.valueBlock.value : [];
  if (!(info instanceof asn1js.Sequence)) throw new PkiError('malformed', 'not a certificate request');
  const [version, subject, spki] = info.valueBlock.value;
  if (
    !(version instanceof asn1js.Integer) ||
    !(subject instanceof asn1js.Sequence) ||
    !(spki instanceof asn1js.Sequence)
  ) {
    throw new PkiError('malformed', 'not a certificate request');
  }
  const extensions: RawExtension[] = [];
  const attrs = info.valueBlock.value.at(3);
  const attributes = attrs instanceof asn1js.Constructed ? attrs.valueBlock.value : [];
  for (const attr of attributes) {
    const [id, values] = attr instanceof asn1js.Sequence ? attr.valueBlock.value : [];
    if (!(id instanceof asn1js.ObjectIdentifier) || !EXTENSION_REQUEST.has(id.valueBlock.toString())) continue;
    const exts = values instanceof asn1js.Set ? nodesOf(values).at(0) : undefined;
    for (const ext of exts instanceof asn1js.Sequence ? exts.valueBlock.value : []) {
      // A malformed requested extension is left out, not fatal: the CA decides what it signs.
      const read = readExtension(ext);
      if (read) extensions.push(read);
    }
  }
  const sigOid = sigAlg instanceof asn1js.Sequence ? sigAlg.valueBlock.value.at(0) : undefined;
  return {
    subject,
    subjectDer: rawOf(subject),
    spkiNode: spki,
    spki: rawOf(spki),
    extensions,
    signatureAlgorithmOid: sigOid instanceof asn1js.ObjectIdentifier ? sigOid.valueBlock.toString() : undefined,
  };
}
