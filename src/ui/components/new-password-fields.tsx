import { FieldError } from './error-banner';

/**
 * A new password typed twice: `id` and `${id}-again` name the two inputs; while they differ,
 * the second is marked invalid and described by the `mismatch` words under it (`mismatchId`).
 */
export function NewPasswordFields(props: {
  id: string;
  label: string;
  againLabel: string;
  mismatchId: string;
  password: string;
  again: string;
  mismatch: string | undefined;
  onPassword: (value: string) => void;
  onAgain: (value: string) => void;
}) {
  const { id, mismatch, mismatchId } = props;
  return (
    <div class="grid-fields">
      <div class="field">
        <label for={id}>{props.label}</label>
        <input
          id={id}
          type="password"
          autocomplete="new-password"
          value={props.password}
          onInput={(e) => props.onPassword(e.currentTarget.value)}
        />
      </div>
      <div class="field">
        <label for={`${id}-again`}>{props.againLabel}</label>
        <input
          id={`${id}-again`}
          type="password"
          autocomplete="new-password"
          value={props.again}
          aria-invalid={mismatch ? 'true' : undefined}
          aria-describedby={mismatch ? mismatchId : undefined}
          onInput={(e) => props.onAgain(e.currentTarget.value)}
        />
        <FieldError id={mismatchId} message={mismatch} />
      </div>
    </div>
  );
}
