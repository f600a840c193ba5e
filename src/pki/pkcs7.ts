import type { Bytes } from './types';
/** Certificates of a PKCS#7 SignedData (DER, BER indefinite length too). */
export function readPkcs7Certificates(der: Uint8Array): Bytes[] { throw new Error('todo'); }
export function writePkcs7Certificates(certificates: Uint8Array[]): Bytes { throw new Error('todo'); }
