import { useMemo } from 'preact/hooks';
import { useVaultQuery } from '../state/use-vault-query';
import { collect } from '../state/vault-client';
import { isNotFound } from '../errors';
import { hrefFor } from '../state/router';
import { statusOf } from '../state/cert-status';
import type { CertificateVault } from '../state/vault-api';
import { ErrorBanner } from '../components/error-banner';
import { CertificateViewer } from '../components/certificate-viewer';
import { PendingPanel } from './pending-panel';
import { DownloadsPanel } from './downloads-panel';
import { VersionsPanel } from './versions-panel';
import { PropertiesPanel } from './properties-panel';
import { PolicyPanel } from './policy-panel';
import { ManagePanel } from './manage-panel';
import { KeyOperationsPanel } from './key-operations-panel';
import { CaPanel } from './ca-panel';
import { CertificateLintPanel } from './lint-panels';
import { ChainPanel } from './chain-panel';
import { EmailContactsButton } from '../notifications/email-contacts-button';
import { KeyProtectionLine } from '../access/key-protection-line';

/** NotFound means "there is none" for the parts a certificate may lack (no version yet, no operation). */
const orNone = <T,>(p: Promise<T>): Promise<T | undefined> =>
  p.catch((e: unknown) => {
    if (isNotFound(e)) return undefined;
    throw e;
  });

async function load(vault: CertificateVault, name: string, version?: string) {
  const [latest, operation, versions, policy] = await Promise.all([
    orNone(vault.getCertificate(name)),
    orNone(vault.getCertificateOperation(name)),
    orNone(collect(vault.listPropertiesOfCertificateVersions(name))),
    orNone(vault.getCertificatePolicy(name)),
  ]);
  const shown = version ? await vault.getCertificateVersion(name, version) : latest;
  if (!latest && !operation && !policy) await vault.getCertificate(name); // rethrows the vault's NotFound in its words
  // The latest version's policy and revision come from one read, so a save from this page can
  // name the revision of exactly the policy it showed (ARCHITECTURE §9 "Concurrency").
  return {
    latest,
    shown,
    operation,
    versions: versions ?? [],
    policy: latest?.policy ?? policy,
    revision: latest?.properties.revision,
  };
}

/** One certificate: viewer, chain check, pending request, downloads, versions, properties, policy, backup. */
export function CertificatePage({ name, version }: { name: string; version?: string }) {
  const q = useVaultQuery((v) => load(v, name, version), [name, version]);
  const d = q.data;
  // "Now" is when the data arrived: a page kept open re-reads it after every change.
  const now = useMemo(() => new Date(), [d]);
  const shown = d?.shown;
  const status = shown ? statusOf(shown.properties, now) : undefined;
  return (
    <section aria-labelledby="cert-title">
      <p class="breadcrumb">
        <a href={hrefFor('certificates')}>Certificates</a> ›
      </p>
      <h1 id="cert-title">{name}</h1>
      {q.error !== undefined && <ErrorBanner error={q.error} />}
      {q.loading && !d && <p aria-busy="true">Loading…</p>}
      {d && (
        <>
          {shown && status && (
            <p class="summary">
              <span class={`status st-${status.kind}`} data-testid="cert-status">
                {status.label}
              </span>{' '}
              {version ? (
                <>
                  Version <span class="mono">{version}</span> ·{' '}
                  <a href={hrefFor('certificate', name)}>show the current version</a>
                </>
              ) : (
                <>
                  Current version <span class="mono">{shown.properties.version}</span>
                </>
              )}
            </p>
          )}
          {shown && !shown.keyIncluded && (
            <p class="notice" role="note">
              The private key of this version is not in this browser: it was not exportable, so its backup could not
              carry it.
            </p>
          )}
          {shown?.keyIncluded && <KeyProtectionLine protection={shown.keyProtection} />}
          {shown && (
            <p class="email-contacts-line">
              <EmailContactsButton
                certificateName={name}
                expiresOn={shown.properties.expiresOn}
                subject={shown.properties.subject}
                thumbprint={shown.properties.x509ThumbprintString}
                issuerName={d.policy?.issuerName}
              />
            </p>
          )}
          {d.operation && d.operation.status !== 'completed' && <PendingPanel op={d.operation} policy={d.policy} />}
          {shown && (
            <section class="panel" aria-labelledby="viewer-title">
              <h2 id="viewer-title">Certificate</h2>
              <CertificateViewer der={shown.cer} chain={shown.chain} />
            </section>
          )}
          {shown && <CertificateLintPanel der={shown.cer} />}
          {shown && <ChainPanel name={name} version={shown.properties.version} cer={shown.cer} />}
          {shown && (
            <DownloadsPanel cert={shown} contentType={d.policy?.contentType} exportable={shown.keyExportable} />
          )}
          {d.latest && <CaPanel name={name} cer={d.latest.cer} version={d.latest.properties.version} />}
          <VersionsPanel name={name} versions={d.versions} current={shown?.properties.version} now={now} />
          {shown && <PropertiesPanel cert={shown} />}
          {shown && d.policy && shown.keyIncluded && (
            <KeyOperationsPanel name={name} version={shown.properties.version} policy={d.policy} />
          )}
          {d.policy && <PolicyPanel name={name} policy={d.policy} revision={d.revision} />}
          {d.latest && <ManagePanel name={name} keyExportable={d.latest.keyExportable} />}
        </>
      )}
    </section>
  );
}
