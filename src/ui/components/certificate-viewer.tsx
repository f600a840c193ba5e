import { useEffect, useState } from 'preact/hooks';
import type { CertificateInfo } from '../state/vault-api';
import { describeCertificate } from '../state/vault-client';
import { colonHex, formatDateTime } from '../state/cert-status';
import { KEY_USAGES, ekuLabel, SAN_TYPES } from '../state/policy-draft';
import { ErrorBanner } from './error-banner';
import { SubjectText } from './subject-text';

/** Fields of one certificate, laid out as a browser's certificate viewer shows them. */
function Fields({ info }: { info: CertificateInfo }) {
  const sans = SAN_TYPES.flatMap((t) => (info.subjectAlternativeNames[t.field] ?? []).map((v) => `${t.label}: ${v}`));
  return (
    <dl class="facts cert-fields">
      <dt>Subject</dt>
      <dd class="mono-wrap" data-testid="viewer-subject">
        <SubjectText subject={info.subject} />
      </dd>
      <dt>Issuer</dt>
      <dd class="mono-wrap">
        <SubjectText subject={info.issuer} />
      </dd>
      <dt>Serial number</dt>
      <dd class="mono-wrap">{colonHex(info.serialNumber)}</dd>
      <dt>Valid from</dt>
      <dd>{formatDateTime(info.notBefore)}</dd>
      <dt>Valid to</dt>
      <dd>{formatDateTime(info.notAfter)}</dd>
      <dt>Subject alternative names</dt>
      <dd>
        {sans.length ? (
          <ul class="plain">
            {sans.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        ) : (
          'none'
        )}
      </dd>
      <dt>Key usage</dt>
      <dd>
        {info.keyUsage.length
          ? info.keyUsage.map((k) => KEY_USAGES.find((u) => u.value === k)?.label ?? k).join(', ')
          : 'not restricted'}
      </dd>
      <dt>Extended key usage</dt>
      <dd>{info.enhancedKeyUsage.length ? info.enhancedKeyUsage.map(ekuLabel).join(', ') : 'not restricted'}</dd>
      <dt>Basic constraints</dt>
      <dd>
        {info.basicConstraints
          ? `${info.basicConstraints.ca ? 'CA' : 'End entity'}${info.basicConstraints.pathLength !== undefined ? `, path length ${info.basicConstraints.pathLength}` : ''}`
          : 'absent (end entity)'}
      </dd>
      <dt>Public key</dt>
      <dd>{info.keyDescription}</dd>
      <dt>Signature algorithm</dt>
      <dd>{info.signatureAlgorithm}</dd>
      <dt>SHA-1 fingerprint</dt>
      <dd class="mono-wrap" data-testid="sha1">
        {colonHex(info.sha1Thumbprint)}
      </dd>
      <dt>SHA-256 fingerprint</dt>
      <dd class="mono-wrap" data-testid="sha256">
        {colonHex(info.sha256Fingerprint)}
      </dd>
      {info.subjectKeyIdentifier && (
        <>
          <dt>Subject key identifier</dt>
          <dd class="mono-wrap">{colonHex(info.subjectKeyIdentifier)}</dd>
        </>
      )}
    </dl>
  );
}

/**
 * The certificate and its chain. Parsing happens in the vault module; only the parsed text
 * is kept here, and it is rendered as text (subjects may hold any characters).
 */
export function CertificateViewer({ der, chain }: { der: Uint8Array; chain: Uint8Array[] }) {
  const [infos, setInfos] = useState<CertificateInfo[]>();
  const [error, setError] = useState<unknown>();
  const [shown, setShown] = useState(0);
  useEffect(() => {
    let live = true;
    const all = chain.length ? chain : [der];
    Promise.all(all.map((d) => describeCertificate(d))).then(
      (r) => {
        if (!live) return;
        setInfos(r);
        setShown(0);
      },
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [der, chain]);
  if (error) return <ErrorBanner error={error} />;
  if (!infos) return <p aria-busy="true">Reading the certificate…</p>;
  const info = infos.at(shown) ?? infos.at(0);
  if (!info) return null;
  return (
    <div class="viewer">
      {infos.length > 1 && (
        <nav aria-label="Certificate chain" class="chain">
          <h3>Chain</h3>
          <ol>
            {infos.map((c, i) => (
              <li key={i}>
                <button
                  type="button"
                  class="link"
                  aria-current={i === shown ? 'true' : undefined}
                  onClick={() => setShown(i)}
                >
                  <SubjectText subject={c.subject || c.issuer} empty={`certificate ${i + 1}`} />
                </button>
                {i === 0 ? ' (this certificate)' : c.selfSigned ? ' (root)' : ''}
              </li>
            ))}
          </ol>
        </nav>
      )}
      <Fields info={info} />
    </div>
  );
}
