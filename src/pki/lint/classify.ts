/**
 * What kind of certificate a target is, which decides the rules that apply: a CA (cA TRUE with
 * keyCertSign or no keyUsage, RFC 5280 §4.2.1.3) gets the key, signature and name rules; a
 * subscriber certificate a TLS server can use (EKU serverAuth, anyExtendedKeyUsage, or none,
 * which means any purpose) gets the BR subscriber profile as well.
 */
import { EKU } from '../asn1/oids';
import type { LintTarget } from './types';

export function isCaTarget(t: LintTarget): boolean {
  return t.claimsCa && (t.keyUsage === undefined || t.keyUsage.includes('keyCertSign'));
}

export function isTlsServerTarget(t: LintTarget): boolean {
  if (isCaTarget(t)) return false;
  const eku = t.enhancedKeyUsage;
  return eku === undefined || eku.includes(EKU.serverAuth) || eku.includes('2.5.29.37.0');
}
