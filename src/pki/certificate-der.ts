/**
 * The structure of an X.509 Certificate (RFC 5280 §4.1) read with asn1js, keeping the exact
 * bytes of the parts we hash or compare (SPKI, names). Extension values stay raw here; each is
 * decoded on its own in extensions-decode.ts so one odd extension cannot sink the rest.
 */
import * as asn1js from 'asn1js';
import { decodeBer, isContextTag, nodesOf, octets, rawOf, type Node } from './asn1/reader';
import { toBytes } from './bytes';
import { PkiError } from './pki-error';
import type { Bytes } from './types';
import { checkCertificateSize } from './size-limits';

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
  /** the outer AlgorithmIdentifier node, whose parameters RSASSA-PSS needs (RFC 4055 §3.1) */
  signatureAlgorithm: Node;
  /** tbsCertificate.signature: the one the signature covers, and the one openssl -text shows first */
  tbsSignatureAlgorithmOid: string;
  issuer: Node;
  subject: Node;
  issuerDer: Bytes;
  subjectDer: Bytes;
  notBefore: Node;
  notAfter: Node;
  spki: Bytes;
  spkiNode: asn1js.Sequence;
  extensions: RawExtension[];
  tbs: Bytes;
  signature: Bytes;
}

const malformed = (why: string): PkiError => new PkiError('malformed', `bad certificate: ${why}`);

/** The algorithm OID of an AlgorithmIdentifier node, undefined when it has none. */
function algorithmOid(node: Node | undefined): string | undefined {
  const id = node instanceof asn1js.Sequence ? node.valueBlock.value.at(0) : undefined;
  return id instanceof asn1js.ObjectIdentifier ? id.valueBlock.toString() : undefined;
}

/** Extension ::= SEQUENCE { extnID, critical BOOLEAN DEFAULT FALSE, extnValue OCTET STRING }, or undefined. */
export function readExtension(ext: Node): RawExtension | undefined {
  const parts = ext instanceof asn1js.Sequence ? ext.valueBlock.value : [];
  const [id, flag] = parts;
  const value = parts.at(-1);
  if (!(id instanceof asn1js.ObjectIdentifier) || !(value instanceof asn1js.OctetString)) return undefined;
  const critical = parts.length === 3 && flag instanceof asn1js.Boolean ? flag.valueBlock.value : false;
  return { oid: id.valueBlock.toString(), critical, value: octets(value, 'extension value') };
}

/** The parts of a certificate; PkiError('malformed') when the outer structure is broken. */
export function readCertificateDer(der: Uint8Array): CertificateDer {
  checkCertificateSize(der, 'certificate');
  const decoded = decodeBer(der);
  if (!decoded) throw malformed('not der');
  const cert = decoded.node;
  if (!(cert instanceof asn1js.Sequence) || cert.valueBlock.value.length !== 3) throw malformed('not a certificate');
  const [tbsNode, sigAlg, sigValue] = cert.valueBlock.value;
  if (!(tbsNode instanceof asn1js.Sequence)) throw malformed('no tbsCertificate');
  const items = [...tbsNode.valueBlock.value];
  let version = 1;
  const versionNode = items.at(0);
  if (isContextTag(versionNode, 0) && versionNode.idBlock.isConstructed) {
    items.shift();
    const int = nodesOf(versionNode).at(0);
    if (!(int instanceof asn1js.Integer)) throw malformed('bad version');
    version = int.valueBlock.valueDec + 1;
  }
  const [serial, innerAlg, issuer, validity, subject, spki, ...rest] = items;
  if (!(serial instanceof asn1js.Integer)) throw malformed('bad serial number');
  const tbsSignatureAlgorithmOid = algorithmOid(innerAlg);
  if (tbsSignatureAlgorithmOid === undefined) throw malformed('bad signature algorithm');
  if (!(issuer instanceof asn1js.Sequence) || !(subject instanceof asn1js.Sequence)) throw malformed('bad name');
  if (!(validity instanceof asn1js.Sequence) || validity.valueBlock.value.length !== 2) throw malformed('bad validity');
  if (!(spki instanceof asn1js.Sequence)) throw malformed('bad subject public key info');
  const signatureAlgorithmOid = algorithmOid(sigAlg);
  if (signatureAlgorithmOid === undefined) throw malformed('bad signature algorithm');
  if (!(sigValue instanceof asn1js.BitString)) throw malformed('bad signature');
  const extensions: RawExtension[] = [];
  const extsNode = rest.find((n) => isContextTag(n, 3));
  const extSeq = extsNode && nodesOf(extsNode).at(0);
  if (extsNode && !(extSeq instanceof asn1js.Sequence)) throw malformed('bad extensions');
  for (const ext of extSeq instanceof asn1js.Sequence ? extSeq.valueBlock.value : []) {
    const read = readExtension(ext);
    if (!read) throw malformed('bad extension');
    extensions.push(read);
  }
  return {
    version,
    serial: toBytes(serial.valueBlock.valueHexView),
    signatureAlgorithmOid,
    signatureAlgorithm: sigAlg,
    tbsSignatureAlgorithmOid,
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
    signature: toBytes(sigValue.valueBlock.valueHexView),
  };
}

/** The SubjectPublicKeyInfo DER of a certificate. */
export function certificateSpki(der: Uint8Array): Bytes {
  return readCertificateDer(der).spki;
}
