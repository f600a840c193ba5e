/**
 * The store's own check that keys are kept in the form the vault's protection needs
 * (ARCHITECTURE §8 "Access"): inside every write, a key row (also inside a deleted
 * certificate) and an issuer credential are refused unless their form matches whether the
 * protection header is there, read in the same transaction. So a key made in one tab while
 * another tab protected the vault can never land unsealed beside the sealed ones (or sealed
 * under a master key that an unprotect just removed): the write fails as a Conflict and
 * nothing of it is kept. It reads one meta row per transaction and changes nothing else.
 */
import { VaultError } from '../vault-error';
import type { DeletedRecord, IssuerRecord, KeyRecord, StoreTx, VaultStore } from '../vault-store';
import { PROTECTION_META, readHeader } from './access-store';

/** The store with every key and credential write checked against the protection header. */
export function withSealGuard(store: VaultStore): VaultStore {
  return {
    name: store.name,
    read: (fn) => store.read(fn),
    write: (fn) => store.write((tx) => fn(guarded(tx))),
    close: () => store.close(),
  };
}

const conflict = () =>
  new VaultError(
    'Conflict',
    "The vault's protection changed while this was being done (in another window): nothing was stored. Try again.",
  );

function checkKey(k: KeyRecord, isProtected: boolean): void {
  const fits = isProtected
    ? (k.sealed !== undefined && !k.privateKey && !k.publicKey) ||
      (k.deviceBound === true && k.privateKey?.extractable === false && !k.sealed)
    : !k.sealed && !k.deviceBound && k.privateKey !== undefined;
  if (!fits) throw conflict();
}

function checkIssuer(r: IssuerRecord, isProtected: boolean): void {
  if (r.encryptedPassword && (r.encryptedPassword.form === 'mk') !== isProtected) throw conflict();
}

function guarded(tx: StoreTx): StoreTx {
  let known: boolean | undefined;
  const isProtected = async (): Promise<boolean> => {
    known ??= (await readHeader(tx)) !== undefined;
    return known;
  };
  const put: StoreTx['put'] = async (name, value) => {
    if (name === 'meta' && (value as { key: string }).key === PROTECTION_META) known = true;
    else if (name === 'keys') checkKey(value as KeyRecord, await isProtected());
    else if (name === 'deleted') for (const k of (value as DeletedRecord).keys) checkKey(k, await isProtected());
    else if (name === 'issuers') checkIssuer(value as IssuerRecord, await isProtected());
    return tx.put(name, value);
  };
  const del: StoreTx['delete'] = (name, key) => {
    if (name === 'meta' && key === PROTECTION_META) known = false;
    return tx.delete(name, key);
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
