/**
 * One certificate as path validation sees it: where it came from, the facts RFC 5280 §6.1
 * checks (validity, basicConstraints, keyUsage, name constraints) and the chain facts that
 * link it to an issuer (chain.ts: names and key identifiers).
 */
import { EXTENSION } from '../asn1/oids';
import { readTime } from '../asn1/time';
import { digestHex, toBytes } from '../bytes';
import { readCertificateDer, type CertificateDer } from '../certificate-der';
import { chainNodeOf, type ChainNode } from '../chain';
import { decodeExtensions } from '../extensions-decode';
import type { DecodedNameConstraints } from '../name-constraints';
import { PkiError, isPkiError } from '../pki-error';
import type { Bytes, KeyUsage } from '../types';
import { formatX500Name } from '../x500-name';
import { decodeX500Name } from '../x500-name-der';

/** Where a certificate of a path was found. */
export type PathSource = 'version' | 'vault' | 'anchor';

/** A certificate offered to the path builder. */
export interface PathCandidate {
  der: Uint8Array;
  source: PathSource;
}

export interface PathCertificate {
  der: Bytes;
  /** SHA-256 of the DER, uppercase hex */
  sha256: string;
  source: PathSource;
  /** RFC 4514, as parseCertificate writes it */
  subject: string;
  issuer: string;
  notBefore: Date;
  notAfter: Date;
  version: number;
  basicConstraints?: { ca: boolean; pathLength?: number };
  /** undefined when the certificate has no keyUsage extension (then every usage is allowed, RFC 5280 §4.2.1.3) */
  keyUsage?: KeyUsage[];
  nameConstraints?: DecodedNameConstraints;
  node: ChainNode;
  parts: CertificateDer;
}

/** The path facts of one certificate; PkiError('malformed') when it does not parse. */
export async function pathCertificateOf(candidate: PathCandidate): Promise<PathCertificate> {
  const der = toBytes(candidate.der);
  try {
    const parts = readCertificateDer(der);
    const ext = decodeExtensions(parts.extensions);
    const out: PathCertificate = {
      der,
      sha256: await digestHex('SHA-256', der),
      source: candidate.source,
      subject: formatX500Name(decodeX500Name(parts.subject)),
      issuer: formatX500Name(decodeX500Name(parts.issuer)),
      notBefore: readTime(parts.notBefore),
      notAfter: readTime(parts.notAfter),
      version: parts.version,
      node: chainNodeOf(der),
      parts,
    };
    if (ext.basicConstraints) out.basicConstraints = ext.basicConstraints;
    if (parts.extensions.some((e) => e.oid === EXTENSION.keyUsage)) out.keyUsage = ext.keyUsage;
    if (ext.nameConstraints) out.nameConstraints = ext.nameConstraints;
    return out;
  } catch (e) {
    if (isPkiError(e)) throw e;
    throw new PkiError('malformed', 'bad certificate', { cause: e });
  }
}
