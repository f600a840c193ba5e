/**
 * A local CA signing a certificate: for a PKCS#10 request (its subject, public key and the
 * requested SAN/KU/EKU, copied as the requester encoded them unless the CA states its own), or
 * for a key pair the vault holds (subject and extensions given). The issuer name and AKI come
 * from the CA certificate (RFC 5280 §4.1.2.4: issuer = the CA's subject, byte for byte, so chain
 * builders match it). A certificate never outlives its CA: notAfter is cut to the CA's.
 */
import { EXTENSION } from './asn1/oids';
import { readTime } from './asn1/time';
import { toBytes, toHex } from './bytes';
import { readCertificateDer } from './certificate-der';
import { csrDerOf, parseCsr } from './csr';
import { readCsrParts } from './csr-parts';
import { caExtensions, requestExtensions, signingAlgorithmFor, type CaOptions } from './extensions-build';
import { skiOf } from './extensions-decode';
import { PkiError, isPkiError } from './pki-error';
import type { Bytes, KeyUsage, SubjectAlternativeNames } from './types';
import { randomSerial, validityWindow, type Validity } from './x509';
import { parseX500Name } from './x500-name';
import { encodeX500Name } from './x500-name-der';
import { x509 } from './x509-lib';

/** What the CA decides. Without `csr`, `subject` and `publicKey` are required. */
export interface IssueOptions extends CaOptions, Validity {
  /** the request, DER or PEM; its self-signature must verify */
  csr?: Uint8Array;
  /** RFC 4514; replaces the request's subject */
  subject?: string;
  /** SubjectPublicKeyInfo DER, when there is no request */
  publicKey?: Uint8Array;
  /** replace what the request asks for; an empty list leaves the extension out */
  subjectAlternativeNames?: SubjectAlternativeNames;
  keyUsage?: KeyUsage[];
  enhancedKeyUsage?: string[];
  /** the CA certificate (DER) */
  issuerCertificate: Uint8Array;
  /** the CA's private key (may be non-extractable) */
  issuerPrivateKey: CryptoKey;
  /** serial bytes (tests); default 16 random bytes, positive */
  serialNumber?: Uint8Array;
}

export interface IssuedCertificate {
  der: Bytes;
  /** uppercase hex, as openssl prints it */
  serialNumber: string;
  notBefore: Date;
  notAfter: Date;
  /** the validity asked for would have outlived the CA: notAfter is the CA's */
  cutToIssuer: boolean;
}

/** A certificate signed by the CA; PkiError('bad-input') for a request whose signature fails. */
export async function issueCertificate(options: IssueOptions): Promise<IssuedCertificate> {
  const { start, end } = validityWindow(options);
  const request = options.csr ? await readRequest(options.csr) : undefined;
  const spki = request?.spki ?? (options.publicKey && toBytes(options.publicKey));
  if (!spki) throw new PkiError('bad-input', 'no request and no public key');
  const subjectDer =
    options.subject !== undefined ? encodeX500Name(parseX500Name(options.subject)) : request?.subjectDer;
  if (!subjectDer) throw new PkiError('bad-input', 'no request and no subject');

  const ca = readCertificateDer(options.issuerCertificate);
  const caNotAfter = readTime(ca.notAfter);
  const cutToIssuer = end > caNotAfter;
  const notAfter = cutToIssuer ? caNotAfter : end;
  if (notAfter <= start) throw new PkiError('bad-input', 'the issuer certificate has expired before notBefore');
  const serial = options.serialNumber ? toBytes(options.serialNumber) : randomSerial();
  try {
    const publicKey = new x509.PublicKey(spki);
    const extensions: x509.Extension[] = [
      ...caExtensions(options),
      ...requested(options, request?.extensions ?? []),
      await x509.SubjectKeyIdentifierExtension.create(publicKey),
      await authorityKeyIdentifier(ca),
    ];
    const cert = await x509.X509CertificateGenerator.create({
      serialNumber: toHex(serial),
      subject: new x509.Name(subjectDer),
      issuer: new x509.Name(ca.subjectDer),
      notBefore: start,
      notAfter,
      publicKey,
      signingKey: options.issuerPrivateKey,
      signingAlgorithm: signingAlgorithmFor(options.issuerPrivateKey),
      extensions,
    });
    const der = toBytes(new Uint8Array(cert.rawData));
    return { der, serialNumber: serialText(serial), notBefore: start, notAfter, cutToIssuer };
  } catch (e) {
    if (isPkiError(e)) throw e;
    throw new PkiError('bad-input', 'cannot issue the certificate with this issuer key', { cause: e });
  }
}

async function readRequest(csr: Uint8Array) {
  const der = csrDerOf(csr);
  if (!(await parseCsr(der)).signatureValid) throw new PkiError('bad-input', 'the request signature does not verify');
  return readCsrParts(der);
}

/**
 * SAN, KU and EKU: the CA's when it states them, else the request's as the requester encoded
 * them (a CA may not re-encode what it vouches for).
 */
function requested(options: IssueOptions, fromRequest: { oid: string; critical: boolean; value: Bytes }[]) {
  const own = requestExtensions(options);
  const stated = new Set<string>();
  if (options.subjectAlternativeNames !== undefined) stated.add(EXTENSION.subjectAltName);
  if (options.keyUsage !== undefined) stated.add(EXTENSION.keyUsage);
  if (options.enhancedKeyUsage !== undefined) stated.add(EXTENSION.extKeyUsage);
  const copied = fromRequest
    .filter((e) => COPIED_EXTENSIONS.has(e.oid) && !stated.has(e.oid))
    .map((e) => new x509.Extension(e.oid, e.critical, e.value));
  return [...own, ...copied];
}

/** What a CA copies from the request: the names and usages the requester asked for. */
const COPIED_EXTENSIONS = new Set<string>([EXTENSION.subjectAltName, EXTENSION.keyUsage, EXTENSION.extKeyUsage]);

/** RFC 5280 §4.2.1.1: AKI keyIdentifier = the issuer's SKI when it has one, else derived from its key. */
async function authorityKeyIdentifier(ca: ReturnType<typeof readCertificateDer>): Promise<x509.Extension> {
  const caSkiExt = ca.extensions.find((e) => e.oid === EXTENSION.subjectKeyIdentifier);
  let caKeyId: string | undefined;
  try {
    caKeyId = caSkiExt && skiOf(caSkiExt);
  } catch {
    caKeyId = undefined;
  }
  return caKeyId
    ? new x509.AuthorityKeyIdentifierExtension(caKeyId)
    : x509.AuthorityKeyIdentifierExtension.create(new x509.PublicKey(ca.spki));
}

/** Serial bytes as openssl prints them: without the 00 that keeps the INTEGER positive. */
function serialText(serial: Uint8Array): string {
  return toHex(serial.length > 1 && serial[0] === 0 ? serial.subarray(1) : serial);
}
