import { createStore } from 'zustand/vanilla';
import { getVault } from './vault-client';
import type { CertificateListView } from './vault-api';

export type SortKey = 'name' | 'cn' | 'issuer' | 'status' | 'expiresOn' | 'keyType';

/**
 * The Certificates screen's state: the vault's list view (search and sort run in the vault's
 * in-memory list index, ARCHITECTURE §8 "Certificate list at scale"), the search text and the
 * sort. Only the rows in view are ever read out of the view.
 */
export interface CertificatesState {
  view?: CertificateListView;
  loaded: boolean;
  error?: unknown;
  query: string;
  /** show only certificates whose current version has lint errors */
  lintErrorsOnly?: boolean;
  sort: { key: SortKey; dir: 'asc' | 'desc' };
}

export const certificatesStore = createStore<CertificatesState>(() => ({
  loaded: false,
  query: '',
  sort: { key: 'expiresOn', dir: 'asc' },
}));

/** Performance marks around the list render (bench: 1 000 certificates < 100 ms). */
export const LIST_RENDER_START = 'certkeep:certificates-start';
export const LIST_RENDER_MEASURE = 'certkeep:certificates-render';

let generation = 0;

/** Asks the vault for the view of the current search and sort; a later call wins over an earlier one still running. */
export async function loadCertificates(): Promise<void> {
  const mine = ++generation;
  const { query, sort, lintErrorsOnly } = certificatesStore.getState();
  try {
    const vault = await getVault();
    const view = await vault.queryCertificates({
      search: query,
      sort: sort.key,
      descending: sort.dir === 'desc',
      lintErrorsOnly,
    });
    if (mine !== generation) return;
    performance.mark(LIST_RENDER_START);
    certificatesStore.setState({ view, loaded: true, error: undefined });
  } catch (error) {
    if (mine === generation) certificatesStore.setState({ error, loaded: true });
  }
}

/** The search box: the text shows at once, the rows follow when the vault answers. */
export function searchCertificates(query: string): Promise<void> {
  certificatesStore.setState({ query });
  return loadCertificates();
}

/** The "Has lint errors" filter: from the lint summary stored with each version, no certificate is parsed. */
export function filterLintErrors(lintErrorsOnly: boolean): Promise<void> {
  certificatesStore.setState({ lintErrorsOnly });
  return loadCertificates();
}

/** A column header: ascending first, then descending. */
export function sortCertificatesBy(key: SortKey): Promise<void> {
  certificatesStore.setState((s) => ({
    sort: { key, dir: s.sort.key === key && s.sort.dir === 'asc' ? 'desc' : 'asc' },
  }));
  return loadCertificates();
}
