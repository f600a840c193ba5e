import type { Bytes } from './types';
/** One RDN attribute; `type` is the short name (CN, OU, O, L, ST, C, E, DC, …) or a dotted OID. */
export interface NameAttribute { type: string; oid: string; value: string }
/** RFC 4514 with quoting/escapes and the aliases S=ST, E=emailAddress; order kept as written. Throws PkiError('bad-name'). */
export function parseX500Name(text: string): NameAttribute[] { throw new Error('todo'); }
export function formatX500Name(attributes: NameAttribute[]): string { throw new Error('todo'); }
