import { useEffect, useReducer } from 'preact/hooks';
import { FileSource, type PickedFile } from '../components/file-source';
import { ErrorBanner, FieldError } from '../components/error-banner';
import { SubjectText } from '../components/subject-text';
import { isPolicyField, policyErrorsOf, PolicyForm } from '../components/policy-form';
import { TagsEditor, rowsToTags } from '../components/tags-editor';
import { explainError } from '../errors';
import { getVault, loadImportTools, vaultChanged } from '../state/vault-client';
import { hrefFor, navigate } from '../state/router';
import { formatDate } from '../state/cert-status';
import { defaultDraft, draftToPolicy } from '../state/policy-draft';
import { ImportLint } from './lint-panels';
import { EMPTY, fileOf, importReducer, inspectionOf, isBusy, type ImportForm } from '../state/import-machine';
import { usePolicyCheck } from '../state/use-policy-check';
import { useIssuerNames } from '../state/use-issuer-names';
import { launchStore, takeLaunchedFile } from '../pwa/launch-queue';
import { useStore } from '../state/use-store';
import { nameError } from './create-page';
import { useLongWork } from '../state/use-long-work';
import { WorkProgress } from '../components/work-progress';
import { BulkImportPanel } from './bulk-import-panel';

const FORMAT_WORDS = { pkcs12: 'PKCS#12 (PFX)', pem: 'PEM', certificates: 'certificates only' } as const;
/** What the live policy check sees before a file is read (it is not run until the policy is edited). */
const NO_DRAFT = defaultDraft();

/**
 * Import a PFX or PEM: the file is read and shown first (what certificates, whether a key is
 * in it), a password is asked only when the file needs one, and nothing is stored until
 * Import is pressed. A wrong password asks again and keeps the file.
 */
export function ImportPage() {
  const issuers = useIssuerNames();
  const [state, dispatch] = useReducer(importReducer, EMPTY);
  const file = fileOf(state);
  const inspection = inspectionOf(state);
  const form = state.step === 'inspected' || state.step === 'importing' ? state.form : undefined;
  const error = state.step === 'inspected' || state.step === 'failed' ? state.error : undefined;
  const busy = isBusy(state);
  const work = useLongWork();
  const live = usePolicyCheck(form?.draft ?? NO_DRAFT, issuers, form?.policyEdited ?? false);

  const read = (f: PickedFile, password?: string) => {
    // A PFX with a high iteration count takes a while to open: progress and Cancel while reading too.
    const handle = work.begin();
    loadImportTools()
      .then((tools) => tools.inspectImport(f.bytes, password, handle))
      .finally(() => work.end(handle))
      .then(
        (result) => dispatch({ type: 'read', file: f, inspection: result }),
        (e: unknown) => dispatch({ type: 'read-failed', file: f, error: e }),
      );
  };
  const choose = (f: PickedFile) => {
    dispatch({ type: 'choose', file: f });
    read(f);
  };
  // A file opened with the installed app, also while this page is already open.
  const launchedFile = useStore(launchStore, (s) => s.file);
  useEffect(() => {
    const launched = takeLaunchedFile();
    if (launched) choose(launched);
  }, [launchedFile]);

  const doImport = (e: Event) => {
    e.preventDefault();
    if (state.step !== 'inspected' || nameError(state.form.name)) return;
    const { form: f, password } = state;
    dispatch({ type: 'import' });
    void getVault()
      .then((vault) =>
        vault.importCertificate(f.name, state.file.bytes, {
          password,
          policy: f.policyEdited && f.draft ? draftToPolicy(f.draft) : undefined,
          enabled: f.enabled,
          tags: rowsToTags(f.tags),
          ...work.begin(),
        }),
      )
      .finally(() => work.end())
      .then(
        () => {
          dispatch({ type: 'imported' });
          vaultChanged();
          navigate('certificate', f.name);
        },
        (err: unknown) => dispatch({ type: 'import-failed', error: err }),
      );
  };
  const edit = (patch: Partial<ImportForm>) => dispatch({ type: 'edit', patch });
  const name = form?.name ?? '';
  const asking = state.step === 'needs-password' || (state.step === 'reading' && state.asked !== undefined);
  const wrongPassword = state.step === 'needs-password' && state.wrongPassword;

  const words = error ? explainError(error) : undefined;
  const errors = { ...live, ...policyErrorsOf(words) };
  const nameProblem = name ? (nameError(name) ?? (words?.field === 'name' ? words.message : undefined)) : undefined;
  return (
    <>
      <section aria-labelledby="import-title" aria-busy={busy ? 'true' : undefined}>
        <p class="breadcrumb">
          <a href={hrefFor('certificates')}>Certificates</a> ›
        </p>
        <h1 id="import-title">Import a certificate</h1>
        <FileSource
          label="Certificate file (PFX, P12 or PEM with the private key)"
          accept=".pfx,.p12,.pem,.crt,.cer,.key,.der,.p7b"
          file={file}
          onFile={choose}
          disabled={busy}
          errorId={words?.field === 'file' ? 'import-error-message' : undefined}
        />
        {file && (
          <p data-testid="import-file">
            File: <strong>{file.name}</strong>
            {inspection && (
              <>
                {' '}
                · format: <span data-testid="import-format">{FORMAT_WORDS[inspection.format]}</span>
              </>
            )}
          </p>
        )}
        {state.step === 'reading' && <p role="status">Reading…</p>}
        {state.step === 'importing' && work.progress && (
          <WorkProgress label="Importing the certificate" progress={work.progress} onCancel={work.cancel} />
        )}
        {asking && (
          <form
            class="password-form"
            onSubmit={(e) => {
              e.preventDefault();
              if (state.step !== 'needs-password') return;
              dispatch({ type: 'submit-password' });
              read(state.file, state.passwordInput);
            }}
          >
            <div class="field">
              <label for="import-password">This file is protected by a password</label>
              <input
                id="import-password"
                type="password"
                autocomplete="off"
                value={state.passwordInput}
                aria-invalid={wrongPassword ? 'true' : undefined}
                aria-describedby={wrongPassword ? 'import-password-error' : undefined}
                onInput={(e) => dispatch({ type: 'password-input', value: e.currentTarget.value })}
              />
              <FieldError
                id="import-password-error"
                message={wrongPassword ? 'That password does not open the file. Try again.' : undefined}
              />
            </div>
            <button type="submit" class="primary" disabled={busy}>
              Open the file
            </button>
          </form>
        )}
        {inspection && !inspection.needsPassword && (
          <section class="panel" aria-labelledby="contents-title">
            <h2 id="contents-title">What is inside</h2>
            <p data-testid="key-present">{inspection.keyPresent ? 'A private key, and:' : 'No private key.'}</p>
            <ol class="contents">
              {inspection.certificates.map((c, i) => (
                <li key={i}>
                  <span class="mono-wrap">
                    <SubjectText subject={c.subject} empty="(empty subject)" />
                  </span>
                  <br />
                  <span class="hint">
                    issued by <SubjectText subject={c.issuer} /> · {c.keyDescription} · {formatDate(c.notBefore)} to{' '}
                    {formatDate(c.notAfter)}
                  </span>
                </li>
              ))}
            </ol>
            {inspection.certificates[0] && <ImportLint der={inspection.certificates[0].der} />}
            {inspection.derivedDefaults.includes('keyUsage') && (
              <p class="notice" data-testid="derived-defaults">
                The certificate states no key usage, so the policy gets Key Vault's default key usage (see the policy
                below), which also decides the key operations this key allows.
              </p>
            )}
            {!inspection.keyPresent && (
              <p class="notice">
                Import needs the private key. A signed certificate for a pending request is merged from that
                certificate's page instead.
              </p>
            )}
          </section>
        )}
        {words && !(words.field === 'name' || isPolicyField(words.field)) && (
          <ErrorBanner error={error} onDismiss={() => dispatch({ type: 'dismiss' })} messageId="import-error-message" />
        )}
        {form?.draft && inspection?.keyPresent && (
          <form class="form" onSubmit={doImport} noValidate>
            <div class="field">
              <label for="import-name">Name</label>
              <input
                id="import-name"
                type="text"
                value={name}
                spellcheck={false}
                aria-invalid={nameProblem ? 'true' : undefined}
                aria-describedby={nameProblem ? 'import-name-error' : undefined}
                onInput={(e) => edit({ name: e.currentTarget.value })}
              />
              <FieldError id="import-name-error" message={nameProblem} />
            </div>
            <details open={form.policyEdited}>
              <summary>Policy (derived from the certificate; edit to change renewals)</summary>
              <PolicyForm
                idPrefix="import"
                draft={form.draft}
                onChange={(d) => edit({ draft: d, policyEdited: true })}
                errors={errors}
                issuers={issuers}
                disabled={busy}
              />
            </details>
            <TagsEditor rows={form.tags} onChange={(tags) => edit({ tags })} disabled={busy} />
            <label class="check">
              <input
                type="checkbox"
                checked={form.enabled}
                onChange={(e) => edit({ enabled: e.currentTarget.checked })}
              />
              Enabled
            </label>
            <p class="actions">
              <button type="submit" class="primary" disabled={busy}>
                Import
              </button>
              <a class="button" href={hrefFor('certificates')}>
                Cancel
              </a>
            </p>
          </form>
        )}
      </section>
      <BulkImportPanel />
    </>
  );
}
