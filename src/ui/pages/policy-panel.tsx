import { PolicyJsonTools } from '../components/policy-json-tools';
import { useState } from 'preact/hooks';
import type { CertificatePolicy } from '../state/vault-api';
import { isPolicyField, policyErrorsOf, PolicyForm } from '../components/policy-form';
import { ErrorBanner } from '../components/error-banner';
import { SubjectText } from '../components/subject-text';
import { explainError, isChanged } from '../errors';
import {
  KEY_USAGES,
  ekuLabel,
  policyToDraft,
  draftToPatch,
  draftErrors,
  SAN_TYPES,
  type PolicyDraft,
} from '../state/policy-draft';
import { usePolicyCheck } from '../state/use-policy-check';
import { usePolicyLint } from '../state/use-lint';
import { describeNameConstraints } from '../state/ca-draft';
import { useIssuerChoices } from '../state/use-issuer-names';
import { useAction } from '../state/use-action';
import { getVault, loadedVaultModule, vaultChanged } from '../state/vault-client';

/**
 * The key operations the policy's key usage allows, from the vault's own table (ARCHITECTURE §5,
 * seed 001), so the screen and the CryptographyClient can never disagree. The policy shown
 * came from the vault, so its module is loaded by now.
 */
export function keyOperationsOf(policy: CertificatePolicy): string[] {
  return [...(loadedVaultModule()?.keyOperationsFor(policy.keyUsage) ?? [])];
}

function lifetimeText(p: CertificatePolicy): string {
  const a = p.lifetimeActions?.[0];
  if (!a) return 'none';
  const what = a.action === 'AutoRenew' ? 'Renew automatically' : 'Notify the contacts';
  return a.daysBeforeExpiry !== undefined
    ? `${what} ${a.daysBeforeExpiry} days before expiry`
    : `${what} at ${a.lifetimePercentage} % of the lifetime`;
}

/** "CA, path length 0; permitted DNS contoso.com". */
function caText(p: CertificatePolicy): string {
  const length = p.basicConstraints?.pathLength;
  const ca = length === undefined ? 'CA, no path length limit' : `CA, path length ${length}`;
  return [ca, describeNameConstraints(p.nameConstraints)].filter(Boolean).join('; ');
}

/** The policy shared by all versions: read view, and an editor for the next version. */
export function PolicyPanel({
  name,
  policy,
  revision,
}: {
  name: string;
  policy: CertificatePolicy;
  /** the certificate's revision this policy was read at; undefined for a certificate still pending */
  revision?: number;
}) {
  const { names: issuers, local } = useIssuerChoices();
  const [editing, setEditing] = useState(false);
  // The revision the editor started from: a save after another tab's is refused, not applied over it.
  const [editedRevision, setEditedRevision] = useState<number | undefined>();
  const [draft, setDraft] = useState<PolicyDraft>(() => policyToDraft(policy));
  const { busy, error, setError, run } = useAction();
  const live = usePolicyCheck(draft, issuers, editing, local);
  const findings = usePolicyLint(draft);
  const words = error ? explainError(error) : undefined;
  const errors = { ...live, ...policyErrorsOf(words) };
  const save = (e: Event) => {
    e.preventDefault();
    if (Object.keys(draftErrors(draft)).length) return;
    void run(async () => {
      await (
        await getVault()
      ).updateCertificatePolicy(name, draftToPatch(draft, policy), {
        ifMatch: editedRevision,
      });
      setEditing(false);
      vaultChanged();
    });
  };
  const sans = SAN_TYPES.flatMap((t) =>
    (policy.subjectAlternativeNames?.[t.field] ?? []).map((v) => `${t.label}: ${v}`),
  );
  return (
    <section class="panel" aria-labelledby="policy-title">
      <h2 id="policy-title">Policy</h2>
      {!editing ? (
        <>
          <dl class="facts">
            <dt>Subject</dt>
            <dd class="mono-wrap" data-testid="policy-subject">
              <SubjectText subject={policy.subject ?? ''} />
            </dd>
            <dt>Alternative names</dt>
            <dd>{sans.length ? sans.join(', ') : 'none'}</dd>
            <dt>Key</dt>
            <dd>
              {policy.keyType} {policy.keyType?.startsWith('EC') ? policy.keyCurveName : policy.keySize}
              {policy.exportable ? ', exportable' : ', not exportable'}
              {policy.reuseKey ? ', reused on renewal' : ''}
            </dd>
            <dt>Key operations</dt>
            <dd data-testid="key-operations">{keyOperationsOf(policy).join(', ')}</dd>
            <dt>Secret format</dt>
            <dd>{policy.contentType === 'application/x-pem-file' ? 'PEM' : 'PKCS#12 (PFX)'}</dd>
            <dt>Validity</dt>
            <dd>
              {policy.validityInDays !== undefined
                ? `${policy.validityInDays} days`
                : `${policy.validityInMonths} months`}
            </dd>
            {policy.basicConstraints?.ca && (
              <>
                <dt>Certificate authority</dt>
                <dd data-testid="policy-ca">{caText(policy)}</dd>
              </>
            )}
            <dt>Key usage</dt>
            <dd>
              {(policy.keyUsage ?? []).map((k) => KEY_USAGES.find((u) => u.value === k)?.label ?? k).join(', ') ||
                'none'}
            </dd>
            <dt>Extended key usage</dt>
            <dd>{(policy.enhancedKeyUsage ?? []).map(ekuLabel).join(', ') || 'none'}</dd>
            <dt>Lifetime action</dt>
            <dd>{lifetimeText(policy)}</dd>
            <dt>Issuer</dt>
            <dd>{policy.issuerName}</dd>
          </dl>
          <button
            type="button"
            onClick={() => {
              setDraft(policyToDraft(policy));
              setEditedRevision(revision);
              setEditing(true);
            }}
          >
            Edit the policy
          </button>
          <PolicyJsonTools
            name={name}
            policy={policy}
            onDraft={(d) => {
              setDraft(d);
              setEditedRevision(revision);
              setEditing(true);
            }}
          />
        </>
      ) : (
        <form class="form" onSubmit={save} aria-busy={busy ? 'true' : undefined} noValidate>
          <p class="hint">Changes apply to the next version (renewal); current versions keep their certificate.</p>
          <PolicyForm
            idPrefix="policy"
            draft={draft}
            onChange={setDraft}
            errors={errors}
            issuers={issuers}
            localIssuers={local}
            disabled={busy}
            findings={findings}
            publicTlsDays={loadedVaultModule()?.recommendedValidityDays(new Date())}
          />
          {words && !isPolicyField(words.field) && (
            <ErrorBanner
              error={error}
              onDismiss={() => setError(undefined)}
              action={
                isChanged(error)
                  ? {
                      label: 'Start again from the saved policy',
                      run: () => {
                        setDraft(policyToDraft(policy));
                        setEditedRevision(revision);
                        setError(undefined);
                      },
                    }
                  : undefined
              }
            />
          )}
          <p class="actions">
            <button type="submit" class="primary" disabled={busy}>
              Save the policy
            </button>
            <button type="button" onClick={() => setEditing(false)} disabled={busy}>
              Cancel
            </button>
          </p>
        </form>
      )}
    </section>
  );
}
