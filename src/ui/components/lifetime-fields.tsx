import type { PolicyDraft } from '../state/policy-draft';
import { FieldError } from './error-banner';

/**
 * The policy's one lifetime action (ARCHITECTURE §5): when (a percentage of the lifetime, or
 * days before expiry) and what (renew, or notify the contacts). The trigger's column is the
 * widest, so its choices read whole.
 */
export function LifetimeFields(props: {
  id: (field: string) => string;
  draft: PolicyDraft;
  onChange: (patch: Partial<PolicyDraft>) => void;
  error?: string;
  disabled?: boolean;
}) {
  const { id, draft: d, onChange, error } = props;
  return (
    <fieldset>
      <legend>Lifetime action</legend>
      <div class="lifetime-fields">
        <div class="field trigger">
          <label for={id('trigger')}>Trigger</label>
          <select
            id={id('trigger')}
            value={d.lifetimeTrigger}
            disabled={props.disabled}
            onChange={(e) => onChange({ lifetimeTrigger: e.currentTarget.value as 'percentage' | 'days' })}
          >
            <option value="percentage">at a percentage of the lifetime</option>
            <option value="days">a number of days before expiry</option>
          </select>
        </div>
        <div class="field">
          <label for={id('lifetimeValue')}>
            {d.lifetimeTrigger === 'percentage' ? 'Percentage of lifetime' : 'Days before expiry'}
          </label>
          <input
            id={id('lifetimeValue')}
            type="number"
            min={1}
            inputMode="numeric"
            value={d.lifetimeValue}
            disabled={props.disabled}
            onInput={(e) => onChange({ lifetimeValue: e.currentTarget.value })}
            {...(error ? { 'aria-invalid': 'true' as const, 'aria-describedby': id('lifetimeActions-error') } : {})}
          />
        </div>
        <div class="field">
          <label for={id('action')}>Action</label>
          <select
            id={id('action')}
            value={d.lifetimeAction}
            disabled={props.disabled}
            onChange={(e) => onChange({ lifetimeAction: e.currentTarget.value as 'AutoRenew' | 'EmailContacts' })}
          >
            <option value="AutoRenew">Renew automatically</option>
            <option value="EmailContacts">Notify the contacts</option>
          </select>
        </div>
      </div>
      <FieldError id={id('lifetimeActions-error')} message={error} />
    </fieldset>
  );
}
