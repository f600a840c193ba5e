import { useVaultModule } from './use-vault-module';

/** Subject text → how openssl prints it; undefined when the text is not an X.500 name. */
export type SubjectFormat = (subject: string) => string | undefined;

/**
 * The vault's subjectAsOpenssl, once the vault module is loaded (at once on any screen that
 * shows vault data; the first render of a fresh Create page may wait for it).
 */
export function useSubjectFormat(): SubjectFormat | undefined {
  return useVaultModule()?.subjectAsOpenssl;
}

/** A subject as shown on every screen: openssl's one-line form, or the text itself until the vault has loaded. */
export function subjectForDisplay(subject: string, format: SubjectFormat | undefined, empty = '(empty)'): string {
  if (!subject) return empty;
  return format?.(subject) ?? subject;
}
