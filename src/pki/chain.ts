import type { Bytes } from './types';
/** Leaf first up to the root (issuer/subject and AKI/SKI); as given when preserveOrder. Cycles end. */
export function orderChain(certificates: Uint8Array[], options?: { preserveOrder?: boolean; leafSpki?: Uint8Array }): Promise<Bytes[]> { throw new Error('todo'); }
/** The certificate whose public key equals `publicKey`, if any. */
export function findLeafForKey(certificates: Uint8Array[], publicKey: CryptoKey): Promise<Bytes | undefined> { throw new Error('todo'); }
