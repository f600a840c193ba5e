/** Tags as key/value rows; empty keys are dropped when saved. */
export type TagRow = { key: string; value: string };

export function tagsToRows(tags?: Record<string, string>): TagRow[] {
  return Object.entries(tags ?? {}).map(([key, value]) => ({ key, value }));
}

export function rowsToTags(rows: TagRow[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of rows) if (r.key.trim()) out[r.key.trim()] = r.value;
  return out;
}

export function TagsEditor({
  rows,
  onChange,
  disabled,
  legend = 'Tags',
}: {
  rows: TagRow[];
  onChange: (rows: TagRow[]) => void;
  disabled?: boolean;
  legend?: string;
}) {
  const set = (i: number, patch: Partial<TagRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <fieldset class="rows-editor">
      <legend>{legend}</legend>
      {rows.length === 0 && <p class="hint">No tags.</p>}
      {rows.map((row, i) => (
        <div class="row" key={i}>
          <label class="grow">
            <span class="visually-hidden">Tag {i + 1} key</span>
            <input
              type="text"
              placeholder="key"
              value={row.key}
              disabled={disabled}
              onInput={(e) => set(i, { key: e.currentTarget.value })}
            />
          </label>
          <label class="grow">
            <span class="visually-hidden">Tag {i + 1} value</span>
            <input
              type="text"
              placeholder="value"
              value={row.value}
              disabled={disabled}
              onInput={(e) => set(i, { value: e.currentTarget.value })}
            />
          </label>
          <button
            type="button"
            disabled={disabled}
            onClick={() => onChange(rows.filter((_, j) => j !== i))}
            aria-label={`Remove tag ${i + 1}`}
          >
            Remove
          </button>
        </div>
      ))}
      <button type="button" disabled={disabled} onClick={() => onChange([...rows, { key: '', value: '' }])}>
        Add a tag
      </button>
    </fieldset>
  );
}
