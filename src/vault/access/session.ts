/**
 * The in-memory access state of one open vault (ARCHITECTURE §8 "Access"): who unlocked it, with
 * which permissions, the master key, the sealing private key, and the private keys already
 * unsealed for an algorithm. Nothing here is ever stored; `lockSession` drops all of it, and a
 * vault opened elsewhere (another tab, the service worker) starts locked.
 */
import type { Permissions } from '../access-types';

/** What an unlock establishes, until lock() or close(). */
export interface UnlockedState {
  /** the protection header's id this state was unlocked under (a re-protected vault has another) */
  headerId: string;
  /** the principal as first written, and its lowercase store key */
  principal: string;
  principalKey: string;
  owner: boolean;
  permissions: Permissions;
  /** the vault master key: AES-256-GCM, extractable (new slots wrap it), only ever in memory */
  masterKey: CryptoKey;
  /** HMAC-SHA-256 key derived from the master key: the MAC of access rows */
  macKey: CryptoKey;
  /** ECDH private half of the vault's sealing key pair (opens keys sealed while locked) */
  sealingKey: CryptoKey;
  /** the principal's row as last found intact (access-mac.ts), so an unchanged row is not re-checked */
  verified?: string;
}

/** The access state one open vault holds in memory. */
export interface AccessSession {
  unlocked?: UnlockedState;
  /** "<key id>|<algorithm>|<usage>" → the private key imported non-extractable for exactly that */
  readonly keys: Map<string, Promise<CryptoKey>>;
  /** unlock attempts of this instance run one after the other (the throttle counts each) */
  unlocking: Promise<unknown>;
}

/** A locked session with an empty key cache (every open vault starts so). */
export function createAccessSession(): AccessSession {
  return { keys: new Map(), unlocking: Promise.resolve() };
}

/** Forgets the unlock and every unsealed key. */
export function lockSession(session: AccessSession): void {
  session.unlocked = undefined;
  session.keys.clear();
}
