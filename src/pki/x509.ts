/**
 * Self-signed X.509 certificates (RFC 5280 profile as Key Vault issues them), and the validity
 * and serial rules every certificate built here follows. Reading one is certificate-info.ts.
 */
import { toBytes, toHex } from './bytes';
import { caExtensions, requestExtensions, signingAlgorithmFor, type CaOptions } from './extensions-build';
import { PkiError, isPkiError } from './pki-error';
import type { Bytes } from './types';
import type { CsrOptions } from './csr';
import { parseX500Name } from './x500-name';
import { encodeX500Name } from './x500-name-der';
import { x509 } from './x509-lib';

/** How long a certificate is valid: calendar months, or days (which win when both are given). */
export interface Validity {
  notBefore: Date;
  validityInMonths?: number;
  validityInDays?: number;
}

/** A CSR's options plus validity; issuer = subject, signed by `keys.privateKey`. */
export interface SelfSignedOptions extends CsrOptions, CaOptions, Validity {
  /** serial bytes (tests); default 16 random bytes, positive */
  serialNumber?: Uint8Array;
}

/** Longest validity, as Key Vault's 1200 months. */
const MAX_DAYS = 36_525;

/**
 * notBefore to whole seconds (RFC 5280 §4.1.2.5.1 times have no fractions) and the notAfter the
 * validity asks for; PkiError('bad-input') when out of range.
 */
export function validityWindow(v: Validity): { start: Date; end: Date } {
  const { notBefore, validityInMonths, validityInDays } = v;
  if (!(notBefore instanceof Date) || Number.isNaN(notBefore.getTime()))
    throw new PkiError('bad-input', 'bad notBefore');
  const start = new Date(Math.floor(notBefore.getTime() / 1000) * 1000);
  if (validityInDays !== undefined) {
    if (!Number.isInteger(validityInDays) || validityInDays < 1 || validityInDays > MAX_DAYS)
      throw new PkiError('bad-input', `validity must be 1-${MAX_DAYS} days, not ${validityInDays}`);
    return { start, end: new Date(start.getTime() + validityInDays * 86_400_000) };
  }
  if (
    !Number.isInteger(validityInMonths) ||
    validityInMonths === undefined ||
    validityInMonths < 1 ||
    validityInMonths > 1200
  )
    throw new PkiError('bad-input', `validity must be 1-1200 months, not ${String(validityInMonths)}`);
  return { start, end: addMonths(start, validityInMonths) };
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

/**
 * 16 random serial bytes; basicConstraints, nameConstraints (a CA), KU/EKU/SAN, SKI/AKI; validity
 * from notBefore.
 */
export async function createSelfSignedCertificate(options: SelfSignedOptions): Promise<Bytes> {
  const { keys } = options;
  const { start, end } = validityWindow(options);
  const name = encodeX500Name(parseX500Name(options.subject));
  const serial = options.serialNumber ? toBytes(options.serialNumber) : randomSerial();
  try {
    const extensions: x509.Extension[] = [
      ...caExtensions(options),
      ...requestExtensions(options),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(keys.publicKey),
    ];
    const cert = await x509.X509CertificateGenerator.create({
      serialNumber: toHex(serial),
      subject: new x509.Name(name),
      issuer: new x509.Name(name),
      notBefore: start,
      notAfter: end,
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
