import { useEffect, useState } from 'preact/hooks';
import type { CertificateInfo } from '../state/vault-api';
import { describeCertificate } from '../state/vault-client';
import { colonHex, formatDateTime } from '../state/cert-status';
import { KEY_USAGES, ekuLabel, SAN_TYPES } from '../state/policy-draft';
import { describeNameConstraints } from '../state/ca-draft';
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
      {info.nameConstraints && (
        <>
          <dt>Name constraints</dt>
          <dd data-testid="viewer-name-constraints">
            {[
              describeNameConstraints(info.nameConstraints),
              info.nameConstraints.otherForms ? `and ${info.nameConstraints.otherForms} of other forms` : '',
            ]
              .filter(Boolean)
              .join('; ') || 'none'}
          </dd>
        </>
      )}
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
 * The certificates on this certificate's path within `infos` (index 0 up, issuer by subject
 * name), so a CA that only travelled in the same file is not shown as its root.
 */
function onPath(infos: CertificateInfo[]): Set<number> {
  const path = new Set<number>([0]);
  let current = infos.at(0);
  while (current && !current.selfSigned) {
    const issuer: string = current.issuer;
    const next = infos.findIndex((c, i) => !path.has(i) && c.subject === issuer);
    if (next < 0) break;
    path.add(next);
    current = infos[next];
  }
  return path;
}

function roleOf(infos: CertificateInfo[], path: Set<number>, i: number): string {
  if (i === 0) return ' (this certificate)';
  if (!path.has(i)) return ' (not in this certificate’s chain)';
  return infos[i].selfSigned ? ' (root)' : ' (intermediate)';
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
  const path = onPath(infos);
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
                {roleOf(infos, path, i)}
              </li>
            ))}
          </ol>
        </nav>
      )}
      <Fields info={info} />
    </div>
  );
}
