import { COMMON_EKUS, KEY_USAGES, withIssuer, withKeyType, type PolicyDraft } from '../state/policy-draft';
import type {
  CertificateKeyType,
  CertificateKeyCurveName,
  CertificateContentType,
  KeyUsageType,
  VaultErrorField,
  LintField,
  LintFinding,
} from '../state/vault-api';
import type { ErrorWords } from '../errors';
import { FieldError } from './error-banner';
import { SanEditor } from './san-editor';
import { SubjectField } from './subject-field';
import { LifetimeFields } from './lifetime-fields';
import { CaFields } from './ca-fields';
import { LintFindingList } from './lint-findings';

/** The fields this form shows an error under, by the vault's names (VaultError.field); others go to a banner. */
const POLICY_FIELDS = [
  'subject',
  'subjectAlternativeNames',
  'keyType',
  'keySize',
  'keyCurveName',
  'exportable',
  'contentType',
  'validityInMonths',
  'validityInDays',
  'basicConstraints',
  'nameConstraints',
  'keyUsage',
  'enhancedKeyUsage',
  'lifetimeActions',
  'issuerName',
  'policy',
] as const satisfies readonly VaultErrorField[];

export type PolicyErrorField = (typeof POLICY_FIELDS)[number];
export type PolicyErrors = Partial<Record<PolicyErrorField, string>>;

/** True when this form shows an error about `field` in place. */
export function isPolicyField(field: VaultErrorField | undefined): field is PolicyErrorField {
  return (POLICY_FIELDS as readonly (VaultErrorField | undefined)[]).includes(field);
}

/** A submit error as this form shows it: under its field, or nothing when it belongs to a banner. */
export function policyErrorsOf(words: ErrorWords | undefined): PolicyErrors {
  return words && isPolicyField(words.field) ? { [words.field]: words.message } : {};
}

/**
 * Every field of a certificate policy (ARCHITECTURE §3). Used by Create, by the detail page's
 * policy editor and by Import's derived policy. Errors are shown under their field.
 */
export function PolicyForm(props: {
  draft: PolicyDraft;
  onChange: (d: PolicyDraft) => void;
  errors: PolicyErrors;
  issuers: string[];
  /** the issuers among them that are Local CAs (they sign at once, and renew) */
  localIssuers?: string[];
  disabled?: boolean;
  idPrefix: string;
  /** validityInDays a public CA's certificate gets by default (the current SC-081 step's, see withIssuer) */
  publicTlsDays?: number;
  /** lint findings for what the draft would make, shown beside the fields they concern */
  findings?: readonly LintFinding[];
}) {
  const local = props.localIssuers ?? [];
  const findings = props.findings ?? [];
  const about = (...fields: LintField[]) => findings.filter((f) => f.field !== undefined && fields.includes(f.field));
  const lint = (name: string, ...fields: LintField[]) => (
    <LintFindingList id={`${props.idPrefix}-${name}-lint`} findings={about(...fields)} />
  );
  const { draft: d, onChange, errors, disabled } = props;
  const id = (s: string) => `${props.idPrefix}-${s}`;
  const set = (patch: Partial<PolicyDraft>) => onChange({ ...d, ...patch });
  const isEc = d.keyType.startsWith('EC');
  const hsm = d.keyType.endsWith('-HSM');
  const toggle = <T extends string>(list: T[], value: T, on: boolean): T[] =>
    on ? [...list.filter((v) => v !== value), value] : list.filter((v) => v !== value);
  const invalid = (field: PolicyErrorField) =>
    errors[field] ? { 'aria-invalid': 'true' as const, 'aria-describedby': id(`${field}-error`) } : {};
  // The validity inputs point at the SC-081 finding beside them as well as at their error.
  const validityLint = about('validity').length > 0 ? id('validity-lint') : undefined;
  const describedBy = (field: PolicyErrorField) =>
    [errors[field] ? id(`${field}-error`) : undefined, validityLint].filter(Boolean).join(' ') || undefined;
  return (
    <div class="policy-form">
      <SubjectField
        id={id('subject')}
        value={d.subject}
        onChange={(subject) => set({ subject })}
        error={errors.subject}
        disabled={disabled}
      />
      {lint('subject', 'subject')}
      <SanEditor rows={d.sans} onChange={(sans) => set({ sans })} disabled={disabled} />
      <FieldError id={id('subjectAlternativeNames-error')} message={errors.subjectAlternativeNames} />
      {lint('subjectAlternativeNames', 'subjectAlternativeNames')}

      <fieldset>
        <legend>Key</legend>
        <div class="grid-fields">
          <div class="field">
            <label for={id('keyType')}>Key type</label>
            <select
              id={id('keyType')}
              value={d.keyType}
              disabled={disabled}
              onChange={(e) => onChange(withKeyType(d, e.currentTarget.value as CertificateKeyType))}
              {...invalid('keyType')}
            >
              <option value="RSA">RSA</option>
              <option value="EC">EC</option>
              <option value="RSA-HSM">RSA-HSM (never exportable)</option>
              <option value="EC-HSM">EC-HSM (never exportable)</option>
            </select>
          </div>
          {!isEc && (
            <div class="field">
              <label for={id('keySize')}>Key size</label>
              <select
                id={id('keySize')}
                value={String(d.keySize)}
                disabled={disabled}
                onChange={(e) => set({ keySize: Number(e.currentTarget.value) })}
                {...invalid('keySize')}
              >
                <option value="2048">2048 bits</option>
                <option value="3072">3072 bits</option>
                <option value="4096">4096 bits</option>
              </select>
            </div>
          )}
          {isEc && (
            <div class="field">
              <label for={id('curve')}>Curve</label>
              <select
                id={id('curve')}
                value={d.keyCurveName}
                disabled={disabled}
                onChange={(e) => set({ keyCurveName: e.currentTarget.value as CertificateKeyCurveName })}
                {...invalid('keyCurveName')}
              >
                <option value="P-256">P-256</option>
                <option value="P-384">P-384</option>
                <option value="P-521">P-521</option>
              </select>
            </div>
          )}
        </div>
        <FieldError id={id('keyType-error')} message={errors.keyType} />
        <FieldError id={id('keySize-error')} message={errors.keySize} />
        <FieldError id={id('keyCurveName-error')} message={errors.keyCurveName} />
        {lint('key', 'keyType', 'keySize', 'keyCurveName')}
        <label class="check">
          <input
            type="checkbox"
            checked={d.exportable}
            disabled={disabled || hsm}
            onChange={(e) => set({ exportable: e.currentTarget.checked })}
            {...invalid('exportable')}
          />
          Exportable private key (PFX / PEM with the key can be downloaded)
        </label>
        <FieldError id={id('exportable-error')} message={errors.exportable} />
        <label class="check">
          <input
            type="checkbox"
            checked={d.reuseKey}
            disabled={disabled}
            onChange={(e) => set({ reuseKey: e.currentTarget.checked })}
          />
          Reuse the key when the certificate is renewed
        </label>
      </fieldset>

      <div class="grid-fields">
        <div class="field">
          <label for={id('contentType')}>Secret format</label>
          <select
            id={id('contentType')}
            value={d.contentType}
            disabled={disabled}
            onChange={(e) => set({ contentType: e.currentTarget.value as CertificateContentType })}
            {...invalid('contentType')}
          >
            <option value="application/x-pkcs12">PKCS#12 (PFX)</option>
            <option value="application/x-pem-file">PEM</option>
          </select>
          <FieldError id={id('contentType-error')} message={errors.contentType} />
        </div>
        <div class="field">
          <label for={id('validity')}>Validity in months</label>
          <input
            id={id('validity')}
            type="number"
            min={1}
            inputMode="numeric"
            value={d.validityInMonths}
            disabled={disabled}
            onInput={(e) => set({ validityInMonths: e.currentTarget.value })}
            {...invalid('validityInMonths')}
            aria-describedby={describedBy('validityInMonths')}
          />
          <FieldError id={id('validityInMonths-error')} message={errors.validityInMonths} />
        </div>
        <div class="field">
          <label for={id('validityInDays')}>Validity in days (instead of months)</label>
          <input
            id={id('validityInDays')}
            type="number"
            min={1}
            inputMode="numeric"
            value={d.validityInDays}
            disabled={disabled}
            onInput={(e) => set({ validityInDays: e.currentTarget.value })}
            {...invalid('validityInDays')}
            aria-describedby={describedBy('validityInDays')}
          />
          <FieldError id={id('validityInDays-error')} message={errors.validityInDays} />
        </div>
      </div>
      {lint('validity', 'validity')}

      <CaFields id={id} draft={d} onChange={onChange} errors={errors} disabled={disabled} />
      {lint('basicConstraints', 'basicConstraints')}

      <fieldset>
        <legend>Key usage</legend>
        <div class="checks">
          {KEY_USAGES.map((ku) => (
            <label class="check" key={ku.value}>
              <input
                type="checkbox"
                checked={d.keyUsage.includes(ku.value)}
                disabled={disabled}
                onChange={(e) => set({ keyUsage: toggle<KeyUsageType>(d.keyUsage, ku.value, e.currentTarget.checked) })}
              />
              {ku.label}
            </label>
          ))}
        </div>
        <FieldError id={id('keyUsage-error')} message={errors.keyUsage} />
        {lint('keyUsage', 'keyUsage')}
      </fieldset>

      <fieldset>
        <legend>Extended key usage</legend>
        <div class="checks">
          {COMMON_EKUS.map((eku) => (
            <label class="check" key={eku.oid}>
              <input
                type="checkbox"
                checked={d.enhancedKeyUsage.includes(eku.oid)}
                disabled={disabled}
                onChange={(e) =>
                  set({ enhancedKeyUsage: toggle(d.enhancedKeyUsage, eku.oid, e.currentTarget.checked) })
                }
              />
              {eku.label}
            </label>
          ))}
        </div>
        <div class="field">
          <label for={id('otherEku')}>Other EKU OIDs (comma separated)</label>
          <input
            id={id('otherEku')}
            type="text"
            value={d.otherEku}
            disabled={disabled}
            spellcheck={false}
            onInput={(e) => set({ otherEku: e.currentTarget.value })}
            {...invalid('enhancedKeyUsage')}
          />
        </div>
        <FieldError id={id('enhancedKeyUsage-error')} message={errors.enhancedKeyUsage} />
        {lint('enhancedKeyUsage', 'enhancedKeyUsage')}
      </fieldset>

      <LifetimeFields id={id} draft={d} onChange={set} error={errors.lifetimeActions} disabled={disabled} />

      <div class="field">
        <label for={id('issuer')}>Issuer</label>
        <select
          id={id('issuer')}
          value={d.issuerName}
          disabled={disabled}
          onChange={(e) =>
            onChange(withIssuer(d, e.currentTarget.value, local.includes(e.currentTarget.value), props.publicTlsDays))
          }
          {...invalid('issuerName')}
        >
          <option value="Self">Self (self-signed, made now)</option>
          <option value="Unknown">Unknown (make a CSR for any CA)</option>
          {props.issuers.map((name) => (
            <option key={name} value={name}>
              {local.includes(name) ? `${name} (Local CA, signed now)` : name}
            </option>
          ))}
        </select>
        <FieldError id={id('issuerName-error')} message={errors.issuerName} />
      </div>
      <FieldError id={id('policy-error')} message={errors.policy} />
      <LintFindingList id={id('other-lint')} findings={findings.filter((f) => f.field === undefined)} />
    </div>
  );
}
