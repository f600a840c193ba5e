/**
 * Parsing helpers for the UI, which reaches pki only through the vault (ARCHITECTURE §2 arrows).
 * The parsers are loaded on first use, so the vault's entry stays free of the PKI libraries.
 */
import type { CsrInfo } from '../pki/csr';
import { encodePem } from '../pki/pem';
import type { CertificateInfo } from '../pki/certificate-info';
import { guard, parsing } from './vault-error';

export type { CertificateInfo, CsrInfo };

/** Subject, issuer, validity, SANs, KU/EKU, key, fingerprints of one DER certificate. */
export function describeCertificate(der: Uint8Array): Promise<CertificateInfo> {
  return parsing('The certificate', async () => (await import('../pki/certificate-info')).parseCertificate(der));
}

/** Subject, SANs, public key and signature check of a PKCS#10 request (DER). */
export function describeCsr(der: Uint8Array): Promise<CsrInfo> {
  return parsing('The certificate request', async () => (await import('../pki/csr')).parseCsr(der));
}

/** PEM text for a DER certificate ("CERTIFICATE") or request ("CERTIFICATE REQUEST"). */
export function toPem(label: 'CERTIFICATE' | 'CERTIFICATE REQUEST', der: Uint8Array): Promise<string> {
  return guard('Encoding PEM', () => Promise.resolve(encodePem(label, der)));
}
