import { createStore } from 'zustand/vanilla';
import { collect, getVault } from './vault-client';
import { commonName, statusOf } from './cert-status';

/** One line of the Certificates table: ids and metadata only, no DER, no keys. */
export interface CertificateRow {
  name: string;
  version?: string;
  enabled: boolean;
  notBefore?: Date;
  expiresOn?: Date;
  subject?: string;
  cn: string;
  /** From the policy: "Self", "Unknown" or an issuer's name (listed with the properties). */
  issuerName?: string;
  /** e.g. "RSA 2048", "EC P-256": the properties' keyDescription. */
  keyType?: string;
  pending: boolean;
  tags: Record<string, string>;
  /** lint errors of the version when it was stored (metadata: no certificate is parsed to filter) */
  lintErrors?: number;
}

export type SortKey = 'name' | 'cn' | 'issuer' | 'status' | 'expiresOn' | 'keyType';

export interface CertificatesState {
  rows: CertificateRow[];
  loaded: boolean;
  error?: unknown;
  query: string;
  /** show only certificates whose current version has lint errors */
  lintErrorsOnly?: boolean;
  sort: { key: SortKey; dir: 'asc' | 'desc' };
}

export const certificatesStore = createStore<CertificatesState>(() => ({
  rows: [],
  loaded: false,
  query: '',
  sort: { key: 'expiresOn', dir: 'asc' },
}));

/** Performance marks around the list render (bench: 1 000 certificates < 100 ms). */
export const LIST_RENDER_START = 'certkeep:certificates-start';
export const LIST_RENDER_MEASURE = 'certkeep:certificates-render';

let generation = 0;

/** Reads every certificate's properties, issuer and key included (one store read in the vault). */
export async function loadCertificates(): Promise<void> {
  const mine = ++generation;
  try {
    const vault = await getVault();
    const props = await collect(vault.listPropertiesOfCertificates({ includePending: true }));
    if (mine !== generation) return;
    const rows: CertificateRow[] = props.map((p) => ({
      name: p.name,
      version: p.version,
      enabled: p.enabled,
      notBefore: p.notBefore,
      expiresOn: p.expiresOn,
      subject: p.subject,
      cn: commonName(p.subject),
      pending: !!p.pending,
      tags: p.tags,
      issuerName: p.issuerName,
      keyType: p.keyDescription,
      ...(p.lintSummary ? { lintErrors: p.lintSummary.errors } : {}),
    }));
    performance.mark(LIST_RENDER_START);
    certificatesStore.setState({ rows, loaded: true, error: undefined });
  } catch (error) {
    if (mine === generation) certificatesStore.setState({ error, loaded: true });
  }
}

const STATUS_ORDER = { expired: 0, expiring: 1, 'not-yet-valid': 2, pending: 3, disabled: 4, valid: 5 } as const;

/** Filters by the search text (name, CN, subject, issuer, tags) and sorts; pure, for tests. */
export function visibleRows(
  state: Pick<CertificatesState, 'rows' | 'query' | 'sort' | 'lintErrorsOnly'>,
  now: Date,
): CertificateRow[] {
  const q = state.query.trim().toLowerCase();
  const linted = state.lintErrorsOnly ? state.rows.filter((r) => (r.lintErrors ?? 0) > 0) : state.rows;
  const rows = q
    ? linted.filter((r) =>
        [r.name, r.subject ?? '', r.issuerName ?? '', r.keyType ?? '', ...Object.entries(r.tags).flat()].some((t) =>
          t.toLowerCase().includes(q),
        ),
      )
    : linted.slice();
  const { key, dir } = state.sort;
  const sign = dir === 'asc' ? 1 : -1;
  const value = (r: CertificateRow): string | number => {
    switch (key) {
      case 'name':
        return r.name.toLowerCase();
      case 'cn':
        return r.cn.toLowerCase();
      case 'issuer':
        return (r.issuerName ?? '').toLowerCase();
      case 'keyType':
        return r.keyType ?? '';
      case 'status':
        return STATUS_ORDER[statusOf(r, now).kind];
      case 'expiresOn':
        return r.expiresOn?.getTime() ?? Number.MAX_SAFE_INTEGER;
    }
  };
  return rows.sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    return (va < vb ? -1 : va > vb ? 1 : a.name.localeCompare(b.name)) * sign;
  });
}
