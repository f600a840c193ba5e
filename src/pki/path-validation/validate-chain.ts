/**
 * Path building and validation (RFC 5280 §6, RFC 4158 in spirit): from a certificate up
 * through every issuer the candidates offer — the chain it came with, other certificates the
 * caller holds, trust anchors — to a trust anchor, a self-signed root or a missing issuer.
 * Every path found is checked (path-checks.ts) and the best one is the answer: trusted before
 * untrusted before invalid, then fewer problems, then shorter. So a chain in the wrong order,
 * or with spare certificates that belong to no path (an unrelated CA in a PFX), is read as
 * what it is, not as given.
 *
 * A trust anchor ends a path wherever it stands, self-signed or not (as browsers do, and
 * `openssl verify -partial_chain`); a certificate counts as the anchor when its DER is the
 * anchor's or it has the anchor's subject and public key.
 */
import { equalBytes } from '../bytes';
import { issues, isSelfIssued } from '../chain';
import { PkiError } from '../pki-error';
import { checkPath, TRUST_PROBLEMS, type PathProblem } from './path-checks';
import { pathCertificateOf, type PathCandidate, type PathCertificate } from './path-certificate';
import { verifyCertificateSignature, type SignatureCheck } from './verify-signature';

export type ChainStatus = 'trusted' | 'untrusted' | 'invalid';

export interface ChainValidation {
  status: ChainStatus;
  /** leaf first */
  path: PathCertificate[];
  problems: PathProblem[];
}

export interface ValidateChainInput {
  /** the certificate whose chain is wanted */
  leaf: Uint8Array;
  /** the certificates it came with (any order, spares allowed), then others the caller holds */
  candidates: PathCandidate[];
  /** trusted as they are */
  anchors: Uint8Array[];
  now: Date;
}

/** Longer paths than this are not real chains; the bound keeps hostile input cheap. */
const MAX_DEPTH = 12;
/** At most this many complete paths are checked. */
const MAX_PATHS = 32;

const SOURCE_RANK = { anchor: 0, version: 1, vault: 2 } as const;

async function readAll(candidates: PathCandidate[]): Promise<PathCertificate[]> {
  const out: PathCertificate[] = [];
  for (const c of candidates) {
    try {
      out.push(await pathCertificateOf(c));
    } catch {
      // A certificate we cannot read links nothing; the others still build a path.
    }
  }
  return out;
}

/** Candidates once each (by SHA-256), a trust anchor's copy winning over the same bytes found elsewhere. */
function dedupe(all: PathCertificate[]): PathCertificate[] {
  const bySha = new Map<string, PathCertificate>();
  for (const c of [...all].sort((a, b) => SOURCE_RANK[a.source] - SOURCE_RANK[b.source])) {
    if (!bySha.has(c.sha256)) bySha.set(c.sha256, c);
  }
  return [...bySha.values()];
}

function isAnchor(c: PathCertificate, anchors: PathCertificate[]): boolean {
  return anchors.some(
    (a) =>
      a.sha256 === c.sha256 || (equalBytes(a.node.subject, c.node.subject) && equalBytes(a.node.spki, c.node.spki)),
  );
}

/** Every path from `leaf` up, depth first, anchors tried first; each ends at an anchor, a self-signed root or a dead end. */
function buildPaths(leaf: PathCertificate, pool: PathCertificate[], anchors: PathCertificate[]) {
  const paths: { path: PathCertificate[]; anchored: boolean }[] = [];
  const walk = (path: PathCertificate[]): void => {
    if (paths.length >= MAX_PATHS) return;
    const top = path[path.length - 1];
    if (isAnchor(top, anchors)) {
      paths.push({ path, anchored: true });
      return;
    }
    const next = path.length < MAX_DEPTH ? pool.filter((c) => !path.includes(c) && issues(c.node, top.node)) : [];
    // A self-signed root ends the path unless an anchor with its name (a re-keyed or cross-signed root) may vouch for it.
    const tried = isSelfIssued(top.node) ? next.filter((c) => c.source === 'anchor') : next;
    if (tried.length === 0) {
      paths.push({ path, anchored: false });
      return;
    }
    for (const c of [...tried].sort((a, b) => SOURCE_RANK[a.source] - SOURCE_RANK[b.source])) walk([...path, c]);
  };
  walk([leaf]);
  return paths;
}

function statusOf(anchored: boolean, problems: PathProblem[]): ChainStatus {
  if (problems.some((p) => !TRUST_PROBLEMS.has(p.code))) return 'invalid';
  return anchored && problems.length === 0 ? 'trusted' : 'untrusted';
}

const STATUS_RANK: Record<ChainStatus, number> = { trusted: 0, untrusted: 1, invalid: 2 };

/** Builds and checks the certificate's paths; PkiError('malformed') when the leaf itself does not parse. */
export async function validateChain(input: ValidateChainInput): Promise<ChainValidation> {
  const leaf = await pathCertificateOf({ der: input.leaf, source: 'version' });
  const anchors = await readAll(input.anchors.map((der) => ({ der, source: 'anchor' as const })));
  const pool = dedupe([...anchors, ...(await readAll(input.candidates))]).filter((c) => c.sha256 !== leaf.sha256);
  const leafAnchor = anchors.find((a) => a.sha256 === leaf.sha256);
  const start = leafAnchor ?? leaf;

  const signatures = new Map<string, Promise<SignatureCheck>>();
  const verify = (cert: PathCertificate, issuer: PathCertificate): Promise<SignatureCheck> => {
    const key = `${cert.sha256}/${issuer.sha256}`;
    let check = signatures.get(key);
    if (!check) {
      check = verifyCertificateSignature(cert.parts, issuer.parts.spkiNode);
      signatures.set(key, check);
    }
    return check;
  };

  let best: ChainValidation | undefined;
  for (const { path, anchored } of buildPaths(start, pool, anchors)) {
    const marked = path.map((c) =>
      c.source !== 'anchor' && isAnchor(c, anchors) ? { ...c, source: 'anchor' as const } : c,
    );
    const problems = await checkPath(marked, anchored, input.now, verify);
    const found: ChainValidation = { status: statusOf(anchored, problems), path: marked, problems };
    if (!best || better(found, best)) best = found;
    if (best.status === 'trusted') break;
  }
  if (!best) throw new PkiError('malformed', 'no path'); // buildPaths always yields the leaf alone at least
  return best;
}

function better(a: ChainValidation, b: ChainValidation): boolean {
  if (STATUS_RANK[a.status] !== STATUS_RANK[b.status]) return STATUS_RANK[a.status] < STATUS_RANK[b.status];
  if (a.problems.length !== b.problems.length) return a.problems.length < b.problems.length;
  return a.path.length < b.path.length;
}
