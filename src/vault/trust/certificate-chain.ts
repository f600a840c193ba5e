/**
 * getCertificateChain: the version's certificate, the chain it was merged or imported with,
 * the vault's other certificates and the trust anchors go to pki's path builder; its verdict
 * comes back with each problem worded (chain-messages.ts).
 *
 * Other vault certificates are looked up by name, not all read: a certificate row whose latest
 * subject is an issuer name still missing brings every version of that certificate (and the
 * chains stored with them), and their issuers are looked up in turn. A vault of 10 000
 * certificates costs one read of the certificates store and a few version reads.
 */
import { parseCertificate } from '../../pki/certificate-info';
import { validateChain } from '../../pki/path-validation/validate-chain';
import type { PathCandidate } from '../../pki/path-validation/path-certificate';
import type { VaultContext } from '../context';
import { requireCertificate, requireVersion } from '../lookups';
import { certificateKey } from '../names';
import type { CertificateRecord } from '../vault-store';
import { problemMessage } from './chain-messages';
import type { CertificateChain, GetCertificateChainOptions } from './trust-types';

/** Rounds of issuer look-ups: one per level above the version's own chain. */
const MAX_ROUNDS = 8;

async function issuerNames(ders: Uint8Array[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (const der of ders) {
    try {
      out.add((await parseCertificate(der)).issuer);
    } catch {
      // Not readable: it names no issuer, and path building skips it too.
    }
  }
  return out;
}

/** Certificates of other vault entries that may issue something on the way up. */
async function vaultCandidates(
  ctx: VaultContext,
  rows: CertificateRecord[],
  start: Uint8Array[],
): Promise<PathCandidate[]> {
  const out: PathCandidate[] = [];
  const taken = new Set<string>();
  let frontier = start;
  for (let round = 0; round < MAX_ROUNDS && frontier.length > 0; round++) {
    const wanted = await issuerNames(frontier);
    const hits = rows.filter((r) => !taken.has(r.key) && r.latest && wanted.has(r.latest.subject));
    if (hits.length === 0) break;
    for (const r of hits) taken.add(r.key);
    const versions = await ctx.store.read(async (tx) => {
      const all = [];
      for (const r of hits) all.push(...(await tx.versionsOf(r.key)));
      return all;
    });
    frontier = versions.flatMap((v) => [v.cer, ...v.chain]);
    out.push(...frontier.map((der) => ({ der, source: 'vault' as const })));
  }
  return out;
}

export async function getCertificateChain(
  ctx: VaultContext,
  name: string,
  options: GetCertificateChainOptions = {},
): Promise<CertificateChain> {
  const key = certificateKey(name);
  const { version, others, anchors } = await ctx.store.read(async (tx) => {
    const cert = await requireCertificate(tx, key, name);
    return {
      version: await requireVersion(tx, cert, options.version),
      others: (await tx.getAll('certificates')).filter((r) => r.key !== key),
      anchors: await tx.getAll('trustAnchors'),
    };
  });
  const own: PathCandidate[] = version.chain.map((der) => ({ der, source: 'version' }));
  const fromVault = await vaultCandidates(ctx, others, [version.cer, ...version.chain]);
  const result = await validateChain({
    leaf: version.cer,
    candidates: [...own, ...fromVault],
    anchors: anchors.map((a) => a.cer),
    now: ctx.now(),
  });
  return {
    status: result.status,
    path: result.path.map((c) => ({
      subject: c.subject,
      issuer: c.issuer,
      sha256: c.sha256,
      source: c.source,
      cer: new Uint8Array(c.der),
      notBefore: c.notBefore,
      expiresOn: c.notAfter,
    })),
    problems: result.problems.map((p) => ({ code: p.code, message: problemMessage(result.path, p), sha256: p.sha256 })),
  };
}
