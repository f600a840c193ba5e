import { useSubjectFormat } from '../state/use-subject-format';
import { FieldError } from './error-banner';

/**
 * The policy's subject, with what the written order means and a live preview of the name as
 * `openssl x509 -noout -subject` will print it from the certificate (ARCHITECTURE §5). The
 * preview is part of the field's description rather than a live region: announcing it on
 * every keystroke would drown what the user types.
 */
export function SubjectField(props: {
  id: string;
  value: string;
  onChange: (subject: string) => void;
  error?: string;
  disabled?: boolean;
}) {
  const { id, value, error } = props;
  const format = useSubjectFormat();
  // An unreadable name gets no preview: the field's error (from the vault's check) says why.
  const preview = value.trim() ? format?.(value) : undefined;
  const describedBy = [error ? `${id}-error` : '', `${id}-hint`, preview ? `${id}-preview` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div class="field">
      <label for={id}>Subject</label>
      <input
        id={id}
        type="text"
        value={value}
        placeholder="CN=www.contoso.com, O=Contoso"
        spellcheck={false}
        autocomplete="off"
        disabled={props.disabled}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy}
        onInput={(e) => props.onChange(e.currentTarget.value)}
      />
      <p id={`${id}-hint`} class="hint">
        Written as in RFC 4514; quotes keep a comma in a value (OU="Docs,Contoso"). Encoded in the order written: the
        first attribute is the first in the certificate, as Key Vault does. RFC 4514 tools print names the other way
        round, so a name copied from one comes out reversed.
      </p>
      {preview && (
        <p id={`${id}-preview`} class="subject-preview">
          openssl prints it as: <code data-testid="subject-preview">{preview}</code>
        </p>
      )}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}
