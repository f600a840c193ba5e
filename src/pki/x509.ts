/**
 * Self-signed X.509 certificates (RFC 5280 profile as Key Vault issues them), and the validity
 * and serial rules every certificate built here follows. Reading one is certificate-info.ts.
 */
import { toBytes, toHex } from './bytes';
import { requestExtensions, signingAlgorithmFor } from './extensions-build';
import { PkiError, isPkiError } from './pki-error';
import type { Bytes } from './types';
import type { CsrOptions } from './csr';
import { parseX500Name } from './x500-name';
import { encodeX500Name } from './x500-name-der';
import { x509 } from './x509-lib';

/** A CSR's options plus validity; issuer = subject, signed by `keys.privateKey`. */
export interface SelfSignedOptions extends CsrOptions {
  notBefore: Date;
  validityInMonths: number;
  /** basicConstraints cA; default false */
  isCa?: boolean;
  /** basicConstraints pathLenConstraint, only with isCa */
  pathLength?: number;
  /** serial bytes (tests); default 16 random bytes, positive */
  serialNumber?: Uint8Array;
}

/** notBefore + n calendar months, the day clamped to the month's end (Jan 31 + 1 → Feb 28/29). */
export function addMonths(from: Date, months: number): Date {
  const y = from.getUTCFullYear();
  const m = from.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const d = new Date(from.getTime());
  d.setUTCDate(1);
  d.setUTCFullYear(y, m, Math.min(from.getUTCDate(), lastDay));
  return d;
}

/** 16 random bytes, top bit cleared so the INTEGER stays positive (RFC 5280 §4.1.2.2: ≤ 20 octets). */
export function randomSerial(): Bytes {
  const serial = crypto.getRandomValues(new Uint8Array(16));
  serial[0] &= 0x7f;
  // A leading 00 followed by a byte < 0x80 would be a non-minimal DER INTEGER.
  if (serial[0] === 0) serial[0] = 0x01;
  return serial;
}

/** 16 random serial bytes; KU/EKU/SAN/basicConstraints/SKI/AKI; validity from notBefore. */
export async function createSelfSignedCertificate(options: SelfSignedOptions): Promise<Bytes> {
  const { notBefore, validityInMonths, keys } = options;
  if (!(notBefore instanceof Date) || Number.isNaN(notBefore.getTime()))
    throw new PkiError('bad-input', 'bad notBefore');
  if (!Number.isInteger(validityInMonths) || validityInMonths < 1 || validityInMonths > 1200) {
    throw new PkiError('bad-input', `validity must be 1-1200 months, not ${validityInMonths}`);
  }
  const name = encodeX500Name(parseX500Name(options.subject));
  // Certificate times have whole seconds (RFC 5280 §4.1.2.5.1).
  const start = new Date(Math.floor(notBefore.getTime() / 1000) * 1000);
  const serial = options.serialNumber ? toBytes(options.serialNumber) : randomSerial();
  try {
    const extensions: x509.Extension[] = [
      new x509.BasicConstraintsExtension(!!options.isCa, options.isCa ? options.pathLength : undefined, true),
      ...requestExtensions(options),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(keys.publicKey),
    ];
    const cert = await x509.X509CertificateGenerator.create({
      serialNumber: toHex(serial),
      subject: new x509.Name(name),
      issuer: new x509.Name(name),
      notBefore: start,
      notAfter: addMonths(start, validityInMonths),
      publicKey: keys.publicKey,
      signingKey: keys.privateKey,
      signingAlgorithm: signingAlgorithmFor(keys.privateKey),
      extensions,
    });
    return toBytes(new Uint8Array(cert.rawData));
  } catch (e) {
    if (isPkiError(e)) throw e;
    throw new PkiError('bad-input', 'cannot create the certificate with this key', { cause: e });
  }
}
