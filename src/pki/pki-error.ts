/**
 * The one error pki/ throws. Codes are coarse on purpose: vault/ maps each to a VaultError
 * code and writes the words a person reads; pki/ messages stay short and lowercase.
 */
export type PkiErrorCode =
  /** bytes that are not what they claim (bad DER/PEM/base64, truncated, wrong structure) */
  | 'malformed'
  /** a password that does not open the file (MAC mismatch, decryption padding error) */
  | 'invalid-password'
  /** well-formed, but an algorithm or feature we do not do (the message names the OID) */
  | 'unsupported'
  /** a subject / X.500 name that does not parse */
  | 'bad-name'
  /** an argument out of range (key size, curve, validity, SAN syntax) */
  | 'bad-input'
  /** the caller's AbortSignal stopped the work (pki/work.ts) */
  | 'cancelled';

export class PkiError extends Error {
  override readonly name = 'PkiError';
  constructor(
    readonly code: PkiErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isPkiError(e: unknown): e is PkiError {
  return e instanceof Error && e.name === 'PkiError' && 'code' in e;
}
