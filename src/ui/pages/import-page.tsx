import { useEffect, useState } from 'preact/hooks';
import type { ImportInspection } from '../state/vault-api';
import { FileSource, type PickedFile } from '../components/file-source';
import { ErrorBanner, FieldError } from '../components/error-banner';
import { isPolicyField, policyErrorsOf, PolicyForm } from '../components/policy-form';
import { TagsEditor, rowsToTags, type TagRow } from '../components/tags-editor';
import { explainError } from '../errors';
import { getVault, loadImportTools, vaultChanged } from '../state/vault-client';
import { hrefFor, navigate } from '../state/router';
import { commonName, formatDate } from '../state/cert-status';
import { derivedPolicy, nameFromCn } from '../state/import-naming';
import { draftToPolicy, policyToDraft, type PolicyDraft } from '../state/policy-draft';
import { usePolicyCheck } from '../state/use-policy-check';
import { useIssuerNames } from '../state/use-issuer-names';
import { launchStore, takeLaunchedFile } from '../pwa/launch-queue';
import { useStore } from '../state/use-store';
import { nameError } from './create-page';

const FORMAT_WORDS = { pkcs12: 'PKCS#12 (PFX)', pem: 'PEM', certificates: 'certificates only' } as const;

/**
 * Import a PFX or PEM: the file is read and shown first (what certificates, whether a key is
 * in it), a password is asked only when the file needs one, and nothing is stored until
 * Import is pressed. A wrong password asks again and keeps the file.
 */
export function ImportPage() {
  const issuers = useIssuerNames();
  const [file, setFile] = useState<PickedFile>();
  const [password, setPassword] = useState<string>();
  const [passwordInput, setPasswordInput] = useState('');
  const [inspection, setInspection] = useState<ImportInspection>();
  const [wrongPassword, setWrongPassword] = useState(false);
  const [name, setName] = useState('');
  const [draft, setDraft] = useState<PolicyDraft>();
  const [policyEdited, setPolicyEdited] = useState(false);
  const [tags, setTags] = useState<TagRow[]>([]);
  const [enabled, setEnabled] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const live = usePolicyCheck(draft ?? policyToDraft({}), issuers, policyEdited);

  const inspect = async (f: PickedFile, pw?: string) => {
    setBusy(true);
    setError(undefined);
    try {
      const tools = await loadImportTools();
      const result = await tools.inspectImport(f.bytes, pw);
      setWrongPassword(result.needsPassword && pw !== undefined);
      setInspection(result);
      if (!result.needsPassword) {
        setPassword(pw);
        const leaf = result.certificates[0];
        if (leaf) {
          setName(nameFromCn(commonName(leaf.subject) || f.name.replace(/\.[^.]*$/, '')));
          setDraft(policyToDraft(derivedPolicy(leaf)));
          setPolicyEdited(false);
        }
      }
    } catch (e) {
      setInspection(undefined);
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const choose = (f: PickedFile) => {
    setFile(f);
    setPassword(undefined);
    setPasswordInput('');
    setInspection(undefined);
    void inspect(f);
  };
  // A file opened with the installed app, also while this page is already open.
  const launchedFile = useStore(launchStore, (s) => s.file);
  useEffect(() => {
    const launched = takeLaunchedFile();
    if (launched) choose(launched);
  }, [launchedFile]);

  const doImport = async (e: Event) => {
    e.preventDefault();
    if (!file || nameError(name)) return;
    setBusy(true);
    setError(undefined);
    try {
      const vault = await getVault();
      await vault.importCertificate(name, file.bytes, {
        password,
        policy: policyEdited && draft ? draftToPolicy(draft) : undefined,
        enabled,
        tags: rowsToTags(tags),
      });
      vaultChanged();
      navigate('certificate', name);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const words = error ? explainError(error) : undefined;
  const ready = inspection && !inspection.needsPassword && inspection.keyPresent;
  const errors = { ...live, ...policyErrorsOf(words) };
  const nameProblem = name ? (nameError(name) ?? (words?.field === 'name' ? words.message : undefined)) : undefined;
  return (
    <section aria-labelledby="import-title" aria-busy={busy ? 'true' : undefined}>
      <p class="breadcrumb">
        <a href={hrefFor('certificates')}>Certificates</a> ›
      </p>
      <h1 id="import-title">Import a certificate</h1>
      <FileSource
        label="Certificate file (PFX, P12 or PEM with the private key)"
        accept=".pfx,.p12,.pem,.crt,.cer,.key,.der,.p7b"
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
      {busy && <p role="status">Reading…</p>}
      {inspection?.needsPassword && file && (
        <form
          class="password-form"
          onSubmit={(e) => {
            e.preventDefault();
            void inspect(file, passwordInput);
          }}
        >
          <div class="field">
            <label for="import-password">This file is protected by a password</label>
            <input
              id="import-password"
              type="password"
              autocomplete="off"
              value={passwordInput}
              aria-invalid={wrongPassword ? 'true' : undefined}
              aria-describedby={wrongPassword ? 'import-password-error' : undefined}
              onInput={(e) => setPasswordInput(e.currentTarget.value)}
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
                <span class="mono-wrap">{c.subject || '(empty subject)'}</span>
                <br />
                <span class="hint">
                  issued by {c.issuer || '(empty)'} · {c.keyDescription} · {formatDate(c.notBefore)} to{' '}
                  {formatDate(c.notAfter)}
                </span>
              </li>
            ))}
          </ol>
          {inspection.derivedDefaults.includes('keyUsage') && (
            <p class="notice" data-testid="derived-defaults">
              The certificate states no key usage, so the policy gets Key Vault's default key usage (see the policy
              below), which also decides the key operations this key allows.
            </p>
          )}
          {!inspection.keyPresent && (
            <p class="notice">
              Import needs the private key. A signed certificate for a pending request is merged from that certificate's
              page instead.
            </p>
          )}
        </section>
      )}
      {words && !(words.field === 'name' || isPolicyField(words.field)) && (
        <ErrorBanner error={error} onDismiss={() => setError(undefined)} messageId="import-error-message" />
      )}
      {ready && draft && (
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
              onInput={(e) => setName(e.currentTarget.value)}
            />
            <FieldError id="import-name-error" message={nameProblem} />
          </div>
          <details open={policyEdited}>
            <summary>Policy (derived from the certificate; edit to change renewals)</summary>
            <PolicyForm
              idPrefix="import"
              draft={draft}
              onChange={(d) => {
                setDraft(d);
                setPolicyEdited(true);
              }}
              errors={errors}
              issuers={issuers}
              disabled={busy}
            />
          </details>
          <TagsEditor rows={tags} onChange={setTags} disabled={busy} />
          <label class="check">
            <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.currentTarget.checked)} />
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
  );
}
