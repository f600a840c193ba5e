import { KeyVaultJsonLoader } from '../components/key-vault-json-loader';
import { useEffect, useState } from 'preact/hooks';
import { isPolicyField, policyErrorsOf, PolicyForm } from '../components/policy-form';
import { TagsEditor, rowsToTags, type TagRow } from '../components/tags-editor';
import { ErrorBanner, FieldError } from '../components/error-banner';
import { explainError } from '../errors';
import { defaultDraft, draftErrors, draftToPolicy, withIssuer, type PolicyDraft } from '../state/policy-draft';
import { usePolicyCheck } from '../state/use-policy-check';
import { usePolicyLint } from '../state/use-lint';
import { useIssuerChoices } from '../state/use-issuer-names';
import { useAction } from '../state/use-action';
import { getVault, loadedVaultModule, loadVaultModule, vaultChanged } from '../state/vault-client';
import { useVaultModule } from '../state/use-vault-module';
import { hrefFor, navigate } from '../state/router';
import { useLongWork } from '../state/use-long-work';
import { WorkProgress } from '../components/work-progress';

/**
 * The vault's rule for certificate names (ARCHITECTURE §3), from the loaded vault module; undefined
 * until it has loaded (screens that show the name use useVaultModule, and the vault checks again).
 */
export function nameError(name: string): string | undefined {
  return loadedVaultModule()?.certificateNameProblem(name);
}

export function CreatePage() {
  const { names: issuers, local } = useIssuerChoices();
  const [name, setName] = useState('');
  const [draft, setDraft] = useState<PolicyDraft>(() => defaultDraft());
  const [tags, setTags] = useState<TagRow[]>([]);
  const [enabled, setEnabled] = useState(true);
  const [touched, setTouched] = useState(false);
  const { busy, error, setError, run } = useAction();
  const work = useLongWork();
  const liveErrors = usePolicyCheck(draft, issuers, touched, local);
  const findings = usePolicyLint(draft);
  const loaded = useVaultModule();
  const publicTlsDays = loaded?.recommendedValidityDays(new Date());
  // An issuer picked before the vault module arrived got no SC-081 default: give it now.
  useEffect(() => {
    if (publicTlsDays !== undefined)
      setDraft((d) => withIssuer(d, d.issuerName, local.includes(d.issuerName), publicTlsDays));
  }, [publicTlsDays]);
  // Self and Local issuers sign at once; any other makes a CSR to carry to its CA.
  const signsNow = draft.issuerName === 'Self' || local.includes(draft.issuerName);
  const words = error ? explainError(error) : undefined;
  // Errors about a field the form shows go next to it; the rest go to the banner.
  const submitWords = words && (words.field === 'name' || isPolicyField(words.field)) ? words : undefined;
  const errors = { ...liveErrors, ...policyErrorsOf(submitWords) };
  const nameProblem = touched
    ? (nameError(name) ?? (submitWords?.field === 'name' ? submitWords.message : undefined))
    : undefined;

  const create = async () => {
    const vaultModule = await loadVaultModule().catch(() => undefined);
    if (vaultModule?.certificateNameProblem(name) || Object.keys(draftErrors(draft)).length > 0) return;
    await run(async () => {
      const vault = await getVault();
      try {
        await vault.createCertificate(name, draftToPolicy(draft), { enabled, tags: rowsToTags(tags), ...work.begin() });
      } finally {
        work.end();
      }
      vaultChanged();
      navigate('certificate', name);
    });
  };
  const submit = (e: Event) => {
    e.preventDefault();
    setTouched(true);
    void create();
  };

  return (
    <section aria-labelledby="create-title">
      <p class="breadcrumb">
        <a href={hrefFor('certificates')}>Certificates</a> ›
      </p>
      <h1 id="create-title">Create a certificate</h1>
      <div class="actions page-tools">
        <KeyVaultJsonLoader onDraft={setDraft} disabled={busy} />
      </div>
      <form
        class="form"
        onSubmit={submit}
        onInput={() => setTouched(true)}
        aria-busy={busy ? 'true' : undefined}
        noValidate
      >
        <div class="field">
          <label for="create-name">Name</label>
          <input
            id="create-name"
            type="text"
            value={name}
            required
            autocomplete="off"
            spellcheck={false}
            aria-invalid={nameProblem ? 'true' : undefined}
            aria-describedby={nameProblem ? 'create-name-error' : 'create-name-hint'}
            onInput={(e) => setName(e.currentTarget.value)}
          />
          <p id="create-name-hint" class="hint">
            Letters, digits and hyphens. An existing name gets a new version with this policy.
          </p>
          <FieldError id="create-name-error" message={nameProblem} />
        </div>
        <PolicyForm
          idPrefix="create"
          draft={draft}
          onChange={setDraft}
          errors={errors}
          issuers={issuers}
          localIssuers={local}
          disabled={busy}
          findings={findings}
          publicTlsDays={publicTlsDays}
        />
        <TagsEditor rows={tags} onChange={setTags} disabled={busy} />
        <label class="check">
          <input
            type="checkbox"
            checked={enabled}
            disabled={busy}
            onChange={(e) => setEnabled(e.currentTarget.checked)}
          />
          Enabled
        </label>
        {words && !submitWords && <ErrorBanner error={error} onDismiss={() => setError(undefined)} />}
        {submitWords && (
          <p class="field-error" role="alert">
            {submitWords.title}: see the field marked above.
          </p>
        )}
        <div class="actions form-actions">
          <button type="submit" class="primary" disabled={busy}>
            {busy ? 'Creating…' : signsNow ? 'Create' : 'Create and make a CSR'}
          </button>
          <a class="button" href={hrefFor('certificates')}>
            Cancel
          </a>
        </div>
        {busy && work.progress && (
          <>
            <WorkProgress label="Creating the certificate" progress={work.progress} onCancel={work.cancel} />
            <p class="hint">
              The key pair {signsNow ? 'and the certificate are' : 'and the CSR are'} made in this browser; RSA 4096 can
              take several seconds. Cancel stores nothing.
            </p>
          </>
        )}
      </form>
    </section>
  );
}
