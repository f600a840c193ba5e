import type { Bytes } from './types';
export interface PemBlock { label: string; der: Bytes }
/** Every PEM block in `text` (LF/CRLF, text around blocks); bare base64 gives one block labelled ''. */
export function decodePem(text: string): PemBlock[] { throw new Error('todo'); }
export function encodePem(label: string, der: Uint8Array): string { throw new Error('todo'); }
/** True when the bytes are ASCII text containing a PEM header (DER is sniffed by content). */
export function looksLikePem(bytes: Uint8Array): boolean { throw new Error('todo'); }
