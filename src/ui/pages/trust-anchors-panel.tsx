import { useState } from 'preact/hooks';
import { ConfirmDialog } from '../components/dialog';
import { ErrorBanner } from '../components/error-banner';
import { FileSource, type PickedFile } from '../components/file-source';
import { SubjectText } from '../components/subject-text';
import { colonHex, formatDate } from '../state/cert-status';
import { useAction } from '../state/use-action';
import { useCaCandidates } from '../state/use-ca-certificates';
import { useVaultQuery } from '../state/use-vault-query';
import type { TrustAnchor } from '../state/vault-api';
import { getVault, vaultChanged } from '../state/vault-client';

/** Trusts a CA certificate of the vault: its latest version. */
function FromVault({ disabled, onTrust }: { disabled: boolean; onTrust: (name: string) => void }) {
  const cas = useCaCandidates().filter((c) => c.ca);
  const [chosen, setChosen] = useState('');
  const name = chosen || cas.at(0)?.name || '';
  if (cas.length === 0) return null;
  return (
    <div class="inline-form">
      <div class="field">
        <label for="anchor-from-vault">A CA certificate of this vault</label>
        <select
          id="anchor-from-vault"
          value={name}
          disabled={disabled}
          onChange={(e) => setChosen(e.currentTarget.value)}
        >
          {cas.map((c) => (
            <option key={c.name} value={c.name}>
              {c.name}
              {c.subject ? ` (${c.subject})` : ''}
            </option>
          ))}
        </select>
      </div>
      <button type="button" disabled={disabled || !name} onClick={() => onTrust(name)}>
        Trust this CA
      </button>
    </div>
  );
}

/**
 * The vault's trust anchors (ARCHITECTURE §8 "Chains and trust anchors"): the CAs a chain may
 * end at to be trusted. Added from a file (picked, dropped, pasted or scanned) or from a vault CA.
 */
export function TrustAnchorsPanel() {
  const q = useVaultQuery((v) => v.listTrustAnchors(), []);
  const [file, setFile] = useState<PickedFile>();
  const [removing, setRemoving] = useState<TrustAnchor>();
  const action = useAction();
  const add = (bytes: () => Promise<Uint8Array>) =>
    void action.run(
      async () => {
        const anchor = await (await getVault()).addTrustAnchor(await bytes());
        setFile(undefined);
        vaultChanged();
        return anchor;
      },
      (a) => `Trusted: ${a.subject}.`,
    );
  const fileError = action.error && (action.error as { field?: string }).field === 'file';
  return (
    <section class="panel" aria-labelledby="anchors-title" aria-busy={action.busy ? 'true' : undefined}>
      <h2 id="anchors-title">Trust anchors</h2>
      <p class="hint">
        A certificate's chain is trusted when it ends at one of these CAs and every link checks out. Add the root (or a
        CA) whose certificate you got from its owner.
      </p>
      {q.error !== undefined && <ErrorBanner error={q.error} />}
      {q.data && q.data.length === 0 && (
        <p class="empty-state">No trust anchors yet: every chain reads "not trusted".</p>
      )}
      {q.data && q.data.length > 0 && (
        <ul class="card-list" data-testid="trust-anchors">
          {q.data.map((a) => (
            <li key={a.sha256} class="card">
              <div>
                <strong>
                  <SubjectText subject={a.subject} empty="(no subject)" />
                </strong>
                <span class="hint">
                  {' '}
                  · {a.selfSigned ? 'root' : 'CA'} · expires {formatDate(a.expiresOn)}
                </span>
                <div class="mono-wrap hint">SHA-256 {colonHex(a.sha256)}</div>
              </div>
              <div class="actions">
                <button
                  type="button"
                  class="danger"
                  onClick={() => setRemoving(a)}
                  aria-label={`Remove the trust anchor ${a.subject}`}
                >
                  Remove
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <h3>Add a trust anchor</h3>
      <FileSource
        label="CA certificate file (PEM or DER)"
        accept=".cer,.crt,.pem,.der,application/x-x509-ca-cert,application/pkix-cert"
        file={file}
        onFile={setFile}
        pasteLabel="Pasted certificate (PEM)"
        disabled={action.busy}
        errorId={fileError ? 'anchor-error' : undefined}
      />
      <p class="actions">
        <button
          type="button"
          class="primary"
          disabled={!file || action.busy}
          onClick={() => file && add(() => Promise.resolve(file.bytes))}
        >
          Trust {file ? file.name : 'the file'}
        </button>
      </p>
      <FromVault
        disabled={action.busy}
        onTrust={(name) => add(async () => (await (await getVault()).getCertificate(name)).cer)}
      />
      <span role="status">{action.done}</span>
      <div id="anchor-error">
        <ErrorBanner error={action.error} onDismiss={() => action.setError(undefined)} />
      </div>
      <ConfirmDialog
        open={!!removing}
        title="Remove this trust anchor?"
        message={
          <p>
            Chains that end at <SubjectText subject={removing?.subject ?? ''} /> will read "not trusted" until it is
            added again.
          </p>
        }
        confirmLabel="Remove"
        danger
        busy={action.busy}
        onCancel={() => setRemoving(undefined)}
        onConfirm={() => {
          const anchor = removing;
          if (!anchor) return;
          void action
            .run(async () => {
              await (await getVault()).removeTrustAnchor(anchor.sha256);
              vaultChanged();
            }, `Removed: ${anchor.subject}.`)
            .finally(() => setRemoving(undefined));
        }}
      />
    </section>
  );
}
