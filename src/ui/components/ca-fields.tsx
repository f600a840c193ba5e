import { withCa, type PolicyDraft } from '../state/policy-draft';
import type { CaDraft } from '../state/ca-draft';
import { FieldError } from './error-banner';

type NameList = Exclude<keyof CaDraft, 'ca' | 'pathLength'>;

const NAME_LISTS: { key: NameList; label: string }[] = [
  { key: 'permittedDns', label: 'Permitted DNS names' },
  { key: 'permittedIp', label: 'Permitted IP ranges' },
  { key: 'permittedEmail', label: 'Permitted email domains' },
  { key: 'excludedDns', label: 'Excluded DNS names' },
  { key: 'excludedIp', label: 'Excluded IP ranges' },
  { key: 'excludedEmail', label: 'Excluded email domains' },
];

/**
 * The CA switch (ARCHITECTURE §8 "Local CA"): a root (issuer Self) or an intermediate (a Local
 * issuer), revealing the path length and the name constraints. Switching it on gives the key
 * the CA's usages; the vault checks the rest and answers under the field.
 */
export function CaFields(props: {
  id: (field: string) => string;
  draft: PolicyDraft;
  onChange: (d: PolicyDraft) => void;
  errors: { basicConstraints?: string; nameConstraints?: string };
  disabled?: boolean;
}) {
  const { id, draft: d, errors, disabled } = props;
  const set = (patch: Partial<CaDraft>) => props.onChange({ ...d, ca: { ...d.ca, ...patch } });
  const invalid = (field: 'basicConstraints' | 'nameConstraints') =>
    errors[field] ? { 'aria-invalid': 'true' as const, 'aria-describedby': id(`${field}-error`) } : {};
  return (
    <fieldset class="ca-fields">
      <legend>Certificate authority</legend>
      <label class="check">
        <input
          id={id('ca')}
          type="checkbox"
          role="switch"
          checked={d.ca.ca}
          disabled={disabled}
          aria-describedby={id('ca-hint')}
          onChange={(e) => props.onChange(withCa(d, e.currentTarget.checked))}
        />
        CA: this certificate signs other certificates
      </label>
      <p id={id('ca-hint')} class="hint">
        A root CA uses issuer Self; an intermediate uses the Local issuer of its root. A CA keeps its key when it
        renews, so what it issued stays valid.
      </p>
      {d.ca.ca && (
        <>
          <div class="field narrow">
            <label for={id('pathLength')}>Path length</label>
            <input
              id={id('pathLength')}
              type="number"
              min={0}
              inputMode="numeric"
              value={d.ca.pathLength}
              disabled={disabled}
              aria-describedby={errors.basicConstraints ? id('basicConstraints-error') : id('pathLength-hint')}
              aria-invalid={errors.basicConstraints ? 'true' : undefined}
              onInput={(e) => set({ pathLength: e.currentTarget.value })}
            />
            <p id={id('pathLength-hint')} class="hint">
              How many CAs may follow below this one: 0 for an issuing CA, empty for no limit.
            </p>
          </div>
          <FieldError id={id('basicConstraints-error')} message={errors.basicConstraints} />
          <fieldset>
            <legend>Name constraints</legend>
            <p id={id('nc-hint')} class="hint">
              One per line. DNS <code>contoso.com</code> covers it and every name under it, <code>.contoso.com</code>{' '}
              only names under it; IP ranges as CIDR (<code>10.0.0.0/8</code>); email as a mailbox, a host or{' '}
              <code>.domain</code>. Verifiers refuse any certificate under this CA with a name outside them.
            </p>
            <div class="grid-fields name-constraints">
              {NAME_LISTS.map((l) => (
                <div class="field" key={l.key}>
                  <label for={id(l.key)}>{l.label}</label>
                  <textarea
                    id={id(l.key)}
                    rows={2}
                    spellcheck={false}
                    value={d.ca[l.key]}
                    disabled={disabled}
                    aria-describedby={id('nc-hint')}
                    {...invalid('nameConstraints')}
                    onInput={(e) => set({ [l.key]: e.currentTarget.value })}
                  />
                </div>
              ))}
            </div>
            <FieldError id={id('nameConstraints-error')} message={errors.nameConstraints} />
          </fieldset>
        </>
      )}
    </fieldset>
  );
}
