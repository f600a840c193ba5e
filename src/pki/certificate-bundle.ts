import type { Bytes } from './types';
/** Certificates (DER) from DER, PEM (one or many, any text around), P7B PEM or DER. */
export function readCertificates(bytes: Uint8Array): Bytes[] { throw new Error('todo'); }
