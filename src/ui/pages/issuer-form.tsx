import { useState } from 'preact/hooks';
import type { CertificateIssuer } from '../state/vault-api';
import { FieldError } from '../components/error-banner';

/** The providers of Key Vault's integrated-CA docs; "other" lets a name be typed. */
const PROVIDERS = ['DigiCert', 'GlobalSign', 'OneCertV2-PublicCA', 'OneCertV2-PrivateCA'];

export interface IssuerDraft {
  name: string;
  provider: string;
  accountId: string;
  /** Empty on edit means "keep the stored secret". */
  password: string;
  organizationId: string;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  enabled: boolean;
}

export function issuerDraft(i?: CertificateIssuer): IssuerDraft {
  const admin = i?.administratorContacts?.[0];
  return {
    name: i?.name ?? '',
    provider: i?.provider ?? 'DigiCert',
    accountId: i?.accountId ?? '',
    password: '',
    organizationId: i?.organizationId ?? '',
    firstName: admin?.firstName ?? '',
    lastName: admin?.lastName ?? '',
    email: admin?.email ?? '',
    phone: admin?.phone ?? '',
    enabled: i?.enabled ?? true,
  };
}

/**
 * The provider's fields (DigiCert: account id, API key, organization id; GlobalSign: account
 * id, password, administrator). The secret is never shown back: a masked, empty input.
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
  const text = (
    id: keyof IssuerDraft,
    label: string,
    type: 'text' | 'email' | 'tel' = 'text',
    autocomplete = 'off',
  ) => (
    <div class="field">
      <label for={`issuer-${id}`}>{label}</label>
      <input
        id={`issuer-${id}`}
        type={type as 'text'}
        autocomplete={autocomplete}
        value={d[id] as string}
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
      <fieldset>
        <legend>Administrator</legend>
        <div class="grid-fields">
          {text('firstName', 'First name', 'text', 'given-name')}
          {text('lastName', 'Last name', 'text', 'family-name')}
          {text('email', 'Email', 'email', 'email')}
          {text('phone', 'Phone', 'tel', 'tel')}
        </div>
      </fieldset>
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
