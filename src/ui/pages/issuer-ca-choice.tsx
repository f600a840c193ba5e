import { FieldError } from '../components/error-banner';
import type { CaCandidate } from '../state/use-ca-certificates';

/**
 * A Local issuer's CA: a certificate of this vault, CAs first. The vault checks the choice (a
 * CA, valid now, its key here) and says why it refuses one.
 */
export function CaChoice(props: {
  value: string;
  candidates: CaCandidate[];
  onChange: (name: string) => void;
  disabled?: boolean;
  error?: string;
}) {
  const cas = props.candidates.filter((c) => c.ca);
  const others = props.candidates.filter((c) => !c.ca);
  const describedBy = props.error ? 'issuer-ca-error' : 'issuer-ca-hint';
  return (
    <div class="field">
      <label for="issuer-ca">CA certificate</label>
      <select
        id="issuer-ca"
        value={props.value}
        disabled={props.disabled}
        aria-describedby={describedBy}
        aria-invalid={props.error ? 'true' : undefined}
        onChange={(e) => props.onChange(e.currentTarget.value)}
      >
        <option value="">Choose a certificate…</option>
        {cas.length > 0 && (
          <optgroup label="CA certificates">
            {cas.map((c) => (
              <option key={c.name} value={c.name}>
                {c.name}
                {c.subject ? ` (${c.subject})` : ''}
              </option>
            ))}
          </optgroup>
        )}
        {others.length > 0 && (
          <optgroup label="Other certificates">
            {others.map((c) => (
              <option key={c.name} value={c.name}>
                {c.name}
              </option>
            ))}
          </optgroup>
        )}
      </select>
      <p id="issuer-ca-hint" class="hint">
        {cas.length === 0
          ? 'No CA certificate yet: create one with the CA switch on (issuer Self makes a root), or import one.'
          : 'Certificates created with this issuer are signed by this CA at once, and renew automatically.'}
      </p>
      <FieldError id="issuer-ca-error" message={props.error} />
    </div>
  );
}
