import { useEffect, useRef, useState } from 'preact/hooks';
import { ErrorBanner, FieldError } from '../components/error-banner';
import { WorkProgress } from '../components/work-progress';
import { filesFromDrop, filesFromList } from '../state/bulk-files';
import { commonName } from '../state/cert-status';
import { nameFromCn } from '../state/import-naming';
import { hrefFor } from '../state/router';
import { useLongWork } from '../state/use-long-work';
import { getVault, loadVaultModule, vaultChanged } from '../state/vault-client';
import type { BulkImportFile, BulkImportSummary } from '../state/vault-api';

/** A password the run waits for: the form answers it, or skips the file. */
interface PasswordQuestion {
  file: string;
  wrong: boolean;
  answer: (password: string | undefined) => void;
}

/** "certs.zip/web/a.pfx" → "a": names from a file when its certificate has no CN. */
function baseName(path: string): string {
  return (path.split('/').pop() ?? path).replace(/\.[^.]*$/, '');
}

/**
 * Many files at once (ARCHITECTURE §4 "Bulk import"): picked, a folder, dropped (folders too) or
 * zips. Each becomes a certificate named as the single-file import names it; a password is asked
 * only when none used so far opens the file; the run shows its progress and can be cancelled
 * (what finished stays, nothing is half-imported); the summary lists imported, skipped
 * (already in the vault) and refused files with the reason.
 */
export function BulkImportPanel() {
  const [files, setFiles] = useState<BulkImportFile[]>([]);
  const [running, setRunning] = useState(false);
  const [over, setOver] = useState(false);
  const [summary, setSummary] = useState<BulkImportSummary>();
  const [question, setQuestion] = useState<PasswordQuestion>();
  const [answer, setAnswer] = useState('');
  const [error, setError] = useState<unknown>();
  const work = useLongWork();
  const summaryHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (summary) summaryHeading.current?.focus();
  }, [summary]);

  const choose = (chosen: BulkImportFile[]) => {
    if (running) return;
    setFiles((before) => [...before, ...chosen]);
    setSummary(undefined);
    setError(undefined);
  };
  const start = async () => {
    setRunning(true);
    setSummary(undefined);
    setError(undefined);
    const handle = work.begin();
    try {
      const [m, vault] = await Promise.all([loadVaultModule(), getVault()]);
      const result = await m.importCertificates(vault, files, {
        ...handle,
        nameFor: (file, leaf) => nameFromCn(commonName(leaf?.subject) || baseName(file)),
        askPassword: (file, wrong) =>
          new Promise((resolve) => {
            setAnswer('');
            setQuestion({ file, wrong, answer: resolve });
          }),
      });
      setSummary(result);
      setFiles([]);
      if (result.imported.length > 0) vaultChanged();
    } catch (e) {
      setError(e);
    } finally {
      work.end();
      setRunning(false);
      setQuestion(undefined);
    }
  };
  const reply = (password: string | undefined) => {
    question?.answer(password);
    setQuestion(undefined);
  };
  const cancel = () => {
    work.cancel();
    // A run waiting for a password sees the cancel as soon as the question is answered.
    if (question) reply(undefined);
  };

  return (
    <section class="panel" aria-labelledby="bulk-title" aria-busy={running ? 'true' : undefined}>
      <h2 id="bulk-title">Import many files at once</h2>
      <div
        class={`file-source ${over ? 'over' : ''}`}
        data-testid="bulk-drop-zone"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          void filesFromDrop(e.dataTransfer).then(choose);
        }}
      >
        <label for="bulk-files">Files (PFX, P12, PEM with keys, or .zip archives of them)</label>
        <input
          id="bulk-files"
          type="file"
          multiple
          accept=".pfx,.p12,.pem,.crt,.cer,.key,.der,.zip"
          disabled={running}
          onChange={(e) => {
            void filesFromList(e.currentTarget.files).then(choose);
            e.currentTarget.value = '';
          }}
        />
        <label for="bulk-folder">Or a folder</label>
        <input
          id="bulk-folder"
          type="file"
          disabled={running}
          {...{ webkitdirectory: true }}
          onChange={(e) => {
            void filesFromList(e.currentTarget.files).then(choose);
            e.currentTarget.value = '';
          }}
        />
        <p class="hint">
          or drop files and folders here. A file whose certificate is already in the vault is skipped; each password is
          asked once.
        </p>
      </div>
      {files.length > 0 && !running && (
        <p class="actions" data-testid="bulk-chosen">
          <span>
            {files.length} file{files.length === 1 ? '' : 's'} chosen
          </span>
          <button type="button" class="primary" onClick={() => void start()}>
            Import {files.length === 1 ? 'it' : `all ${files.length}`}
          </button>
          <button type="button" onClick={() => setFiles([])}>
            Clear
          </button>
        </p>
      )}
      {running && work.progress && (
        <WorkProgress label="Importing the files" progress={work.progress} onCancel={cancel} />
      )}
      {question && (
        <form
          class="password-form"
          onSubmit={(e) => {
            e.preventDefault();
            reply(answer);
          }}
        >
          <div class="field">
            <label for="bulk-password">
              Password for <strong>{question.file}</strong>
            </label>
            <input
              id="bulk-password"
              type="password"
              autocomplete="off"
              value={answer}
              ref={(el) => el?.focus()}
              aria-invalid={question.wrong ? 'true' : undefined}
              aria-describedby={question.wrong ? 'bulk-password-error' : 'bulk-password-hint'}
              onInput={(e) => setAnswer(e.currentTarget.value)}
            />
            <p id="bulk-password-hint" class="hint">
              It is also tried on the files that follow.
            </p>
            <FieldError
              id="bulk-password-error"
              message={question.wrong ? 'That password does not open this file. Try again, or skip it.' : undefined}
            />
          </div>
          <p class="actions">
            <button type="submit" class="primary">
              Open the file
            </button>
            <button type="button" onClick={() => reply(undefined)}>
              Skip this file
            </button>
          </p>
        </form>
      )}
      <ErrorBanner error={error} onDismiss={() => setError(undefined)} />
      {summary && <BulkSummary summary={summary} headingRef={summaryHeading} />}
    </section>
  );
}

function BulkSummary({
  summary,
  headingRef,
}: {
  summary: BulkImportSummary;
  headingRef: { current: HTMLHeadingElement | null };
}) {
  const { imported, skipped, refused, notReached } = summary;
  return (
    <div class="bulk-summary" data-testid="bulk-summary">
      <h3 ref={headingRef} tabIndex={-1}>
        {summary.cancelled ? 'Cancelled: ' : ''}
        {imported.length} imported, {skipped.length} skipped, {refused.length} refused
        {notReached.length > 0 ? `, ${notReached.length} not reached` : ''}
      </h3>
      {imported.length > 0 && (
        <>
          <h4>Imported</h4>
          <ul data-testid="bulk-imported">
            {imported.map((i) => (
              <li key={i.file}>
                <a href={hrefFor('certificate', i.name)}>{i.name}</a> <span class="hint">from {i.file}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {skipped.length > 0 && (
        <>
          <h4>Skipped: the same certificate is already in the vault</h4>
          <ul data-testid="bulk-skipped">
            {skipped.map((s) => (
              <li key={s.file}>
                {s.file}{' '}
                <span class="hint">
                  {'certificate' in s.duplicateOf ? (
                    <>
                      same certificate as{' '}
                      <a href={hrefFor('certificate', s.duplicateOf.certificate)}>{s.duplicateOf.certificate}</a>
                    </>
                  ) : (
                    <>same certificate as {s.duplicateOf.file}, imported above</>
                  )}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {refused.length > 0 && (
        <>
          <h4>Refused</h4>
          <ul data-testid="bulk-refused">
            {refused.map((r) => (
              <li key={r.file}>
                {r.file}: <span class="hint">{r.message}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {notReached.length > 0 && (
        <>
          <h4>Not imported (cancelled before they were reached)</h4>
          <ul data-testid="bulk-not-reached">
            {notReached.map((f) => (
              <li key={f}>{f}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
