/**
 * A rough strength hint for a new passphrase. It is what stands between a copy of the browser
 * profile and the keys (ARCHITECTURE §8 "Access", threat model): each guess costs PBKDF2 with
 * 600 000 iterations, which a GPU still does quickly, so length is what counts. The estimate is
 * the character pool to the power of the length, with repeats and runs counted once; it only
 * steers the wording, the vault enforces the minimum length.
 */

type Strength = 'too-short' | 'weak' | 'fair' | 'strong';

export interface StrengthHint {
  strength: Strength;
  /** about how many bits of guessing it takes, rounded */
  bits: number;
  words: string;
}

function poolSize(p: string): number {
  let pool = 0;
  if (/[a-z]/.test(p)) pool += 26;
  if (/[A-Z]/.test(p)) pool += 26;
  if (/[0-9]/.test(p)) pool += 10;
  if (/[^a-zA-Z0-9]/.test(p)) pool += 33;
  return Math.max(pool, 1);
}

/** Characters that add guessing work: a repeat of the one before, or the next in a run ("abc", "123"), adds none. */
function effectiveLength(p: string): number {
  let n = 0;
  let before: number | undefined;
  for (const c of p) {
    const code = c.codePointAt(0) ?? 0;
    if (before === undefined || Math.abs(code - before) > 1) n++;
    before = code;
  }
  return n;
}

export function passphraseStrength(passphrase: string, minLength: number): StrengthHint {
  // Counted as the vault counts (UTF-16 units after NFC), so the hint and the vault agree.
  const length = passphrase.normalize('NFC').length;
  const bits = Math.round(effectiveLength(passphrase) * Math.log2(poolSize(passphrase)));
  if (length < minLength) {
    return { strength: 'too-short', bits, words: `Too short: at least ${minLength} characters.` };
  }
  if (bits < 50) {
    return { strength: 'weak', bits, words: 'Weak: a copy of the profile could be guessed. Add words.' };
  }
  if (bits < 75) {
    return { strength: 'fair', bits, words: 'Fair. Four or more unrelated words make it strong.' };
  }
  return { strength: 'strong', bits, words: 'Strong.' };
}
