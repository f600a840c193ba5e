import { useMemo, useState } from 'preact/hooks';
import { Dialog } from '../components/dialog';
import { ErrorBanner, FieldError } from '../components/error-banner';
import { FileSource, type PickedFile } from '../components/file-source';
import { SubjectText } from '../components/subject-text';
import { explainError } from '../errors';
import { CSR_PROFILES, profileOptions, type CsrProfile } from '../state/csr-profiles';
import { KEY_USAGES, ekuLabel, SAN_TYPES } from '../state/policy-draft';
import { useAction } from '../state/use-action';
import type { CsrInfo, SignedCertificate } from '../state/vault-api';
import { describeCsr, getVault, vaultChanged } from '../state/vault-client';
import { RequestLintPanel } from './lint-panels';
import { SignedDownloads } from './signed-downloads';

/** What the request asks for, before the admin decides (ARCHITECTURE §8 "Local CA"). */
function RequestFacts({ info }: { info: CsrInfo }) {
  const sans = SAN_TYPES.flatMap((t) => (info.subjectAlternativeNames[t.field] ?? []).map((v) => `${t.label}: ${v}`));
  return (
    <dl class="facts" data-testid="csr-facts">
      <dt>Subject</dt>
      <dd class="mono-wrap">
        <SubjectText subject={info.subject} />
      </dd>
      <dt>Alternative names</dt>
      <dd>{sans.length ? sans.join(', ') : 'none'}</dd>
      <dt>Key</dt>
      <dd>{info.keyDescription ?? 'unknown'}</dd>
      <dt>Signature</dt>
      <dd>
        {info.signatureValid ? (
          `valid (${info.signatureAlgorithm ?? '?'})`
        ) : (
          <strong class="field-error">does not verify: the request was changed or signed with another key</strong>
        )}
      </dd>
      <dt>Key usage asked</dt>
      <dd>{info.keyUsage?.map((k) => KEY_USAGES.find((u) => u.value === k)?.label ?? k).join(', ') || 'none'}</dd>
      <dt>Extended key usage asked</dt>
      <dd>{info.enhancedKeyUsage?.map(ekuLabel).join(', ') || 'none'}</dd>
    </dl>
  );
}

/**
 * "Sign a request": a CSR by file or paste, what it asks for, a profile and a validity, then the
 * certificate to download. Errors about the request (a bad signature, a name outside the CA's
 * constraints) are shown in the vault's words.
 */
export function SignRequestDialog(props: {
  open: boolean;
  issuerName: string;
  caName: string;
  /** the CA's name constraints in words, '' for none */
  constraints: string;
  onClose: () => void;
}) {
  const [file, setFile] = useState<PickedFile>();
  const [info, setInfo] = useState<CsrInfo>();
  const [profile, setProfile] = useState<CsrProfile>('tls-server');
  const [days, setDays] = useState('365');
  const [pathLength, setPathLength] = useState('0');
  const [signed, setSigned] = useState<SignedCertificate>();
  const read = useAction();
  const sign = useAction();
  const words = sign.error ? explainError(sign.error) : undefined;
  const daysValue = Number(days);
  const daysError =
    Number.isInteger(daysValue) && daysValue >= 1 ? undefined : 'Validity is a whole number of days, 1 or more.';
  // The certificate this CA would sign, as the lint sees it: the profile's usages and days.
  const planned = useMemo(() => {
    const o = profileOptions(profile, info?.keySpec?.kty, daysError ? 365 : daysValue);
    return {
      issuerName: props.issuerName,
      ...(o.validityInDays !== undefined ? { validityInDays: o.validityInDays } : {}),
      ...(o.keyUsage ? { keyUsage: o.keyUsage } : {}),
      ...(o.enhancedKeyUsage?.length ? { enhancedKeyUsage: o.enhancedKeyUsage } : {}),
      ...(o.basicConstraints ? { basicConstraints: o.basicConstraints } : {}),
    };
  }, [profile, info, daysValue, daysError, props.issuerName]);
  const close = () => {
    setFile(undefined);
    setInfo(undefined);
    setSigned(undefined);
    read.setError(undefined);
    sign.setError(undefined);
    props.onClose();
  };
  const pick = (f: PickedFile) => {
    setFile(f);
    setInfo(undefined);
    setSigned(undefined);
    sign.setError(undefined);
    void read.run(async () => setInfo(await describeCsr(f.bytes)));
  };
  const submit = (e: Event) => {
    e.preventDefault();
    if (!file || !info || daysError) return;
    const kind = info.keySpec?.kty;
    const options = profileOptions(
      profile,
      kind,
      daysValue,
      profile === 'sub-ca' && pathLength.trim() !== '' ? Number(pathLength) : undefined,
    );
    void sign.run(async () => {
      setSigned(await (await getVault()).signCertificateRequest(props.issuerName, file.bytes, options));
      vaultChanged();
    });
  };
  return (
    <Dialog
      open={props.open}
      title={`Sign a request with ${props.caName}`}
      onClose={close}
      busy={read.busy || sign.busy}
    >
      {signed ? (
        <SignedDownloads signed={signed} onDone={close} />
      ) : (
        <form onSubmit={submit} noValidate aria-busy={sign.busy ? 'true' : undefined}>
          <p class="hint">
            {props.constraints
              ? `${props.caName} may certify only: ${props.constraints}.`
              : `${props.caName} has no name constraints.`}
          </p>
          <FileSource
            label="Certificate request (CSR)"
            accept=".csr,.req,.pem,.der,.p10"
            file={file}
            onFile={pick}
            pasteLabel="Or paste the request (PEM)"
            disabled={sign.busy}
            errorId={words?.field === 'csr' || read.error ? 'csr-error' : undefined}
          />
          <ErrorBanner error={read.error} messageId="csr-error" />
          {info && <RequestFacts info={info} />}
          <div class="grid-fields">
            <div class="field">
              <label for="csr-profile">Profile</label>
              <select
                id="csr-profile"
                value={profile}
                disabled={sign.busy}
                onChange={(e) => {
                  const p = e.currentTarget.value as CsrProfile;
                  setProfile(p);
                  setDays(String(CSR_PROFILES.find((x) => x.value === p)?.days ?? 365));
                }}
              >
                {CSR_PROFILES.map((p) => (
                  <option key={p.value} value={p.value}>
                    {p.label}
                  </option>
                ))}
              </select>
            </div>
            <div class="field">
              <label for="csr-days">Validity in days</label>
              <input
                id="csr-days"
                type="number"
                min={1}
                inputMode="numeric"
                value={days}
                disabled={sign.busy}
                aria-invalid={daysError || words?.field === 'validityInDays' ? 'true' : undefined}
                aria-describedby="csr-days-hint"
                onInput={(e) => setDays(e.currentTarget.value)}
              />
              <p id="csr-days-hint" class="hint">
                Cut to the CA&apos;s own expiry if it would outlive it.
              </p>
              <FieldError id="csr-days-error" message={daysError} />
            </div>
            {profile === 'sub-ca' && (
              <div class="field">
                <label for="csr-path-length">Path length</label>
                <input
                  id="csr-path-length"
                  type="number"
                  min={0}
                  inputMode="numeric"
                  value={pathLength}
                  disabled={sign.busy}
                  onInput={(e) => setPathLength(e.currentTarget.value)}
                />
              </div>
            )}
          </div>
          {file && info && <RequestLintPanel csr={file.bytes} policy={planned} testId="sign-lint" />}
          <ErrorBanner error={sign.error} onDismiss={() => sign.setError(undefined)} />
          <div class="actions dialog-actions">
            <button type="button" onClick={close}>
              Cancel
            </button>
            <button type="submit" class="primary" disabled={!info || sign.busy || !!daysError}>
              {sign.busy ? 'Signing…' : 'Sign'}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
