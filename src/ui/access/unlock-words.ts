import { explainError, type ErrorWords } from '../errors';

/**
 * What a failed unlock says. errors.ts words a VaultError for any screen ("Wrong password …
 * the file is kept" fits an import); at the lock screen the same codes mean a wrong
 * credential, a throttled try or an unknown principal, so the title and hint say that.
 */
export function unlockErrorWords(e: unknown, method: 'passphrase' | 'passkey'): ErrorWords {
  const words = explainError(e);
  switch (words.code) {
    case 'InvalidPassword':
      return {
        ...words,
        title: method === 'passphrase' ? 'Wrong passphrase' : 'Wrong passkey',
        hint: 'Check the principal and try again. After 10 failed tries in a row, each further try waits longer.',
      };
    case 'Locked':
      return {
        ...words,
        title: 'Too many failed tries',
        hint: 'Wait until the time is up, then try again with the right credential.',
      };
    case 'NotFound':
      return { ...words, title: 'Unknown principal', hint: "Type a principal this vault's owner added." };
    default:
      return words;
  }
}

/** "try again in 8 s" from the throttle's instant; undefined once it has passed. */
export function secondsUntil(instant: Date | undefined, nowMs: number): number | undefined {
  if (!instant) return undefined;
  const s = Math.ceil((instant.getTime() - nowMs) / 1000);
  return s > 0 ? s : undefined;
}
