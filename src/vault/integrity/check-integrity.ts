/**
 * The vault's structural invariants, checked over every row in one read (ARCHITECTURE §9 "Crash
 * safety"): what a write cut short by a closed or crashed tab would leave behind if a change
 * were ever split over two transactions. Each write is one transaction, so a healthy vault has
 * no problem here at any moment; the kill test runs this after every kill.
 *
 * - no orphan key: every key row is the key of a version or of an operation of its certificate;
 * - no half version: every version has its certificate row, its key when it names one, and the
 *   certificate's `latest` is its newest version;
 * - no stranded certificate: a row without a version has a pending operation (else it is a
 *   create that never finished), and no live row shares its name with a deleted one;
 * - every operation has its certificate and its key.
 */
import type { CertificateRecord, KeyRecord, OperationRecord, VaultStore, VersionRecord } from '../vault-store';

export interface IntegrityProblem {
  kind: 'orphanKey' | 'halfVersion' | 'staleLatest' | 'strandedCertificate' | 'brokenOperation' | 'liveAndDeleted';
  /** the lowercase certificate name (or key id for an orphan key) */
  subject: string;
  detail: string;
}

interface Rows {
  certificates: CertificateRecord[];
  versions: VersionRecord[];
  keys: KeyRecord[];
  operations: OperationRecord[];
  deleted: string[];
}

/** Every problem found, [] for a sound vault. */
export async function checkVaultIntegrity(store: VaultStore): Promise<IntegrityProblem[]> {
  const rows: Rows = await store.read(async (tx) => ({
    certificates: await tx.getAll('certificates'),
    versions: await tx.getAll('versions'),
    keys: await tx.getAll('keys'),
    operations: await tx.getAll('operations'),
    deleted: (await tx.getAll('deleted')).map((d) => d.key),
  }));
  return problemsOf(rows);
}

function problemsOf(rows: Rows): IntegrityProblem[] {
  const problems: IntegrityProblem[] = [];
  const certs = new Map(rows.certificates.map((c) => [c.key, c]));
  const keys = new Map(rows.keys.map((k) => [k.id, k]));
  const ops = new Map(rows.operations.map((o) => [o.key, o]));
  const versionsOf = new Map<string, VersionRecord[]>();
  for (const v of rows.versions) versionsOf.set(v.certificateKey, [...(versionsOf.get(v.certificateKey) ?? []), v]);
  const used = new Set<string>();
  for (const v of rows.versions) if (v.keyId) used.add(v.keyId);
  for (const o of rows.operations) used.add(o.keyId);

  for (const k of rows.keys) {
    if (!used.has(k.id)) {
      problems.push({ kind: 'orphanKey', subject: k.id, detail: `key of "${k.certificateKey}" used by nothing` });
    }
  }
  for (const v of rows.versions) {
    if (!certs.has(v.certificateKey)) {
      problems.push({
        kind: 'halfVersion',
        subject: v.certificateKey,
        detail: `version ${v.version} has no certificate row`,
      });
    }
    if (v.keyId && !keys.has(v.keyId)) {
      problems.push({ kind: 'halfVersion', subject: v.certificateKey, detail: `version ${v.version} lost its key` });
    }
  }
  for (const c of rows.certificates) {
    const versions = versionsOf.get(c.key) ?? [];
    const newest = versions.reduce<VersionRecord | undefined>(
      (a, b) => (!a || b.ordinal > a.ordinal ? b : a),
      undefined,
    );
    if (newest?.version !== c.latest?.version) {
      problems.push({
        kind: 'staleLatest',
        subject: c.key,
        detail: `latest says ${c.latest?.version ?? 'none'}, newest version is ${newest?.version ?? 'none'}`,
      });
    }
    if (versions.length > c.versionCount) {
      problems.push({
        kind: 'staleLatest',
        subject: c.key,
        detail: `${versions.length} versions, count ${c.versionCount}`,
      });
    }
    if (versions.length === 0 && !ops.has(c.key)) {
      problems.push({ kind: 'strandedCertificate', subject: c.key, detail: 'no version and no pending operation' });
    }
    if (rows.deleted.includes(c.key)) {
      problems.push({ kind: 'liveAndDeleted', subject: c.key, detail: 'live and in the deleted list at once' });
    }
  }
  for (const o of rows.operations) {
    if (!certs.has(o.key)) problems.push({ kind: 'brokenOperation', subject: o.key, detail: 'no certificate row' });
    if (!keys.has(o.keyId)) {
      problems.push({ kind: 'brokenOperation', subject: o.key, detail: `${o.status} operation lost its key` });
    }
  }
  return problems;
}
