import { PkiError } from '../pki-error';

/**
 * Iteration counts are attacker-controlled input: a file claiming 2^31 iterations would hang
 * the tab. Real files use 1 … 600 000 (OWASP's PBKDF2-SHA256 advice is the top); we refuse
 * more than ten million, and zero, which RFC 8018 and RFC 7292 do not allow.
 */
export const MAX_ITERATIONS = 10_000_000;

export function checkIterations(n: number, what: string): number {
  if (!Number.isInteger(n) || n < 1) throw new PkiError('malformed', `${what}: iteration count ${n}`);
  if (n > MAX_ITERATIONS) throw new PkiError('unsupported', `${what}: iteration count ${n} is too large`);
  return n;
}
