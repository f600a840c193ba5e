/**
 * A local CA signing a CSR (for "local CA" issuers): the subject, public key and requested
 * extensions come from the CSR (RFC 2985 extensionRequest, copied as they are); the issuer
 * name and AKI from the CA certificate (RFC 5280 §4.1.2.4: issuer = the CA's subject, byte
 * for byte, so chain builders match it).
 */
import { EXTENSION } from './asn1/oids';
import { readTime } from './asn1/time';
import { toBytes, toHex } from './bytes';
import { readCertificateDer } from './certificate-der';
import { csrDerOf, parseCsr } from './csr';
import { readCsrParts } from './csr-parts';
import { signingAlgorithmFor } from './extensions-build';
import { skiOf } from './extensions-decode';
import { PkiError, isPkiError } from './pki-error';
import type { Bytes } from './types';
import { addMonths, randomSerial } from './x509';
import { x509 } from './x509-lib';

/** What a CA copies from the request: the names and usages the requester asked for. */
const COPIED_EXTENSIONS = new Set<string>([EXTENSION.subjectAltName, EXTENSION.keyUsage, EXTENSION.extKeyUsage]);

/** What the CA decides; everything about the subject comes from the CSR. */
export interface IssueOptions {
  /** the request, DER or PEM; its self-signature must verify */
  csr: Uint8Array;
  /** the CA certificate (DER) */
  issuerCertificate: Uint8Array;
  /** the CA's private key (may be non-extractable) */
  issuerPrivateKey: CryptoKey;
  notBefore: Date;
  validityInMonths: number;
  /** basicConstraints cA for a subordinate CA; default false */
  isCa?: boolean;
  pathLength?: number;
  /** serial bytes (tests); default 16 random bytes, positive */
  serialNumber?: Uint8Array;
}

/** A certificate for the CSR's subject and key, signed by the CA; notAfter never passes the CA's. */
export async function issueCertificate(options: IssueOptions): Promise<Bytes> {
  const { notBefore, validityInMonths } = options;
  if (!(notBefore instanceof Date) || Number.isNaN(notBefore.getTime()))
    throw new PkiError('bad-input', 'bad notBefore');
  if (!Number.isInteger(validityInMonths) || validityInMonths < 1 || validityInMonths > 1200) {
    throw new PkiError('bad-input', `validity must be 1-1200 months, not ${validityInMonths}`);
  }
  const csrDer = csrDerOf(options.csr);
  if (!(await parseCsr(csrDer)).signatureValid)
    throw new PkiError('bad-input', 'the request signature does not verify');
  const parts = readCsrParts(csrDer);
  const ca = readCertificateDer(options.issuerCertificate);
  const caNotAfter = readTime(ca.notAfter);
  const start = new Date(Math.floor(notBefore.getTime() / 1000) * 1000);
  const wanted = addMonths(start, validityInMonths);
  const notAfter = wanted > caNotAfter ? caNotAfter : wanted;
  if (notAfter <= start) throw new PkiError('bad-input', 'the issuer certificate has expired before notBefore');
  const caSkiExt = ca.extensions.find((e) => e.oid === EXTENSION.subjectKeyIdentifier);
  // RFC 5280 §4.2.1.1: AKI keyIdentifier = the issuer's SKI when it has one.
  let caKeyId: string | undefined;
  try {
    caKeyId = caSkiExt && skiOf(caSkiExt);
  } catch {
    caKeyId = undefined;
  }
  try {
    const publicKey = new x509.PublicKey(parts.spki);
    const extensions: x509.Extension[] = [
      new x509.BasicConstraintsExtension(!!options.isCa, options.isCa ? options.pathLength : undefined, true),
      // Requested SAN/KU/EKU as the requester encoded them; a CA may not re-encode what it vouches for.
      ...parts.extensions
        .filter((e) => COPIED_EXTENSIONS.has(e.oid))
        .map((e) => new x509.Extension(e.oid, e.critical, e.value)),
      await x509.SubjectKeyIdentifierExtension.create(publicKey),
      caKeyId
        ? new x509.AuthorityKeyIdentifierExtension(caKeyId)
        : await x509.AuthorityKeyIdentifierExtension.create(new x509.PublicKey(ca.spki)),
    ];
    const cert = await x509.X509CertificateGenerator.create({
      serialNumber: toHex(options.serialNumber ? toBytes(options.serialNumber) : randomSerial()),
      subject: new x509.Name(parts.subjectDer),
      issuer: new x509.Name(ca.subjectDer),
      notBefore: start,
      notAfter,
      publicKey,
      signingKey: options.issuerPrivateKey,
      signingAlgorithm: signingAlgorithmFor(options.issuerPrivateKey),
      extensions,
    });
    return toBytes(new Uint8Array(cert.rawData));
  } catch (e) {
    if (isPkiError(e)) throw e;
    throw new PkiError('bad-input', 'cannot issue the certificate with this issuer key', { cause: e });
  }
}
