/**
 * The extensions we put in CSRs and certificates, from the SDK-shaped policy fields.
 * Key usage is critical (RFC 5280 §4.2.1.3 "SHOULD"); EKU and SAN are not (SAN is critical
 * only with an empty subject, which a Key Vault policy cannot have).
 */
import { EXTENSION, isDottedOid } from './asn1/oids';
import { encodeSubjectAltNames, hasAnySan } from './general-names';
import { PkiError } from './pki-error';
import type { KeyUsage, SubjectAlternativeNames } from './types';
import { x509 } from './x509-lib';

/** KeyUsage bits by name; a Map, because names arrive from JavaScript callers unchecked. */
const KEY_USAGE_FLAGS = new Map<string, number>([
  ['digitalSignature', x509.KeyUsageFlags.digitalSignature],
  ['nonRepudiation', x509.KeyUsageFlags.nonRepudiation],
  ['keyEncipherment', x509.KeyUsageFlags.keyEncipherment],
  ['dataEncipherment', x509.KeyUsageFlags.dataEncipherment],
  ['keyAgreement', x509.KeyUsageFlags.keyAgreement],
  ['keyCertSign', x509.KeyUsageFlags.keyCertSign],
  ['cRLSign', x509.KeyUsageFlags.cRLSign],
  ['encipherOnly', x509.KeyUsageFlags.encipherOnly],
  ['decipherOnly', x509.KeyUsageFlags.decipherOnly],
]);

interface ExtensionOptions {
  subjectAlternativeNames?: SubjectAlternativeNames;
  keyUsage?: KeyUsage[];
  enhancedKeyUsage?: string[];
}

/** SAN, KU and EKU extensions (those present in the options). */
export function requestExtensions(options: ExtensionOptions): x509.Extension[] {
  const out: x509.Extension[] = [];
  const san = options.subjectAlternativeNames;
  if (hasAnySan(san)) out.push(new x509.Extension(EXTENSION.subjectAltName, false, encodeSubjectAltNames(san)));
  if (options.keyUsage && options.keyUsage.length > 0) {
    let flags = 0;
    for (const usage of options.keyUsage) {
      const flag = KEY_USAGE_FLAGS.get(usage);
      if (flag === undefined) throw new PkiError('bad-input', `unknown key usage ${usage}`);
      flags |= flag;
    }
    // KeyUsageFlags is a bit-flag enum: an OR of its members is a valid value though not a member,
    // which this rule cannot tell from a stray number.
    // eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment
    out.push(new x509.KeyUsagesExtension(flags, true));
  }
  if (options.enhancedKeyUsage && options.enhancedKeyUsage.length > 0) {
    for (const oid of options.enhancedKeyUsage)
      if (!isDottedOid(oid)) throw new PkiError('bad-input', `bad eku oid ${oid}`);
    out.push(new x509.ExtendedKeyUsageExtension([...options.enhancedKeyUsage], false));
  }
  return out;
}

/** The signature algorithm a key signs with: its own hash for RSA, the curve's for ECDSA. */
export function signingAlgorithmFor(key: CryptoKey): RsaHashedImportParams | EcdsaParams {
  // The WebWorker lib has no RsaHashedKeyAlgorithm / EcKeyAlgorithm to narrow to.
  const alg = key.algorithm as KeyAlgorithm & { hash?: { name: string }; namedCurve?: string };
  if (alg.name === 'RSASSA-PKCS1-v1_5') return { name: alg.name, hash: alg.hash?.name ?? 'SHA-256' };
  if (alg.name === 'ECDSA') {
    const hash = alg.namedCurve === 'P-384' ? 'SHA-384' : alg.namedCurve === 'P-521' ? 'SHA-512' : 'SHA-256';
    return { name: 'ECDSA', hash };
  }
  throw new PkiError('unsupported', `cannot sign with ${alg.name} keys`);
}
