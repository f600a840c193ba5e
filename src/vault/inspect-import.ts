/**
 * What an import file holds, before anything is stored: the UI shows it (certificates, key
 * present?) and asks for a password only when one is needed. Also the chain encodings the
 * detail page downloads (PKCS#7). Reaches pki for the UI, which may not (ARCHITECTURE §2 arrows).
 */
import { readKeyBundle } from '../pki/key-bundle';
import { parseCertificate, type CertificateInfo } from '../pki/certificate-info';
import { writePkcs7Certificates } from '../pki/pkcs7';
import { readCertificates } from '../pki/certificate-bundle';
import { isPkiError } from '../pki/pki-error';
import type { Bytes } from '../pki/types';
import { guard } from './vault-error';

export interface ImportInspection {
  format: 'pkcs12' | 'pem' | 'certificates';
  /** The file is a PFX whose password was not given or is wrong: ask for one, keep the file. */
  needsPassword: boolean;
  keyPresent: boolean;
  certificates: CertificateInfo[];
}

/**
 * Reads a PFX or PEM (key + certificates); a file with certificates only (DER, PEM, P7B)
 * is reported as such (it cannot be imported, but it can be merged).
 */
export async function inspectImport(bytes: Uint8Array, password?: string): Promise<ImportInspection> {
  return guard('The file', async () => {
    try {
      const bundle = await readKeyBundle(bytes, password);
      const certificates = await Promise.all(bundle.certificates.map((der) => parseCertificate(der)));
      // bundle.needsPassword says the file is protected; it opened, so nothing more to ask.
      return { format: bundle.format, needsPassword: false, keyPresent: !!bundle.pkcs8, certificates };
    } catch (e) {
      if (isPkiError(e) && e.code === 'invalid-password')
        return { format: 'pkcs12', needsPassword: true, keyPresent: false, certificates: [] };
      // Not a key bundle: maybe certificates only (a .cer / .p7b), which Import can name as such.
      let ders: Bytes[];
      try {
        ders = readCertificates(bytes);
      } catch {
        throw e;
      }
      const certificates = await Promise.all(ders.map((der) => parseCertificate(der)));
      return { format: 'certificates', needsPassword: false, keyPresent: false, certificates };
    }
  });
}

/** A PKCS#7 (P7B) "certs-only" file of the given DER certificates. */
export function certificatesToP7b(ders: Uint8Array[]): Promise<Bytes> {
  return guard('Writing the P7B file', async () => writePkcs7Certificates(ders));
}
