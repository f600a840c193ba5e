/**
 * The structure of an X.509 Certificate (RFC 5280 §4.1) read with asn1js, keeping the exact
 * bytes of the parts we hash or compare (SPKI, names). Extension values stay raw here; each is
 * decoded on its own in certificate-extensions.ts so one odd extension cannot sink the rest.
 */
import * as asn1js from 'asn1js';
import { fromBer } from './ber';
import { concatBytes, toBytes } from './bytes';
import { PkiError } from './pki-error';
import type { Bytes } from './types';

export interface RawExtension {
  oid: string;
  critical: boolean;
  value: Bytes;
}

export interface CertificateDer {
  version: number;
  serial: Bytes;
  /** the outer signatureAlgorithm */
  signatureAlgorithmOid: string;
  /** tbsCertificate.signature: the one the signature covers, and the one openssl -text shows first */
  tbsSignatureAlgorithmOid: string;
  issuer: asn1js.AsnType;
  subject: asn1js.AsnType;
  issuerDer: Bytes;
  subjectDer: Bytes;
  notBefore: asn1js.AsnType;
  notAfter: asn1js.AsnType;
  spki: Bytes;
  spkiNode: asn1js.Sequence;
  extensions: RawExtension[];
  tbs: Bytes;
  signature: Bytes;
}

const malformed = (why: string, cause?: unknown): PkiError =>
  new PkiError('malformed', `bad certificate: ${why}`, { cause });

/** Exact encoding of a node as it was read (not re-encoded: BER stays BER). */
export function rawOf(node: asn1js.AsnType): Bytes {
  return toBytes(
    new Uint8Array(node.valueBeforeDecodeView.byteLength ? node.valueBeforeDecodeView : node.toBER(false)),
  );
}

function isContext(node: asn1js.AsnType | undefined, n: number): node is asn1js.Constructed {
  return !!node && node.idBlock.tagClass === 3 && node.idBlock.tagNumber === n;
}

/** The parts of a certificate; PkiError('malformed') when the outer structure is broken. */
export function readCertificateDer(der: Uint8Array): CertificateDer {
  let parsed: ReturnType<typeof fromBer>;
  try {
    parsed = fromBer(der);
  } catch (e) {
    throw malformed('not der', e);
  }
  if (parsed.offset === -1) throw malformed(parsed.result.error || 'not der');
  const cert = parsed.result;
  if (!(cert instanceof asn1js.Sequence) || cert.valueBlock.value.length !== 3) throw malformed('not a certificate');
  const [tbsNode, sigAlg, sigValue] = cert.valueBlock.value;
  if (!(tbsNode instanceof asn1js.Sequence)) throw malformed('no tbsCertificate');
  const items = [...tbsNode.valueBlock.value];
  let version = 1;
  if (isContext(items[0], 0)) {
    const v = items.shift() as asn1js.Constructed;
    const int = v.valueBlock.value[0];
    if (!(int instanceof asn1js.Integer)) throw malformed('bad version');
    version = int.valueBlock.valueDec + 1;
  }
  const [serial, innerAlg, issuer, validity, subject, spki, ...rest] = items;
  if (!(serial instanceof asn1js.Integer)) throw malformed('bad serial number');
  if (!(innerAlg instanceof asn1js.Sequence) || !(innerAlg.valueBlock.value[0] instanceof asn1js.ObjectIdentifier)) {
    throw malformed('bad signature algorithm');
  }
  if (!(issuer instanceof asn1js.Sequence) || !(subject instanceof asn1js.Sequence)) throw malformed('bad name');
  if (!(validity instanceof asn1js.Sequence) || validity.valueBlock.value.length !== 2) throw malformed('bad validity');
  if (!(spki instanceof asn1js.Sequence)) throw malformed('bad subject public key info');
  if (!(sigAlg instanceof asn1js.Sequence) || !(sigAlg.valueBlock.value[0] instanceof asn1js.ObjectIdentifier)) {
    throw malformed('bad signature algorithm');
  }
  if (!(sigValue instanceof asn1js.BitString)) throw malformed('bad signature');
  const extensions: RawExtension[] = [];
  const extsNode = rest.find((n) => isContext(n, 3)) as asn1js.Constructed | undefined;
  const extSeq = extsNode?.valueBlock.value[0];
  if (extsNode && !(extSeq instanceof asn1js.Sequence)) throw malformed('bad extensions');
  for (const ext of extSeq instanceof asn1js.Sequence ? extSeq.valueBlock.value : []) {
    const parts = ext instanceof asn1js.Sequence ? ext.valueBlock.value : [];
    const oid = parts[0];
    const critical = parts.length === 3 && parts[1] instanceof asn1js.Boolean ? parts[1].valueBlock.value : false;
    const value = parts[parts.length - 1];
    if (!(oid instanceof asn1js.ObjectIdentifier) || !(value instanceof asn1js.OctetString))
      throw malformed('bad extension');
    extensions.push({ oid: oid.valueBlock.toString(), critical, value: toBytes(octets(value)) });
  }
  return {
    version,
    serial: toBytes(new Uint8Array(serial.valueBlock.valueHexView)),
    signatureAlgorithmOid: (sigAlg.valueBlock.value[0] as asn1js.ObjectIdentifier).valueBlock.toString(),
    tbsSignatureAlgorithmOid: (innerAlg.valueBlock.value[0] as asn1js.ObjectIdentifier).valueBlock.toString(),
    issuer,
    subject,
    issuerDer: rawOf(issuer),
    subjectDer: rawOf(subject),
    notBefore: validity.valueBlock.value[0],
    notAfter: validity.valueBlock.value[1],
    spki: rawOf(spki),
    spkiNode: spki,
    extensions,
    tbs: rawOf(tbsNode),
    signature: toBytes(new Uint8Array(sigValue.valueBlock.valueHexView)),
  };
}

/** An OCTET STRING's content, joining BER constructed segments. */
export function octets(node: asn1js.OctetString): Uint8Array {
  if (!node.idBlock.isConstructed) return new Uint8Array(node.valueBlock.valueHexView);
  return concatBytes(...node.valueBlock.value.map((p) => octets(p as asn1js.OctetString)));
}

/** The SubjectPublicKeyInfo DER of a certificate. */
export function certificateSpki(der: Uint8Array): Bytes {
  return readCertificateDer(der).spki;
}
