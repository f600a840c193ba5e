import { ErrorBanner } from './error-banner';
import { isVaultError } from '../../vault/light-entry';

/**
 * The problems of a refused Key Vault policy JSON, one list item each with its JSON path. The
 * vault words them as lines after a count (policyFromKeyVaultJson, policyToKeyVaultJson); any
 * other error goes to the usual banner.
 */
export function PolicyJsonProblems({ id, error }: { id: string; error: unknown }) {
  if (error === undefined) return null;
  const lines = isVaultError(error) ? error.message.split('\n') : [];
  const [head, ...problems] = lines;
  if (problems.length === 0)
    return (
      <div id={id}>
        <ErrorBanner error={error} />
      </div>
    );
  return (
    <div id={id} class="error-banner" role="alert" data-testid="policy-json-problems">
      <div>
        <strong>{head}</strong>
        <ul>
          {problems.map((p) => (
            <li key={p} class="mono-wrap">
              {p}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
