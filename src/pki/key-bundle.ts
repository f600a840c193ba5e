import type { Bytes } from './types';
export interface KeyBundle { format: 'pkcs12' | 'pem'; pkcs8?: Bytes; certificates: Bytes[]; needsPassword: boolean }
/**
 * What an import file holds: PFX (password may be empty) or PEM with key + certificates.
 * Key as PKCS#8 whatever the input (PKCS#1/SEC1/encrypted PKCS#8 converted). Throws
 * PkiError('invalid-password') when a password is needed and wrong or missing.
 */
export function readKeyBundle(bytes: Uint8Array, password?: string): Promise<KeyBundle> { throw new Error('todo'); }
