import { PkiError } from '../pki-error';

/**
 * Iteration counts are attacker-controlled input: a file claiming 2^31 iterations would hang
 * the tab, so a count above the cap is refused before any work. The caps keep the slowest file
 * a reader accepts (every bag and MAC at the cap, both "no password" and "empty password"
 * tried) within about a second on a 2-core machine (bench/fuzz measures it):
 *
 * - PBKDF2 in WebCrypto (SHA-1/256/384/512): one million. Real files use 1 … 600 000 (OWASP's
 *   PBKDF2-SHA256 advice is the top, and Certkeep writes its PEM keys and backups with it);
 *   a million takes about 0.2 s in Node and Chromium.
 * - Loops that run in JavaScript (the PKCS#12 KDF of RFC 7292 appendix B for MACs and the
 *   legacy PBEs, PBKDF1, PBKDF2 with SHA-224): 200 000. Real files use 1 … 100 000 (openssl
 *   2048, Windows 2000, Java 10 000); a SHA-256 MAC at the cap takes about 0.3 s.
 *
 * Zero is refused too: RFC 8018 and RFC 7292 do not allow it.
 */
export const MAX_ITERATIONS = 1_000_000;
export const MAX_JS_ITERATIONS = 200_000;

export function checkIterations(n: number, what: string, max: number = MAX_ITERATIONS): number {
  if (!Number.isInteger(n) || n < 1) throw new PkiError('malformed', `${what}: iteration count ${n}`);
  if (n > max) throw new PkiError('unsupported', `${what}: iteration count ${n} is above the limit of ${max}`);
  return n;
}
