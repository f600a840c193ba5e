import { useEffect, useRef, useState } from 'preact/hooks';
import { FieldError } from '../components/error-banner';
import { EMPTY_ADMIN, type AdminRow, type IssuerDraft } from '../state/issuer-draft';

/** The providers of Key Vault's integrated-CA docs; "other" lets a name be typed. */
const PROVIDERS = ['DigiCert', 'GlobalSign', 'OneCertV2-PublicCA', 'OneCertV2-PrivateCA'];

const ADMIN_FIELDS: { key: keyof AdminRow; label: string; type: 'text' | 'email' | 'tel'; autocomplete: string }[] = [
  { key: 'firstName', label: 'First name', type: 'text', autocomplete: 'given-name' },
  { key: 'lastName', label: 'Last name', type: 'text', autocomplete: 'family-name' },
  { key: 'email', label: 'Email', type: 'email', autocomplete: 'email' },
  { key: 'phone', label: 'Phone', type: 'tel', autocomplete: 'tel' },
];

/**
 * The issuer's administrator contacts, as many as the CA account has (Key Vault keeps a
 * list). Each is a fieldset, so a screen reader hears "Administrator 2, Email"; a row added
 * from the keyboard takes the focus.
 */
function AdminContacts(props: { rows: AdminRow[]; onChange: (rows: AdminRow[]) => void; disabled?: boolean }) {
  const { rows, onChange, disabled } = props;
  const added = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (added.current === undefined) return;
    document.getElementById(`issuer-admin-${added.current}-firstName`)?.focus();
    added.current = undefined;
  }, [rows.length]);
  const set = (i: number, patch: Partial<AdminRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <fieldset class="admin-contacts">
      <legend>Administrators</legend>
      {rows.length === 0 && <p class="hint">No administrator contact.</p>}
      {rows.map((row, i) => (
        <fieldset class="contact-row" key={i}>
          <legend>Administrator {i + 1}</legend>
          <div class="grid-fields">
            {ADMIN_FIELDS.map((f) => (
              <div class="field" key={f.key}>
                <label for={`issuer-admin-${i}-${f.key}`}>{f.label}</label>
                <input
                  id={`issuer-admin-${i}-${f.key}`}
                  type={f.type}
                  // Preact's input types tell a plain text input from a datalist one by `list`.
                  list={undefined}
                  autocomplete={f.autocomplete}
                  value={row[f.key]}
                  disabled={disabled}
                  onInput={(e) => set(i, { [f.key]: e.currentTarget.value })}
                />
              </div>
            ))}
          </div>
          <button type="button" disabled={disabled} onClick={() => onChange(rows.filter((_, j) => j !== i))}>
            Remove administrator {i + 1}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        disabled={disabled}
        onClick={() => {
          added.current = rows.length;
          onChange([...rows, { ...EMPTY_ADMIN }]);
        }}
      >
        Add an administrator
      </button>
    </fieldset>
  );
}

/**
 * The provider's fields (DigiCert: account id, API key, organization id; GlobalSign: account
 * id, password, administrators). The secret is never shown back: a masked, empty input.
 */
export function IssuerForm(props: {
  draft: IssuerDraft;
  onChange: (d: IssuerDraft) => void;
  editing: boolean;
  disabled?: boolean;
  nameError?: string;
}) {
  const d = props.draft;
  const set = (patch: Partial<IssuerDraft>) => props.onChange({ ...d, ...patch });
  const [other, setOther] = useState(!PROVIDERS.includes(d.provider));
  const digicert = d.provider === 'DigiCert';
  const text = (id: 'provider' | 'accountId' | 'organizationId', label: string) => (
    <div class="field">
      <label for={`issuer-${id}`}>{label}</label>
      <input
        id={`issuer-${id}`}
        type="text"
        autocomplete="off"
        value={d[id]}
        disabled={props.disabled}
        onInput={(e) => set({ [id]: e.currentTarget.value })}
      />
    </div>
  );
  return (
    <div class="issuer-form">
      {!props.editing && (
        <div class="field">
          <label for="issuer-name">Issuer name</label>
          <input
            id="issuer-name"
            type="text"
            value={d.name}
            disabled={props.disabled}
            aria-invalid={props.nameError ? 'true' : undefined}
            aria-describedby={props.nameError ? 'issuer-name-error' : undefined}
            onInput={(e) => set({ name: e.currentTarget.value })}
          />
          <FieldError id="issuer-name-error" message={props.nameError} />
        </div>
      )}
      <div class="field">
        <label for="issuer-provider">Provider</label>
        <select
          id="issuer-provider"
          value={other ? 'other' : d.provider}
          disabled={props.disabled}
          onChange={(e) => {
            const v = e.currentTarget.value;
            setOther(v === 'other');
            set({ provider: v === 'other' ? '' : v });
          }}
        >
          {PROVIDERS.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
          <option value="other">Other…</option>
        </select>
      </div>
      {other && text('provider', 'Provider name')}
      {text('accountId', 'Account ID')}
      <div class="field">
        <label for="issuer-password">{digicert ? 'API key' : 'Password'}</label>
        <input
          id="issuer-password"
          type="password"
          autocomplete="new-password"
          value={d.password}
          disabled={props.disabled}
          aria-describedby="issuer-password-hint"
          onInput={(e) => set({ password: e.currentTarget.value })}
        />
        <p id="issuer-password-hint" class="hint">
          {props.editing
            ? 'Stored encrypted and never shown. Leave empty to keep the stored one.'
            : 'Stored encrypted under a key that never leaves this browser.'}
        </p>
      </div>
      {digicert && text('organizationId', 'Organization ID')}
      <AdminContacts rows={d.admins} onChange={(admins) => set({ admins })} disabled={props.disabled} />
      <label class="check">
        <input
          type="checkbox"
          checked={d.enabled}
          disabled={props.disabled}
          onChange={(e) => set({ enabled: e.currentTarget.checked })}
        />
        Enabled
      </label>
    </div>
  );
}
