/**
 * What one tab tells the others after a committed write (ARCHITECTURE §9 "Two tabs"): which kind
 * of thing changed and, where there is one, the lowercase name of the certificate, deleted
 * certificate, issuer or CA. Never a value: no policy, no bytes, no key, no password, no
 * principal name. A receiver reads the vault again for anything it shows.
 */

/** The kinds of change a screen may refresh on. */
const VAULT_CHANGE_KINDS = [
  /** a certificate row, one of its versions, its pending operation or its keys */
  'certificate',
  /** the soft-deleted list */
  'deleted',
  'issuer',
  'contacts',
  /** protection, principals, the audit log, the unlock throttle */
  'access',
  /** lock() in another tab: every open vault of that name forgets its unlock */
  'lock',
  /** a local CA's issued-certificates log or CRL state */
  'ca',
] as const;

export type VaultChangeKind = (typeof VAULT_CHANGE_KINDS)[number];

export interface VaultChange {
  kind: VaultChangeKind;
  /** lowercase name of what changed (certificate, issuer, CA certificate); absent for vault-wide kinds */
  name?: string;
}

/** One message on a vault's channel: every change of one committed write. */
export interface VaultChangeMessage {
  type: typeof MESSAGE_TYPE;
  vault: string;
  /** the open vault (one per openVault call) that wrote, so it can skip its own message */
  from: string;
  changes: VaultChange[];
}

const MESSAGE_TYPE = 'certkeep-vault-change';

/** Certificate, issuer and vault names all fit this (names.ts), lowercased. */
const NAME = /^[0-9a-z-]{1,127}$/;

/** The channel of vault `vaultName`: its IndexedDB database name, so one vault's tabs share it. */
export function channelName(vaultName: string): string {
  return `certkeep-vault:${vaultName}`;
}

export function changeMessage(vault: string, from: string, changes: VaultChange[]): VaultChangeMessage {
  return { type: MESSAGE_TYPE, vault, from, changes: changes.map((c) => ({ ...c })) };
}

/**
 * A received message checked field by field (another tab may run another release; anything in
 * the origin may post on the channel): the message, or undefined when it is not one of ours.
 */
export function readChangeMessage(data: unknown): VaultChangeMessage | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const m = data as Record<string, unknown>;
  if (m.type !== MESSAGE_TYPE || typeof m.vault !== 'string' || typeof m.from !== 'string') return undefined;
  if (!Array.isArray(m.changes)) return undefined;
  const changes: VaultChange[] = [];
  for (const c of m.changes as unknown[]) {
    if (typeof c !== 'object' || c === null) return undefined;
    const { kind, name } = c as Record<string, unknown>;
    if (!(VAULT_CHANGE_KINDS as readonly unknown[]).includes(kind)) return undefined;
    if (name !== undefined && (typeof name !== 'string' || !NAME.test(name))) return undefined;
    changes.push(name === undefined ? { kind: kind as VaultChangeKind } : { kind: kind as VaultChangeKind, name });
  }
  return { type: MESSAGE_TYPE, vault: m.vault, from: m.from, changes };
}
