import { useMemo, useState } from 'preact/hooks';
import { downloadBytes, fileNameFor } from '../components/download';
import { ErrorBanner, FieldError } from '../components/error-banner';
import { explainError } from '../errors';
import { describeNameConstraints } from '../state/ca-draft';
import { LOCAL_PROVIDER } from '../state/issuer-draft';
import { useAction } from '../state/use-action';
import { useVaultQuery } from '../state/use-vault-query';
import type { CertificateVault } from '../state/vault-api';
import { collect, describeCertificate, getVault, vaultChanged } from '../state/vault-client';
import { IssuedTable } from './issued-table';
import { SignRequestDialog } from './sign-request-dialog';

/** Whether the certificate is a CA, the Local issuers that sign with it, and what they issued. */
async function load(v: CertificateVault, name: string, cer: Uint8Array) {
  const info = await describeCertificate(cer);
  const locals = (await collect(v.listPropertiesOfIssuers())).filter((i) => i.provider === LOCAL_PROVIDER);
  const issuers: string[] = [];
  for (const i of locals) {
    const full = await v.getIssuer(i.name);
    if (full.certificateName?.toLowerCase() === name.toLowerCase()) issuers.push(i.name);
  }
  // The log belongs to the CA certificate: every issuer naming it lists the same entries.
  const issued = issuers.length ? await collect(v.listIssuedCertificates(issuers[0])) : [];
  return {
    ca: info.basicConstraints?.ca === true,
    issuers,
    issued,
    constraints: describeNameConstraints(info.nameConstraints),
  };
}

/** Makes the first Local issuer of a CA certificate, named by the admin. */
function MakeIssuer({ name }: { name: string }) {
  const [issuerName, setIssuerName] = useState(`${name}-issuer`);
  const { busy, error, setError, run } = useAction();
  const words = error ? explainError(error) : undefined;
  const inPlace = words?.field === 'name' || words?.field === 'certificateName';
  return (
    <form
      class="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        void run(async () => {
          await (await getVault()).createIssuer(issuerName.trim(), LOCAL_PROVIDER, { certificateName: name });
          vaultChanged();
        });
      }}
    >
      <p>No Local issuer signs with this CA yet. Make one, then policies can name it and requests can be signed.</p>
      <div class="field">
        <label for="ca-issuer-name">Issuer name</label>
        <input
          id="ca-issuer-name"
          type="text"
          value={issuerName}
          disabled={busy}
          aria-invalid={inPlace ? 'true' : undefined}
          aria-describedby={inPlace ? 'ca-issuer-error' : undefined}
          onInput={(e) => setIssuerName(e.currentTarget.value)}
        />
        <FieldError id="ca-issuer-error" message={inPlace ? words.message : undefined} />
      </div>
      <button type="submit" class="primary" disabled={busy}>
        Make a Local issuer
      </button>
      {!inPlace && <ErrorBanner error={error} onDismiss={() => setError(undefined)} />}
    </form>
  );
}

/**
 * A CA certificate's page (ARCHITECTURE §8 "Local CA"): its Local issuer, "Sign a request", the
 * issued-certificates log with revocation, and "Download CRL". Shown only for a CA certificate.
 */
export function CaPanel({ name, cer, version }: { name: string; cer: Uint8Array; version?: string }) {
  const q = useVaultQuery((v) => load(v, name, cer), [name, version]);
  const now = useMemo(() => new Date(), [q.data]);
  const [signing, setSigning] = useState(false);
  const [days, setDays] = useState('30');
  const crl = useAction();
  const d = q.data;
  if (!d) return q.error ? <ErrorBanner error={q.error} /> : null;
  if (!d.ca && d.issuers.length === 0) return null;
  const issuer = d.issuers.at(0);
  const daysValue = Number(days);
  const daysBad = !Number.isInteger(daysValue) || daysValue < 1 || daysValue > 366;
  const downloadCrl = () =>
    void crl.run(
      async () => {
        if (!issuer) return;
        const bytes = await (await getVault()).getCrl(issuer, { nextUpdateInDays: daysValue });
        downloadBytes(fileNameFor(name, 'crl'), bytes, 'application/pkix-crl');
      },
      `CRL saved: valid for ${daysValue} days, listing ${d.issued.filter((e) => e.revocation).length} revoked.`,
    );
  return (
    <section class="panel" aria-labelledby="ca-title" aria-busy={crl.busy ? 'true' : undefined}>
      <h2 id="ca-title">Certificate authority</h2>
      {!issuer ? (
        <MakeIssuer name={name} />
      ) : (
        <>
          <p>
            Local issuer{d.issuers.length > 1 ? 's' : ''}: <strong>{d.issuers.join(', ')}</strong>. Policies naming it
            are signed here at once and renew automatically.
          </p>
          <p class="actions">
            <button type="button" class="primary" onClick={() => setSigning(true)}>
              Sign a request
            </button>
          </p>
          <h3>Issued certificates</h3>
          <IssuedTable issuerName={issuer} entries={d.issued} now={now} />
          <h3>Revocation list</h3>
          <div class="inline-form">
            <div class="field narrow">
              <label for="crl-days">Next update in days</label>
              <input
                id="crl-days"
                type="number"
                min={1}
                max={366}
                inputMode="numeric"
                value={days}
                aria-invalid={daysBad ? 'true' : undefined}
                aria-describedby="crl-days-hint"
                onInput={(e) => setDays(e.currentTarget.value)}
              />
              <p id="crl-days-hint" class="hint">
                1 to 366. Each download is a new CRL with the next CRL number.
              </p>
            </div>
            <button type="button" onClick={downloadCrl} disabled={crl.busy || daysBad}>
              Download CRL
            </button>
            <span role="status"> {crl.done}</span>
          </div>
          <ErrorBanner error={crl.error} onDismiss={() => crl.setError(undefined)} />
          <SignRequestDialog
            open={signing}
            issuerName={issuer}
            caName={name}
            constraints={d.constraints}
            onClose={() => setSigning(false)}
          />
        </>
      )}
    </section>
  );
}
