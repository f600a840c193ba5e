/**
 * addTrustAnchor: one certificate (PEM, DER or a one-certificate P7B) that may end a chain. Only a
 * CA certificate (basicConstraints cA TRUE) or a self-signed one — whose own signature verifies —
 * can be an anchor: trusting an end-entity certificate issued by someone else would vouch for
 * a key that never signs certificates. Parsing happens before the write (ARCHITECTURE §7).
 */
import { readCertificates } from '../../pki/certificate-bundle';
import { parseCertificate } from '../../pki/certificate-info';
import { readCertificateDer } from '../../pki/certificate-der';
import { verifyCertificateSignature } from '../../pki/path-validation/verify-signature';
import type { VaultContext } from '../context';
import { parsing, VaultError } from '../vault-error';
import type { TrustAnchorRecord } from '../vault-store';
import { toTrustAnchor } from './anchor-records';
import type { TrustAnchor } from './trust-types';

export async function addTrustAnchor(ctx: VaultContext, bytes: Uint8Array): Promise<TrustAnchor> {
  if (!(bytes instanceof Uint8Array) || bytes.length === 0) {
    throw new VaultError('BadParameter', 'Choose a certificate file (PEM or DER) to trust.', { field: 'file' });
  }
  const certs = await parsing('The trust anchor', () => Promise.resolve(readCertificates(bytes)));
  if (certs.length !== 1) {
    throw new VaultError(
      'BadParameter',
      `The file holds ${certs.length} certificates: add one trust anchor at a time (the root or CA you trust).`,
      { field: 'file' },
    );
  }
  const der = certs[0];
  const info = await parsing('The trust anchor', () => parseCertificate(der));
  const parts = readCertificateDer(der);
  const selfSigned = info.selfSigned && (await verifyCertificateSignature(parts, parts.spkiNode)).result === 'valid';
  if (info.basicConstraints?.ca !== true && !selfSigned) {
    throw new VaultError(
      'BadParameter',
      `"${info.subject}" is neither a CA certificate (basicConstraints cA) nor self-signed: only a CA or a root can be a trust anchor.`,
      { field: 'file' },
    );
  }
  const record: TrustAnchorRecord = {
    sha256: info.sha256Fingerprint,
    cer: der,
    subject: info.subject,
    issuer: info.issuer,
    notBefore: info.notBefore,
    expiresOn: info.notAfter,
    selfSigned,
    addedOn: ctx.now(),
  };
  return ctx.store.write(async (tx) => {
    const existing = await tx.get('trustAnchors', record.sha256);
    if (existing) return toTrustAnchor(existing);
    await tx.put('trustAnchors', record);
    return toTrustAnchor(record);
  });
}
