/**
 * Parsing helpers for the UI, which reaches pki only through the vault (ARCHITECTURE §2 arrows).
 */
import { parseCertificate, type CertificateInfo } from '../pki/certificate-info';
import { parseCsr, type CsrInfo } from '../pki/csr';
import { encodePem } from '../pki/pem';
import { guard } from './vault-error';

export type { CertificateInfo, CsrInfo };

/** Subject, issuer, validity, SANs, KU/EKU, key, fingerprints of one DER certificate. */
export function describeCertificate(der: Uint8Array): Promise<CertificateInfo> {
  return guard('The certificate', () => parseCertificate(der));
}

/** Subject, SANs, public key and signature check of a PKCS#10 request (DER). */
export function describeCsr(der: Uint8Array): Promise<CsrInfo> {
  return guard('The certificate request', () => parseCsr(der));
}

/** PEM text for a DER certificate ("CERTIFICATE") or request ("CERTIFICATE REQUEST"). */
export function toPem(label: 'CERTIFICATE' | 'CERTIFICATE REQUEST', der: Uint8Array): Promise<string> {
  return guard('Encoding PEM', async () => encodePem(label, der));
}
