/**
 * Chain order: leaf first, then each issuer up to the root. Issuers are found by name
 * (RFC 5280 §4.1.2.4) and, when both sides have them, by AKI = SKI (§4.2.1.1), which tells
 * apart cross-signed or re-keyed CAs with the same name. Cycles and duplicates end the walk.
 */
import { EXTENSION } from './asn1/oids';
import { equalBytes, toBytes } from './bytes';
import { readCertificateDer, type RawExtension } from './certificate-der';
import { akiOf, skiOf } from './extensions-decode';
import { exportSpki, spkiMatchesKey } from './keys';
import { PkiError, isPkiError } from './pki-error';
import type { Bytes } from './types';

/** What ordering and path building compare: the names, the key and the key identifiers. */
export interface ChainNode {
  der: Bytes;
  subject: Bytes;
  issuer: Bytes;
  spki: Bytes;
  ski?: string;
  aki?: string;
}

/** A key identifier, or undefined when the extension is absent or unreadable (then names alone decide). */
function keyIdOf(ext: RawExtension | undefined, read: (ext: RawExtension) => string | undefined): string | undefined {
  try {
    return ext && read(ext);
  } catch {
    return undefined;
  }
}

/** The chain facts of one certificate; PkiError('malformed') when it does not parse. */
export function chainNodeOf(der: Uint8Array): ChainNode {
  const bytes = toBytes(der);
  const c = readCertificateDer(bytes);
  const ski = c.extensions.find((e) => e.oid === EXTENSION.subjectKeyIdentifier);
  const aki = c.extensions.find((e) => e.oid === EXTENSION.authorityKeyIdentifier);
  return {
    der: bytes,
    subject: c.subjectDer,
    issuer: c.issuerDer,
    spki: c.spki,
    ski: keyIdOf(ski, skiOf),
    aki: keyIdOf(aki, akiOf),
  };
}

/** `issuer` may have signed `child`: its subject is the child's issuer, and the key identifiers agree when both exist. */
export function issues(issuer: ChainNode, child: ChainNode): boolean {
  if (!equalBytes(issuer.subject, child.issuer)) return false;
  if (issuer.ski && child.aki) return issuer.ski === child.aki;
  return true;
}

/** Subject = issuer (and key identifiers consistent): a root, or a CA's self-issued certificate. */
export const isSelfIssued = (n: ChainNode): boolean =>
  equalBytes(n.subject, n.issuer) && (!n.ski || !n.aki || n.ski === n.aki);

interface OrderOptions {
  preserveOrder?: boolean;
  leafSpki?: Uint8Array;
}

/** Leaf first up to the root (issuer/subject and AKI/SKI); as given when preserveOrder. Cycles end. */
export function orderChain(certificates: Uint8Array[], options?: OrderOptions): Promise<Bytes[]> {
  // Asynchronous like the rest of the chain API (findLeafForKey); a throw inside rejects it.
  return new Promise((resolve) => {
    resolve(order(certificates, options));
  });
}

function order(certificates: Uint8Array[], options?: OrderOptions): Bytes[] {
  let nodes: ChainNode[];
  try {
    nodes = certificates.map(chainNodeOf);
  } catch (e) {
    if (isPkiError(e)) throw e;
    throw new PkiError('malformed', 'bad certificate in chain', { cause: e });
  }
  const unique: ChainNode[] = [];
  for (const n of nodes) if (!unique.some((u) => equalBytes(u.der, n.der))) unique.push(n);
  if (options?.preserveOrder || unique.length <= 1) return unique.map((n) => n.der);

  const leafSpki = options?.leafSpki;
  const leaf =
    (leafSpki && unique.find((n) => equalBytes(n.spki, leafSpki))) ||
    // The leaf issues nothing else in the set; prefer one that is not a self-signed root.
    unique.find((n) => !isSelfIssued(n) && !unique.some((o) => o !== n && !isSelfIssued(o) && issues(n, o))) ||
    unique.find((n) => !unique.some((o) => o !== n && issues(n, o))) ||
    unique[0];

  const ordered: ChainNode[] = [leaf];
  const used = new Set<ChainNode>([leaf]);
  let current: ChainNode = leaf;
  // Each step adds an unused node, so the loop ends after at most unique.length steps.
  while (!isSelfIssued(current)) {
    const next = unique.find((n) => !used.has(n) && issues(n, current));
    if (!next) break;
    ordered.push(next);
    used.add(next);
    current = next;
  }
  // Whatever is not on the path (unrelated or spare certificates) follows, in the given order.
  for (const n of unique) if (!used.has(n)) ordered.push(n);
  return ordered.map((n) => n.der);
}

/** The certificate whose public key equals `publicKey`, if any. */
export async function findLeafForKey(certificates: Uint8Array[], publicKey: CryptoKey): Promise<Bytes | undefined> {
  const spki = await exportSpki(publicKey);
  for (const der of certificates) {
    let certSpki: Bytes;
    try {
      certSpki = readCertificateDer(der).spki;
    } catch {
      continue; // Not a certificate we can read: it cannot be the leaf.
    }
    if (await spkiMatchesKey(publicKey, certSpki, spki)) return toBytes(der);
  }
  return undefined;
}
