/**
 * A CA's issued-certificates log (ARCHITECTURE §8 "Local CA"): one row per certificate it signed,
 * written in the same transaction as the signature's result, so nothing signed goes unlisted;
 * revocation marks a row, and the next CRL lists it.
 */
import type { IssuedCertificate as IssuedByPki } from '../../pki/certificate-issue';
import type { VaultContext } from '../context';
import { certificateKey } from '../names';
import type { IssuedCertificate, RevocationReason, RevokeCertificateOptions } from '../types';
import { VaultError } from '../vault-error';
import type { IssuedRecord, StoreTx } from '../vault-store';
import { readLocalIssuer } from './local-issuer';

/** RFC 5280 §5.3.1 reasons a revocation may give (pki/crl.ts writes them). */
const REASONS: readonly RevocationReason[] = [
  'unspecified',
  'keyCompromise',
  'cACompromise',
  'affiliationChanged',
  'superseded',
  'cessationOfOperation',
  'privilegeWithdrawn',
  'aACompromise',
];

/** The log row of a certificate the CA `caName` just signed. */
export function issuedRecordOf(
  caName: string,
  caVersion: string,
  issued: IssuedByPki,
  parsed: { subject: string; sha256Fingerprint: string },
  now: Date,
  made?: { certificateName: string; certificateVersion: string },
): IssuedRecord {
  return {
    caKey: certificateKey(caName),
    serialNumber: issued.serialNumber,
    subject: parsed.subject,
    notBefore: issued.notBefore,
    notAfter: issued.notAfter,
    issuedOn: now,
    caVersion,
    cer: issued.der,
    sha256Fingerprint: parsed.sha256Fingerprint,
    ...(made ?? {}),
  };
}

/**
 * Inside a write: adds the row. Serials are 127 random bits, so a repeat means something is
 * wrong; it is refused rather than stored twice (a serial is unique per CA, RFC 5280 §4.1.2.2).
 */
export async function logIssued(tx: StoreTx, record: IssuedRecord): Promise<void> {
  if (await tx.get('issued', [record.caKey, record.serialNumber])) {
    throw new VaultError(
      'Conflict',
      `The serial number ${record.serialNumber} drawn for the new certificate is already used by this CA: try again.`,
    );
  }
  await tx.put('issued', record);
}

function toIssuedCertificate(r: IssuedRecord): IssuedCertificate {
  const out: IssuedCertificate = {
    serialNumber: r.serialNumber,
    subject: r.subject,
    notBefore: new Date(r.notBefore),
    notAfter: new Date(r.notAfter),
    issuedOn: new Date(r.issuedOn),
    certificate: r.cer.slice(),
    sha256Fingerprint: r.sha256Fingerprint,
  };
  if (r.certificateName !== undefined) out.certificateName = r.certificateName;
  if (r.certificateVersion !== undefined) out.certificateVersion = r.certificateVersion;
  if (r.revocation) out.revocation = { revokedOn: new Date(r.revocation.revokedOn), reason: r.revocation.reason };
  return out;
}

export async function* listIssuedCertificates(ctx: VaultContext, issuerName: string): AsyncIterable<IssuedCertificate> {
  const rows = await ctx.store.read(async (tx) => {
    const { issuer } = await readLocalIssuer(tx, issuerName);
    return tx.issuedBy(certificateKey(issuer.certificateName));
  });
  for (const r of rows) yield toIssuedCertificate(r);
}

/** The serial as the log keys it: uppercase hex, no separators or sign padding. */
function serialKey(serialNumber: unknown): string {
  const text = typeof serialNumber === 'string' ? serialNumber.replace(/[:\s]/g, '').toUpperCase() : '';
  if (!/^[0-9A-F]+$/.test(text))
    throw new VaultError('BadParameter', `Serial number "${String(serialNumber)}" is not hexadecimal.`, {
      field: 'serialNumber',
    });
  return text.replace(/^(00)+(?=[0-9A-F]{2})/, '');
}

export async function revokeCertificate(
  ctx: VaultContext,
  issuerName: string,
  serialNumber: string,
  options: RevokeCertificateOptions = {},
): Promise<IssuedCertificate> {
  const serial = serialKey(serialNumber);
  const reason = options.reason ?? 'unspecified';
  if (!REASONS.includes(reason))
    throw new VaultError(
      'BadParameter',
      `Revocation reason "${reason}" is not one of RFC 5280's: use ${REASONS.join(', ')}.`,
      { field: 'reason' },
    );
  return ctx.store.write(async (tx) => {
    const { issuer } = await readLocalIssuer(tx, issuerName);
    const caKey = certificateKey(issuer.certificateName);
    const row = await tx.get('issued', [caKey, serial]);
    if (!row)
      throw new VaultError(
        'NotFound',
        `Issuer "${issuer.name}" has not issued a certificate with serial number ${serial}.`,
        { field: 'serialNumber' },
      );
    if (row.revocation)
      throw new VaultError(
        'Conflict',
        `The certificate with serial number ${serial} was already revoked on ${row.revocation.revokedOn.toISOString()} (${row.revocation.reason}).`,
        { field: 'serialNumber' },
      );
    const revoked: IssuedRecord = { ...row, revocation: { revokedOn: ctx.now(), reason } };
    await tx.put('issued', revoked);
    return toIssuedCertificate(revoked);
  });
}
