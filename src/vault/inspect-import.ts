/**
 * What an import file holds, before anything is stored: the UI shows it (certificates, key
 * present?) and asks for a password only when one is needed. Also the chain encodings the
 * detail page downloads (PKCS#7). Reaches pki for the UI, which may not (ARCHITECTURE §2 arrows).
 */
import { isPkiError } from '../pki/pki-error';
import type { Bytes } from '../pki/types';
import type { CertificateInfo } from '../pki/certificate-info';
import type { DerivedPolicy } from './import-policy';
import { guard, parsing } from './vault-error';
import { watchWork, type LongWorkOptions } from './long-work';

export interface ImportInspection {
  format: 'pkcs12' | 'pem' | 'certificates';
  /** The file is a PFX whose password was not given or is wrong: ask for one, keep the file. */
  needsPassword: boolean;
  keyPresent: boolean;
  certificates: CertificateInfo[];
  /**
   * Certkeep: policy fields the certificate the key belongs to does not state, which an import
   * without a policy fills with Azure's defaults (today only `keyUsage`, for a certificate
   * without a key usage extension). Empty when there is nothing to import.
   */
  derivedDefaults: DerivedPolicy['derivedDefaults'];
  /**
   * Certkeep: the index in `certificates` of the certificate the private key belongs to (the one
   * an import stores as the version), when the key and its certificate are both in the file.
   */
  leaf?: number;
}

/**
 * Reads a PFX or PEM (key + certificates); a file with certificates only (DER, PEM, P7B)
 * is reported as such (it cannot be imported, but it can be merged).
 */
export async function inspectImport(
  bytes: Uint8Array,
  password?: string,
  options: LongWorkOptions = {},
): Promise<ImportInspection> {
  const watched = watchWork(options, 'Reading the file');
  return parsing('The file', async () => {
    // The readers are loaded on first use: this module is part of the vault's light entry.
    const [{ readKeyBundle }, { parseCertificate }, { readCertificates }] = await Promise.all([
      import('../pki/key-bundle'),
      import('../pki/certificate-info'),
      import('../pki/certificate-bundle'),
    ]);
    try {
      const bundle = await readKeyBundle(bytes, password, watched.work);
      const certificates = await Promise.all(bundle.certificates.map((der) => parseCertificate(der)));
      const found = bundle.pkcs8 ? await leafOf(bundle.pkcs8, bundle.certificates, certificates) : undefined;
      // bundle.needsPassword says the file is protected; it opened, so nothing more to ask.
      return {
        format: bundle.format,
        needsPassword: false,
        keyPresent: !!bundle.pkcs8,
        certificates,
        derivedDefaults: found?.derivedDefaults ?? [],
        ...(found ? { leaf: found.leaf } : {}),
      };
    } catch (e) {
      watched.check();
      if (isPkiError(e) && e.code === 'invalid-password')
        return { format: 'pkcs12', needsPassword: true, keyPresent: false, certificates: [], derivedDefaults: [] };
      // Not a key bundle: maybe certificates only (a .cer / .p7b), which Import can name as such.
      let ders: Bytes[];
      try {
        ders = readCertificates(bytes);
      } catch {
        throw e;
      }
      const certificates = await Promise.all(ders.map((der) => parseCertificate(der)));
      return { format: 'certificates', needsPassword: false, keyPresent: false, certificates, derivedDefaults: [] };
    }
  });
}

/**
 * The certificate the key belongs to (found as import.ts finds it) and what importCertificate
 * would fill in for it. A key that does not import is the import's error to report, with its
 * own words; the inspection still shows what the file holds.
 */
async function leafOf(
  pkcs8: Bytes,
  ders: Bytes[],
  infos: CertificateInfo[],
): Promise<{ leaf: number; derivedDefaults: DerivedPolicy['derivedDefaults'] } | undefined> {
  const [{ importPkcs8 }, { findLeafForKey }, { equalBytes }, { derivePolicy }] = await Promise.all([
    import('../pki/keys'),
    import('../pki/chain'),
    import('../pki/bytes'),
    import('./import-policy'),
  ]);
  const key = await importPkcs8(pkcs8, false).catch(() => undefined);
  const leaf = key && (await findLeafForKey(ders, key.keyPair.publicKey));
  const at = leaf ? ders.findIndex((der) => equalBytes(der, leaf)) : -1;
  // No certificate for the key: the import will refuse the file, so there is no policy to speak of.
  return key && at >= 0
    ? { leaf: at, derivedDefaults: derivePolicy(infos[at], key.spec, true).derivedDefaults }
    : undefined;
}

/** A PKCS#7 (P7B) "certs-only" file of the given DER certificates. */
export function certificatesToP7b(ders: Uint8Array[]): Promise<Bytes> {
  return guard('Writing the P7B file', async () => (await import('../pki/pkcs7')).writePkcs7Certificates(ders));
}
