import { subjectForDisplay, useSubjectFormat } from '../state/use-subject-format';

/**
 * A distinguished name as `openssl x509 -noout -subject` prints it (`CN = a, O = "b,c"`): one
 * notation on every screen, the one the admin meets again in a terminal. Rendered as text,
 * since names may hold any characters.
 */
export function SubjectText({ subject, empty }: { subject: string; empty?: string }) {
  return <>{subjectForDisplay(subject, useSubjectFormat(), empty)}</>;
}
