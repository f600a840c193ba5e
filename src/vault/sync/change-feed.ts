/**
 * The store with a "what changed" note for every committed write (ARCHITECTURE §9 "Two tabs"):
 * each put and delete inside `write()` is mapped to a VaultChange (which kind, which name, never
 * the value), and once the transaction has committed the changes go to `publish`, which posts
 * them to the vault's other tabs. A write that throws is aborted and announces nothing.
 */
import { PROTECTION_META, THROTTLE_META } from '../access/access-store';
import type { StoreName, StoreTx, VaultStore } from '../vault-store';
import type { VaultChange, VaultChangeKind } from './change-message';

/** Per store: the kind of change a write to it is. Stores absent here change nothing a screen shows. */
const KIND_OF: { readonly [S in StoreName]?: VaultChangeKind } = {
  certificates: 'certificate',
  versions: 'certificate',
  operations: 'certificate',
  keys: 'certificate',
  deleted: 'deleted',
  issuers: 'issuer',
  contacts: 'contacts',
  access: 'access',
  audit: 'access',
  issued: 'ca',
  caStates: 'ca',
};

/** meta rows screens show: the protection header (a vault protected or not) and the unlock throttle. */
const ACCESS_META = new Set([PROTECTION_META, THROTTLE_META]);

/** The lowercase certificate / issuer / CA name a row or key is about, when it names one. */
function nameOf(store: StoreName, keyOrRow: unknown): string | undefined {
  if (Array.isArray(keyOrRow)) return typeof keyOrRow[0] === 'string' ? keyOrRow[0] : undefined; // versions, issued keys
  if (typeof keyOrRow === 'string') return store === 'keys' ? undefined : keyOrRow; // a key row's id names no certificate
  if (typeof keyOrRow !== 'object' || keyOrRow === null) return undefined;
  const row = keyOrRow as { key?: unknown; certificateKey?: unknown; caKey?: unknown };
  const name = row.certificateKey ?? row.caKey ?? row.key;
  return typeof name === 'string' ? name : undefined;
}

function changeOf(store: StoreName, keyOrRow: unknown): VaultChange | undefined {
  if (store === 'meta') {
    const key = typeof keyOrRow === 'string' ? keyOrRow : (keyOrRow as { key?: unknown }).key;
    return typeof key === 'string' && ACCESS_META.has(key) ? { kind: 'access' } : undefined;
  }
  const kind = KIND_OF[store];
  if (!kind) return undefined;
  if (kind === 'contacts' || kind === 'access') return { kind };
  const name = nameOf(store, keyOrRow);
  return name === undefined ? { kind } : { kind, name: name.toLowerCase() };
}

/** `store` announcing each committed write's changes to `publish`. */
export function withChangeFeed(store: VaultStore, publish: (changes: VaultChange[]) => void): VaultStore {
  return {
    name: store.name,
    read: (fn) => store.read(fn),
    write: async (fn) => {
      const changes = new Map<string, VaultChange>();
      const note = (store: StoreName, keyOrRow: unknown) => {
        const c = changeOf(store, keyOrRow);
        if (c) changes.set(`${c.kind}/${c.name ?? ''}`, c);
      };
      const result = await store.write((tx) => fn(noting(tx, note)));
      if (changes.size > 0) publish([...changes.values()]);
      return result;
    },
    close: () => store.close(),
  };
}

/** `tx` telling `note` about every put and delete; every other member is tx's own. */
function noting(tx: StoreTx, note: (store: StoreName, keyOrRow: unknown) => void): StoreTx {
  const put: StoreTx['put'] = async (name, value) => {
    await tx.put(name, value);
    note(name, value);
  };
  const del: StoreTx['delete'] = async (name, key) => {
    await tx.delete(name, key);
    note(name, key);
  };
  return new Proxy(tx, {
    get(target, property): unknown {
      if (property === 'put') return put;
      if (property === 'delete') return del;
      const member: unknown = Reflect.get(target, property);
      return typeof member === 'function' ? member.bind(target) : member;
    },
  });
}
