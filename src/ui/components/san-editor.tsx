import { SAN_TYPES, type PolicyDraft, type SanType } from '../state/policy-draft';

type Rows = PolicyDraft['sans'];

/** Subject alternative names as rows: a type, a value, and a Remove button each. */
export function SanEditor({
  rows,
  onChange,
  disabled,
}: {
  rows: Rows;
  onChange: (rows: Rows) => void;
  disabled?: boolean;
}) {
  const set = (i: number, patch: Partial<Rows[number]>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <fieldset class="rows-editor">
      <legend>Subject alternative names</legend>
      {rows.length === 0 && <p class="hint">None. Browsers need a DNS name for a TLS server.</p>}
      {rows.map((row, i) => (
        <div class="row" key={i}>
          <label>
            <span class="visually-hidden">Type of name {i + 1}</span>
            <select
              value={row.type}
              disabled={disabled}
              onChange={(e) => set(i, { type: e.currentTarget.value as SanType })}
            >
              {SAN_TYPES.map((t) => (
                <option key={t.type} value={t.type}>
                  {t.label}
                </option>
              ))}
            </select>
          </label>
          <label class="grow">
            <span class="visually-hidden">Value of name {i + 1}</span>
            <input
              type="text"
              value={row.value}
              disabled={disabled}
              spellcheck={false}
              onInput={(e) => set(i, { value: e.currentTarget.value })}
            />
          </label>
          <button
            type="button"
            disabled={disabled}
            onClick={() => onChange(rows.filter((_, j) => j !== i))}
            aria-label={`Remove name ${i + 1}`}
          >
            Remove
          </button>
        </div>
      ))}
      <button type="button" disabled={disabled} onClick={() => onChange([...rows, { type: 'dns', value: '' }])}>
        Add a name
      </button>
    </fieldset>
  );
}
