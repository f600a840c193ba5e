import { createStore } from 'zustand/vanilla';
import type { CertificateVault } from './vault-api';

/**
 * The UI's only door to the vault. The vault module (and pkijs with it) is fetched with a
 * dynamic import the first time a screen needs it, so the shell's first load stays small.
 */

const STORAGE_KEY = 'certkeep.vault';
const DEFAULT_VAULT = 'default';

type VaultModule = typeof import('../../vault');

export interface VaultSession {
  /** The vault the screens show; remembered in localStorage. */
  name: string;
  /** Vault names known to this browser (IndexedDB databases), loaded on demand. */
  names: string[];
  /** Bumped after every change, so screens that show vault data reload. */
  revision: number;
}

/** localStorage, absent outside a browser (unit tests in Node import this module). */
function storage(): Storage | undefined {
  return (globalThis as { localStorage?: Storage }).localStorage;
}

function rememberedName(): string {
  try {
    return storage()?.getItem(STORAGE_KEY) || DEFAULT_VAULT;
  } catch {
    // Storage can be blocked (privacy settings); the default vault still works.
    return DEFAULT_VAULT;
  }
}

export const vaultStore = createStore<VaultSession>(() => ({ name: rememberedName(), names: [], revision: 0 }));

let modulePromise: Promise<VaultModule> | undefined;
let loadedModule: VaultModule | undefined;
let opened: { name: string; vault: Promise<CertificateVault> } | undefined;

/** The vault module if it has loaded already (any screen showing vault data has loaded it). */
export function loadedVaultModule(): VaultModule | undefined {
  return loadedModule;
}

/** Loads the vault code on demand (one network fetch, then cached by the service worker). */
export function loadVaultModule(): Promise<VaultModule> {
  modulePromise ??= import('../../vault')
    .then((m) => {
      loadedModule = m;
      refreshOnChangesElsewhere(m);
      return m;
    })
    .catch((e: unknown) => {
      modulePromise = undefined;
      throw e;
    });
  return modulePromise;
}

/** The open vault for the current name; opened once and reused. */
export function getVault(): Promise<CertificateVault> {
  const name = vaultStore.getState().name;
  if (opened?.name !== name) {
    const vault = loadVaultModule().then((m) => m.openVault({ name }));
    opened = { name, vault };
    vault.catch(() => {
      if (opened?.vault === vault) opened = undefined;
    });
  }
  return opened.vault;
}

/** Switches the app to another vault (created on first open) and remembers the choice. */
export async function switchVault(name: string): Promise<void> {
  const previous = opened;
  opened = undefined;
  try {
    storage()?.setItem(STORAGE_KEY, name);
  } catch {
    /* not remembered across reloads; still switched for this session */
  }
  vaultStore.setState((s) => ({ name, revision: s.revision + 1 }));
  if (previous) void previous.vault.then((v) => v.close()).catch(() => undefined);
  await getVault();
  await refreshVaultNames();
}

/** Reads the list of vaults in this browser into the store. */
export async function refreshVaultNames(): Promise<string[]> {
  const m = await loadVaultModule();
  const names = await m.listVaults();
  const current = vaultStore.getState().name;
  const all = names.includes(current) ? names : [...names, current];
  all.sort((a, b) => a.localeCompare(b));
  vaultStore.setState({ names: all });
  return all;
}

/** Bursts of changes from elsewhere (a restore, a bulk write) become one refresh. */
const REFRESH_DELAY_MS = 30;

/**
 * Refreshes every screen when another tab, window or the service worker commits a change to the
 * vault shown here (ARCHITECTURE §9 "Two tabs"), and follows the vault switcher. Starts with the
 * vault module: a screen that shows vault data has loaded it, and before that nothing is shown.
 * The short delay also lets the open vault drop its unlock on a lock() from elsewhere first.
 */
function refreshOnChangesElsewhere(m: VaultModule): void {
  let watched: string | undefined;
  let stop: (() => void) | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const follow = (name: string) => {
    if (name === watched) return;
    stop?.();
    watched = name;
    stop = m.watchVaultChanges(name, () => {
      clearTimeout(timer);
      timer = setTimeout(vaultChanged, REFRESH_DELAY_MS);
    });
  };
  follow(vaultStore.getState().name);
  vaultStore.subscribe((s) => {
    follow(s.name);
  });
}

/** Tells every screen that vault data changed. */
export function vaultChanged(): void {
  vaultStore.setState((s) => ({ revision: s.revision + 1 }));
}

/** Drains an async iterable (the vault lists return them, like the SDK's pagers). */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/**
 * Checks a policy with the vault's own validation (loaded on demand), so the form shows
 * the vault's words as the user types. Returns the error, or undefined when it passes.
 */
export async function checkPolicy(
  policy: import('./vault-api').CertificatePolicy,
  knownIssuers?: string[],
  localIssuers?: string[],
): Promise<unknown> {
  const m = await loadVaultModule();
  try {
    m.validatePolicy(m.defaultPolicy(policy, { localIssuers }), { knownIssuers, localIssuers });
    return undefined;
  } catch (e) {
    return e;
  }
}

/** Parsed fields of a DER certificate, through the vault (ui/ never imports pki). */
export async function describeCertificate(der: Uint8Array) {
  return (await loadVaultModule()).describeCertificate(der);
}

/** The import inspector and P7B writer: part of the vault module, through the same lazy load. */
export function loadImportTools(): Promise<Pick<VaultModule, 'inspectImport' | 'certificatesToP7b'>> {
  return loadVaultModule();
}

/** What a PKCS#10 request (DER or PEM) asks for and whether its signature verifies, through the vault. */
export async function describeCsr(bytes: Uint8Array) {
  return (await loadVaultModule()).describeCsr(bytes);
}
