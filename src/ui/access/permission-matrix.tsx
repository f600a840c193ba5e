import type { Permissions } from '../state/vault-api';
import { PERMISSION_GROUPS, holds, matchingTemplate, withPermission } from './permission-groups';

/**
 * The permission matrix: one fieldset per portal group, one checkbox per permission, and a
 * template picker that fills them. `templates` comes from the vault module (PERMISSION_TEMPLATES),
 * so the names live in one place. Read-only when `disabled` (an owner's permissions are all).
 */
export function PermissionMatrix(props: {
  idPrefix: string;
  value: Permissions;
  onChange: (p: Permissions) => void;
  templates: Readonly<Record<string, Permissions>>;
  disabled?: boolean;
}) {
  const current = matchingTemplate(props.value, props.templates) ?? '';
  return (
    <div class="permission-matrix">
      <div class="field">
        <label for={`${props.idPrefix}-template`}>Template</label>
        <select
          id={`${props.idPrefix}-template`}
          value={current}
          disabled={props.disabled}
          onChange={(e) => {
            const t = props.templates[e.currentTarget.value] as Permissions | undefined;
            if (t) props.onChange({ certificates: [...t.certificates], keys: [...t.keys], secrets: [...t.secrets] });
          }}
        >
          <option value="">Custom</option>
          {Object.keys(props.templates).map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </div>
      <div class="matrix-groups">
        {PERMISSION_GROUPS.map((g) => (
          <fieldset key={g.id} data-testid={`group-${g.id}`}>
            <legend>{g.title}</legend>
            {g.items.map((item) => {
              const id = `${props.idPrefix}-${item.kind}-${item.name}`;
              return (
                <div class="check" key={id}>
                  <input
                    id={id}
                    type="checkbox"
                    checked={holds(props.value, item)}
                    disabled={props.disabled}
                    onChange={(e) => props.onChange(withPermission(props.value, item, e.currentTarget.checked))}
                  />
                  <label for={id}>
                    {item.label} <span class="mono hint">{`${item.kind}/${item.name}`}</span>
                  </label>
                </div>
              );
            })}
          </fieldset>
        ))}
      </div>
    </div>
  );
}
