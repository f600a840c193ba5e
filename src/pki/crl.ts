/**
 * Certificate revocation lists (RFC 5280 §5): a v2 CRL signed by the CA's key, with the CA's
 * subject as issuer (byte for byte, as in the certificates it issued), the authority key
 * identifier (§5.2.1, the CA's SKI) and a CRL number (§5.2.3); each entry carries its reason
 * code (§5.3.1) unless the reason is unspecified, which the RFC says to leave out.
 */
import * as asn1js from 'asn1js';
import { EXTENSION } from './asn1/oids';
import { toDer } from './asn1/writer';
import { fromHex, toBytes } from './bytes';
import { readCertificateDer } from './certificate-der';
import { signingAlgorithmFor } from './extensions-build';
import { skiOf } from './extensions-decode';
import { PkiError, isPkiError } from './pki-error';
import type { Bytes } from './types';
import { x509 } from './x509-lib';

/** RFC 5280 §5.3.1 CRLReason values (removeFromCRL belongs to delta CRLs, which are not made here; certificateHold is left out because nothing here releases a hold, and CA/B Forum BR §7.2.2 forbids it). */
export const REVOCATION_REASONS = {
  unspecified: 0,
  keyCompromise: 1,
  cACompromise: 2,
  affiliationChanged: 3,
  superseded: 4,
  cessationOfOperation: 5,
  privilegeWithdrawn: 9,
  aACompromise: 10,
} as const;

export type RevocationReason = keyof typeof REVOCATION_REASONS;

export interface RevokedEntry {
  /** hex, as openssl prints it */
  serialNumber: string;
  revokedOn: Date;
  reason: RevocationReason;
}

export interface CrlOptions {
  /** the CA certificate (DER) */
  issuerCertificate: Uint8Array;
  /** the CA's private key (may be non-extractable) */
  issuerPrivateKey: CryptoKey;
  thisUpdate: Date;
  nextUpdate: Date;
  /** monotonic per CA (§5.2.3: a non-negative integer, at most 20 octets) */
  crlNumber: number;
  entries: RevokedEntry[];
}

const whole = (d: Date): Date => new Date(Math.floor(d.getTime() / 1000) * 1000);

/** The CRL, DER. */
export async function createCrl(options: CrlOptions): Promise<Bytes> {
  const { crlNumber } = options;
  if (!Number.isSafeInteger(crlNumber) || crlNumber < 0) throw new PkiError('bad-input', 'bad crl number');
  const thisUpdate = whole(options.thisUpdate);
  const nextUpdate = whole(options.nextUpdate);
  if (!(nextUpdate > thisUpdate)) throw new PkiError('bad-input', 'nextUpdate must follow thisUpdate');
  const ca = readCertificateDer(options.issuerCertificate);
  const skiExt = ca.extensions.find((e) => e.oid === EXTENSION.subjectKeyIdentifier);
  const ski = skiExt && skiOf(skiExt);
  const entries = options.entries.map((e) => {
    // A Map lookup: reasons may arrive from JavaScript callers unchecked.
    const reason = new Map<string, number>(Object.entries(REVOCATION_REASONS)).get(e.reason);
    if (reason === undefined) throw new PkiError('bad-input', `unknown revocation reason ${e.reason}`);
    if (!/^[0-9A-Fa-f]+$/.test(e.serialNumber)) throw new PkiError('bad-input', `bad serial ${e.serialNumber}`);
    return { serialNumber: e.serialNumber, revocationDate: whole(e.revokedOn), reason };
  });
  try {
    const crl = await x509.X509CrlGenerator.create({
      issuer: new x509.Name(ca.subjectDer),
      thisUpdate,
      nextUpdate,
      entries,
      extensions: [
        ski
          ? new x509.AuthorityKeyIdentifierExtension(ski)
          : await x509.AuthorityKeyIdentifierExtension.create(new x509.PublicKey(ca.spki)),
        new x509.Extension(EXTENSION.cRLNumber, false, integerDer(crlNumber)),
      ],
      signingKey: options.issuerPrivateKey,
      signingAlgorithm: signingAlgorithmFor(options.issuerPrivateKey),
    });
    return toBytes(new Uint8Array(crl.rawData));
  } catch (e) {
    if (isPkiError(e)) throw e;
    throw new PkiError('bad-input', 'cannot sign the crl with this issuer key', { cause: e });
  }
}

/** A non-negative INTEGER, minimal DER. */
function integerDer(n: number): Bytes {
  let hex = n.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  const bytes = fromHex(hex);
  const content = bytes[0] & 0x80 ? new Uint8Array([0, ...bytes]) : bytes;
  return toDer(new asn1js.Integer({ valueHex: toBytes(content).buffer }));
}
