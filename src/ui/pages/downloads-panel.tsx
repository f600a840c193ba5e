import { useState } from 'preact/hooks';
import type { KeyVaultCertificateWithPolicy, KeyVaultCertificate } from '../state/vault-api';
import { downloadBytes, fileNameFor, toPem } from '../components/download';
import { ErrorBanner } from '../components/error-banner';
import { NewPasswordFields } from '../components/new-password-fields';
import { getVault, loadImportTools } from '../state/vault-client';
import { useAction } from '../state/use-action';
import { TransferActions } from '../transfer/transfer-actions';

/**
 * Every way a version leaves the vault: the certificate alone (CER, PEM chain, P7B), and
 * the secret with the private key (PFX or PEM, per the policy's content type) when the key
 * is exportable: a PFX with an optional password, legacy encoding or PBMAC1 MAC, a PEM with
 * the key plain or encrypted. Files are made in the page and saved through a blob: URL.
 */
export function DownloadsPanel({
  cert,
  contentType,
  exportable,
}: {
  cert: KeyVaultCertificate | KeyVaultCertificateWithPolicy;
  contentType?: string;
  exportable: boolean;
}) {
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [legacy, setLegacy] = useState(false);
  const [pbmac1, setPbmac1] = useState(false);
  const [encryptKey, setEncryptKey] = useState(false);
  const { busy, error, setError, run } = useAction();
  const chain = cert.chain.length ? cert.chain : [cert.cer];
  const base = cert.name;
  const isPfx = contentType !== 'application/x-pem-file';
  // PEM: the key is encrypted only under a password typed twice (nothing else checks it).
  const mismatch = encryptKey && again !== '' && password !== again ? 'The two passwords differ.' : undefined;
  const pemReady = !encryptKey || (password !== '' && password === again);
  const secret = (e: Event) => {
    e.preventDefault();
    if (!isPfx && !pemReady) return;
    void run(async () => {
      const vault = await getVault();
      const s = await vault.getSecret(cert.name, {
        version: cert.properties.version,
        password: (isPfx || encryptKey) && password ? password : undefined,
        legacy: isPfx && legacy,
        mac: isPfx && pbmac1 ? 'pbmac1' : undefined,
      });
      if (s.contentType === 'application/x-pem-file')
        downloadBytes(fileNameFor(base, 'pem'), s.value, 'application/x-pem-file');
      else downloadBytes(fileNameFor(base, 'pfx'), s.value, 'application/x-pkcs12');
    });
  };
  return (
    <section class="panel" aria-labelledby="downloads-title" aria-busy={busy ? 'true' : undefined}>
      <h2 id="downloads-title">Download</h2>
      <p class="actions">
        <button
          type="button"
          onClick={() => downloadBytes(fileNameFor(base, 'cer'), cert.cer, 'application/pkix-cert')}
        >
          CER (DER)
        </button>
        <button
          type="button"
          onClick={() =>
            downloadBytes(
              fileNameFor(base, 'pem'),
              chain.map((d) => toPem('CERTIFICATE', d)).join(''),
              'application/x-pem-file',
            )
          }
        >
          PEM (chain)
        </button>
        <button
          type="button"
          onClick={() =>
            void run(async () => {
              const tools = await loadImportTools();
              downloadBytes(
                fileNameFor(base, 'p7b'),
                await tools.certificatesToP7b(chain),
                'application/x-pkcs7-certificates',
              );
            })
          }
        >
          P7B (chain)
        </button>
      </p>
      <TransferActions name={base} cer={cert.cer} chain={chain} />
      {exportable && cert.keyIncluded ? (
        <form class="secret-form" onSubmit={secret}>
          <h3>With the private key</h3>
          {isPfx && (
            <div class="field">
              <label for="pfx-password">PFX password (optional)</label>
              <input
                id="pfx-password"
                type="password"
                autocomplete="new-password"
                value={password}
                onInput={(e) => setPassword(e.currentTarget.value)}
              />
            </div>
          )}
          {isPfx && (
            <label class="check">
              <input
                type="checkbox"
                checked={legacy}
                onChange={(e) => {
                  setLegacy(e.currentTarget.checked);
                  if (e.currentTarget.checked) setPbmac1(false);
                }}
              />
              Legacy compatible (3DES, SHA-1 MAC) for older Windows, macOS and Android
            </label>
          )}
          {isPfx && (
            <label class="check">
              <input
                type="checkbox"
                checked={pbmac1}
                onChange={(e) => {
                  setPbmac1(e.currentTarget.checked);
                  if (e.currentTarget.checked) setLegacy(false);
                }}
              />
              Modern MAC (PBMAC1, OpenSSL 3.4+)
            </label>
          )}
          {!isPfx && (
            <label class="check">
              <input type="checkbox" checked={encryptKey} onChange={(e) => setEncryptKey(e.currentTarget.checked)} />
              Encrypt the key with a password (PKCS#8, AES-256)
            </label>
          )}
          {!isPfx && encryptKey && (
            <NewPasswordFields
              id="pem-password"
              label="Key password"
              againLabel="Repeat the key password"
              mismatchId="pem-password-mismatch"
              password={password}
              again={again}
              mismatch={mismatch}
              onPassword={setPassword}
              onAgain={setAgain}
            />
          )}
          <button type="submit" class="primary" disabled={busy || (!isPfx && !pemReady)}>
            {isPfx ? 'PFX with private key' : encryptKey ? 'PEM with encrypted key' : 'PEM with private key'}
          </button>
        </form>
      ) : (
        <p class="hint">
          {!cert.keyIncluded
            ? 'The private key is not in this browser (restored from a backup without it).'
            : 'The private key is not exportable: it never leaves this browser.'}
        </p>
      )}
      <ErrorBanner error={error} onDismiss={() => setError(undefined)} />
    </section>
  );
}
