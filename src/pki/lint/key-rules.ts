/**
 * Subscriber and CA keys (BR 6.1.5, 6.1.6; Mozilla Root Store Policy 5.1): RSA of at least
 * 2048 bits whose modulus is a whole number of bytes and odd, an odd public exponent of at
 * least 3, and EC only on P-256, P-384 or P-521.
 */
import { PUBLIC_TLS, finding } from './finding';
import type { LintFinding, LintRule } from './types';

const ALLOWED_CURVES = new Set(['P-256', 'P-384', 'P-521']);

export const keyRules: LintRule = (target) => {
  const key = target.key;
  const out: LintFinding[] = [];
  if (!key) return out;
  const field = key.kind === 'EC' ? 'keyCurveName' : 'keySize';
  if (key.kind === 'RSA') {
    if (key.modulusBits < 2048) {
      out.push(
        finding(target, {
          id: 'e_rsa_mod_less_than_2048_bits',
          severity: 'error',
          message: `The RSA key has ${key.modulusBits} bits: use at least 2048 (3072 or 4096 for keys that must last beyond 2030).`,
          reference: 'BR 6.1.5',
          field,
        }),
      );
    }
    if (key.modulusBits % 8 !== 0) {
      out.push(
        finding(target, {
          id: 'e_mp_modulus_must_be_divisible_by_8',
          severity: 'error',
          message: `${PUBLIC_TLS}, the RSA modulus must be a multiple of 8 bits; this one has ${key.modulusBits}. Make a new key of 2048, 3072 or 4096 bits.`,
          reference: 'Mozilla Root Store Policy 5.1',
          field,
          publicOnly: true,
        }),
      );
    }
    if (!key.modulusOdd) {
      out.push(
        finding(target, {
          id: 'w_rsa_mod_not_odd',
          severity: 'warning',
          message: 'The RSA modulus is even, so it is not a product of two large primes: make a new key.',
          reference: 'BR 6.1.6',
          field,
        }),
      );
    }
    if (key.exponent % 2n === 0n) {
      out.push(
        finding(target, {
          id: 'e_rsa_public_exponent_not_odd',
          severity: 'error',
          message: `The RSA public exponent ${key.exponent} is even: make a new key with exponent 65537.`,
          reference: 'BR 6.1.6',
          field,
        }),
      );
    }
    if (key.exponent < 3n) {
      out.push(
        finding(target, {
          id: 'e_rsa_public_exponent_too_small',
          severity: 'error',
          message: `The RSA public exponent ${key.exponent} is below 3: make a new key with exponent 65537.`,
          reference: 'BR 6.1.6',
          field,
        }),
      );
    }
  } else if (key.kind === 'EC') {
    if (!ALLOWED_CURVES.has(key.curve)) {
      out.push(
        finding(target, {
          id: 'e_ec_improper_curves',
          severity: 'error',
          message: `${PUBLIC_TLS}, an EC key must be on P-256, P-384 or P-521, not ${key.curve}.`,
          reference: 'BR 6.1.5',
          field,
          publicOnly: true,
        }),
      );
    }
  } else {
    out.push(
      finding(target, {
        id: 'e_key_algorithm_not_allowed',
        severity: 'error',
        message: `${PUBLIC_TLS}, the key must be RSA or ECDSA, not ${key.name}.`,
        reference: 'BR 6.1.5',
        field: 'keyType',
        publicOnly: true,
      }),
    );
  }
  return out;
};
