/**
 * LintTargets from DER: a certificate as it is, and a CSR as the certificate a CA would make of
 * it with the requested extensions copied (validity and signer are the CA's, so they stay open
 * until the vault adds them from a policy).
 */
import { EXTENSION } from '../asn1/oids';
import { readTime } from '../asn1/time';
import { equalBytes } from '../bytes';
import { readCertificateDer, type RawExtension } from '../certificate-der';
import { readCsrParts } from '../csr-parts';
import { decodeExtensions } from '../extensions-decode';
import { PkiError, isPkiError } from '../pki-error';
import { decodeX500Name } from '../x500-name-der';
import { findExtension, keyFacts, sanFacts } from './lint-facts';
import type { LintAudience, LintTarget } from './types';

function extensionFacts(
  extensions: RawExtension[],
): Pick<LintTarget, 'claimsCa' | 'san' | 'keyUsage' | 'enhancedKeyUsage'> {
  const decoded = decodeExtensions(extensions);
  const san = findExtension(extensions, EXTENSION.subjectAltName);
  const out: Pick<LintTarget, 'claimsCa' | 'san' | 'keyUsage' | 'enhancedKeyUsage'> = {
    claimsCa: decoded.basicConstraints?.ca ?? false,
  };
  const sanRead = san && sanFacts(san.value);
  if (sanRead) out.san = sanRead;
  if (findExtension(extensions, EXTENSION.keyUsage)) out.keyUsage = decoded.keyUsage;
  if (findExtension(extensions, EXTENSION.extKeyUsage)) out.enhancedKeyUsage = decoded.enhancedKeyUsage;
  return out;
}

function subjectOf(node: Parameters<typeof decodeX500Name>[0]): LintTarget['subject'] {
  return decodeX500Name(node).map((a) => ({ oid: a.oid, type: a.type, value: a.value }));
}

function wrap<T>(what: string, read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (isPkiError(e)) throw e;
    throw new PkiError('malformed', `bad ${what}`, { cause: e });
  }
}

/**
 * A certificate's target. `audience` defaults to private for a self-issued certificate (it is
 * trusted only where someone installs it) and public otherwise.
 */
export function certificateLintTarget(der: Uint8Array, audience?: LintAudience): LintTarget {
  return wrap('certificate', () => {
    const c = readCertificateDer(der);
    return {
      ...extensionFacts(c.extensions),
      key: keyFacts(c.spkiNode),
      subject: subjectOf(c.subject),
      signatureAlgorithmOid: c.tbsSignatureAlgorithmOid,
      validity: { notBefore: readTime(c.notBefore), notAfter: readTime(c.notAfter) },
      audience: audience ?? (equalBytes(c.subjectDer, c.issuerDer) ? 'private' : 'public'),
    };
  });
}

/** The certificate a CA would make from a CSR as it stands (no validity, no signer yet). */
export function requestLintTarget(der: Uint8Array, audience: LintAudience = 'public'): LintTarget {
  return wrap('certificate request', () => {
    const parts = readCsrParts(der);
    return {
      ...extensionFacts(parts.extensions),
      key: keyFacts(parts.spkiNode),
      subject: subjectOf(parts.subject),
      audience,
    };
  });
}
